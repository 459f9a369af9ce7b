import CXKitCore

/// The refund of one returned unit, component by component.
///
/// `total = price − lineDiscount − orderDiscount + tax + shipping − restockingFee −
/// conditionDeduction`, never below zero.
public struct RefundUnitBreakdown: Hashable, Sendable, Codable {
    /// The order line.
    public let line: OrderLineID
    /// The unit's position within the line (0-based); each unit is refunded at most once.
    public let unit: Int
    /// The unit price.
    public let price: Money
    /// The unit's share of the line discount.
    public let lineDiscount: Money
    /// The unit's share of the prorated order discount.
    public let orderDiscount: Money
    /// The unit's share of the line's tax.
    public let tax: Money
    /// The unit's share of outbound shipping (and its tax), zero unless refunded.
    public let shipping: Money
    /// The restocking fee deducted.
    public let restockingFee: Money
    /// The deduction for the condition found at inspection.
    public let conditionDeduction: Money
    /// What is refunded for the unit.
    public let total: Money

    /// Creates a breakdown.
    ///
    /// - Parameters:
    ///   - line: The order line.
    ///   - unit: The unit's position.
    ///   - price: The unit price.
    ///   - lineDiscount: Share of the line discount.
    ///   - orderDiscount: Share of the order discount.
    ///   - tax: Share of the tax.
    ///   - shipping: Share of outbound shipping refunded.
    ///   - restockingFee: Restocking fee.
    ///   - conditionDeduction: Condition deduction.
    ///   - total: The refund for the unit.
    public init(
        line: OrderLineID, unit: Int, price: Money, lineDiscount: Money, orderDiscount: Money, tax: Money,
        shipping: Money, restockingFee: Money, conditionDeduction: Money, total: Money
    ) {
        self.line = line
        self.unit = unit
        self.price = price
        self.lineDiscount = lineDiscount
        self.orderDiscount = orderDiscount
        self.tax = tax
        self.shipping = shipping
        self.restockingFee = restockingFee
        self.conditionDeduction = conditionDeduction
        self.total = total
    }
}
