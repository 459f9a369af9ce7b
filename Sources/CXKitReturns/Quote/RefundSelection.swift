/// Which units of a line a quote or settlement covers, and how they are judged.
public struct RefundSelection: Hashable, Sendable, Codable {
    /// The line's position in the order.
    public let lineIndex: Int
    /// The first unit position covered (units already settled come before it).
    public let firstUnit: Int
    /// How many units are covered.
    public let quantity: Int
    /// Whether the shop is at fault (damaged, wrong item): no restocking fee, and outbound
    /// shipping is refunded when the policy says so.
    public let isShopFault: Bool
    /// The condition deduction in basis points of the unit's net price (0 … 10 000).
    public let conditionDeductionBasisPoints: Int

    /// Creates a selection.
    ///
    /// - Parameters:
    ///   - lineIndex: The line's position in the order.
    ///   - firstUnit: The first unit position covered.
    ///   - quantity: How many units.
    ///   - isShopFault: Whether the shop is at fault.
    ///   - conditionDeductionBasisPoints: Condition deduction in basis points.
    public init(
        lineIndex: Int, firstUnit: Int, quantity: Int, isShopFault: Bool = false,
        conditionDeductionBasisPoints: Int = 0
    ) {
        self.lineIndex = lineIndex
        self.firstUnit = firstUnit
        self.quantity = quantity
        self.isShopFault = isShopFault
        self.conditionDeductionBasisPoints = conditionDeductionBasisPoints
    }
}
