/// What a return rollup is grouped by.
public enum RollupDimension: Int, Hashable, Sendable, Codable, CaseIterable {
    /// The whole tenant.
    case overall = 0
    /// A leaf return reason.
    case reason = 1
    /// A product category.
    case category = 2
    /// A product.
    case product = 3
}
