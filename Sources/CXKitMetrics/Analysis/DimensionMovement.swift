/// How a KPI moved for one dimension value between two periods (a row of top/bottom movers).
public struct DimensionMovement: Hashable, Sendable, Codable {
    /// The dimension values of the row.
    public let dimensions: DimensionSet
    /// The KPI in both periods and the change.
    public let comparison: PeriodComparison

    /// Creates a row.
    ///
    /// - Parameters:
    ///   - dimensions: The row's dimension values.
    ///   - comparison: The KPI in both periods.
    public init(dimensions: DimensionSet, comparison: PeriodComparison) {
        self.dimensions = dimensions
        self.comparison = comparison
    }
}
