/// The aggregate of one metric for one dimension value or combination (a row of a
/// breakdown).
public struct DimensionAggregate: Hashable, Sendable, Codable {
    /// The dimension values of the row (`team = t1`, or `channel = chat, team = t1`).
    public let dimensions: DimensionSet
    /// What was observed for them.
    public let aggregate: MetricAggregate

    /// Pairs dimension values with their aggregate.
    ///
    /// - Parameters:
    ///   - dimensions: The row's dimension values.
    ///   - aggregate: Its aggregate.
    public init(dimensions: DimensionSet, aggregate: MetricAggregate) {
        self.dimensions = dimensions
        self.aggregate = aggregate
    }
}
