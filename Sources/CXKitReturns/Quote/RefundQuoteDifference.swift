import CXKitCore

/// How a settlement differs from the quote the customer saw before submitting.
public struct RefundQuoteDifference: Hashable, Sendable, Codable {
    /// One line's change.
    public struct LineChange: Hashable, Sendable, Codable {
        /// The order line.
        public let line: OrderLineID
        /// Units quoted.
        public let quotedQuantity: Int
        /// Units settled (rejected or missing units drop out).
        public let settledQuantity: Int
        /// The quoted refund for the line.
        public let quoted: Money
        /// The settled refund for the line.
        public let settled: Money
        /// The condition deductions applied at settlement.
        public let conditionDeductions: Money

        /// Creates a line change.
        ///
        /// - Parameters:
        ///   - line: The order line.
        ///   - quotedQuantity: Units quoted.
        ///   - settledQuantity: Units settled.
        ///   - quoted: The quoted refund.
        ///   - settled: The settled refund.
        ///   - conditionDeductions: Deductions applied.
        public init(
            line: OrderLineID, quotedQuantity: Int, settledQuantity: Int, quoted: Money, settled: Money,
            conditionDeductions: Money
        ) {
            self.line = line
            self.quotedQuantity = quotedQuantity
            self.settledQuantity = settledQuantity
            self.quoted = quoted
            self.settled = settled
            self.conditionDeductions = conditionDeductions
        }
    }

    /// The quoted total.
    public let quoted: Money
    /// The settled total.
    public let settled: Money
    /// `settled − quoted` (negative when the customer gets less than quoted).
    public let difference: Money
    /// Per-line changes, for every line in either.
    public let lines: [LineChange]

    /// Compares a quote with its settlement.
    ///
    /// - Parameters:
    ///   - quote: The quote shown before submission.
    ///   - settlement: The settlement after inspection.
    public init(quote: RefundQuote, settlement: RefundQuote) {
        self.quoted = quote.total
        self.settled = settlement.total
        self.difference = Money(
            minorUnits: settlement.total.minorUnits - quote.total.minorUnits, currency: quote.currency)
        let quotedLines = quote.totalsByLine
        let settledLines = settlement.totalsByLine
        var deductions: [OrderLineID: Int64] = [:]
        for unit in settlement.units {
            deductions[unit.line, default: 0] += unit.conditionDeduction.minorUnits
        }
        var all = quotedLines.map(\.line)
        for line in settledLines.map(\.line) where !all.contains(line) { all.append(line) }
        let zero = Money(minorUnits: 0, currency: quote.currency)
        self.lines = all.map { line in
            let q = quotedLines.first { $0.line == line }
            let s = settledLines.first { $0.line == line }
            return LineChange(
                line: line, quotedQuantity: q?.quantity ?? 0, settledQuantity: s?.quantity ?? 0,
                quoted: q?.total ?? zero, settled: s?.total ?? zero,
                conditionDeductions: Money(minorUnits: deductions[line, default: 0], currency: quote.currency)
            )
        }
    }
}
