/// A report that a metric reached its cardinality cap: observations with a dimension
/// combination beyond the cap were counted under ``DimensionSet/overflow`` instead of their
/// own combination (totals stay exact; only the breakdown loses detail).
public struct CardinalityOverflow: Hashable, Sendable, Codable {
    /// The metric that hit the cap.
    public let kind: MetricKind
    /// How many observations were redirected to the overflow bucket.
    public let observationCount: Int64
    /// The cap in force.
    public let cap: Int

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - kind: The metric.
    ///   - observationCount: Observations redirected.
    ///   - cap: The cap in force.
    public init(kind: MetricKind, observationCount: Int64, cap: Int) {
        self.kind = kind
        self.observationCount = observationCount
        self.cap = cap
    }
}
