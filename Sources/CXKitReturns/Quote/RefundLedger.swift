import CXKitCore

/// What an order has had refunded so far: how many unit positions of each line are settled
/// and the money refunded. Stored with the order; each settlement advances it in the same
/// commit, so no unit is refunded twice and the order never gets back more than it paid.
public struct RefundLedger: Hashable, Sendable, Codable {
    /// Settled unit positions per line (positions `0 ..< n` are used).
    public private(set) var settledUnits: [OrderLineID: Int]
    /// The money refunded so far.
    public private(set) var refunded: Money

    /// Creates an empty ledger.
    ///
    /// - Parameter currency: The order's currency.
    public init(currency: CurrencyCode) {
        self.settledUnits = [:]
        self.refunded = .zero(currency)
    }

    /// The first unit position of a line not settled yet.
    ///
    /// - Parameter line: The line.
    /// - Returns: The position.
    public func nextUnit(of line: OrderLineID) -> Int { settledUnits[line, default: 0] }

    /// Books a settlement.
    ///
    /// - Parameters:
    ///   - settlement: The settled quote; its units must start at ``nextUnit(of:)``.
    ///   - amountPaid: What the order paid.
    /// - Throws: ``ReturnsError`` with `.refundExceedsRefundable` (field `units` or
    ///   `total`) when a unit was already settled or the total would exceed what was paid;
    ///   `.currencyMismatch` for another currency.
    public mutating func record(_ settlement: RefundQuote, amountPaid: Money) throws(ReturnsError) {
        guard settlement.currency == refunded.currency, amountPaid.currency == refunded.currency else {
            throw ReturnsError(
                code: .currencyMismatch, field: "currency", reason: "must be the order's currency")
        }
        var next = settledUnits
        next.reserveCapacity(settledUnits.count + settlement.units.count)
        for unit in settlement.units {
            guard unit.unit == next[unit.line, default: 0] else {
                throw ReturnsError(
                    code: .refundExceedsRefundable, field: "units",
                    reason: "a unit position is already settled")
            }
            next[unit.line, default: 0] += 1
        }
        let total = refunded.minorUnits + settlement.total.minorUnits
        guard total <= amountPaid.minorUnits else {
            throw ReturnsError(
                code: .refundExceedsRefundable, field: "total",
                reason: "the refunds would exceed what was paid")
        }
        settledUnits = next
        refunded = Money(minorUnits: total, currency: refunded.currency)
    }
}
