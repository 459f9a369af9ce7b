import CXKitCore

/// A deterministic refund computation: per-unit breakdowns, the request-level fee and the
/// total, with what the order paid and had refunded before.
public struct RefundQuote: Hashable, Sendable, Codable {
    /// The currency.
    public let currency: CurrencyCode
    /// One breakdown per unit, in selection order.
    public let units: [RefundUnitBreakdown]
    /// The return shipping fee deducted once from the request's total.
    public let returnShippingFee: Money
    /// What is refunded: the units' totals minus the return shipping fee, never below zero.
    public let total: Money
    /// What the order paid in all.
    public let amountPaid: Money
    /// What was refunded for the order before this quote.
    public let previouslyRefunded: Money

    /// Creates a quote.
    ///
    /// - Parameters:
    ///   - currency: The currency.
    ///   - units: Per-unit breakdowns.
    ///   - returnShippingFee: The request-level fee deducted.
    ///   - total: The refund.
    ///   - amountPaid: What the order paid.
    ///   - previouslyRefunded: What was refunded before.
    public init(
        currency: CurrencyCode, units: [RefundUnitBreakdown], returnShippingFee: Money, total: Money,
        amountPaid: Money, previouslyRefunded: Money
    ) {
        self.currency = currency
        self.units = units
        self.returnShippingFee = returnShippingFee
        self.total = total
        self.amountPaid = amountPaid
        self.previouslyRefunded = previouslyRefunded
    }

    /// What may still be refunded after this quote.
    public var remainingRefundable: Money {
        Money(
            minorUnits: amountPaid.minorUnits - previouslyRefunded.minorUnits - total.minorUnits,
            currency: currency)
    }

    /// The refund per line, in line order of first appearance.
    public var totalsByLine: [(line: OrderLineID, quantity: Int, total: Money)] {
        var order: [OrderLineID] = []
        var sums: [OrderLineID: (Int, Int64)] = [:]
        for unit in units {
            if sums[unit.line] == nil { order.append(unit.line) }
            let current = sums[unit.line, default: (0, 0)]
            sums[unit.line] = (current.0 + 1, current.1 + unit.total.minorUnits)
        }
        return order.map { line in
            let sum = sums[line, default: (0, 0)]
            return (line, sum.0, Money(minorUnits: sum.1, currency: currency))
        }
    }
}
