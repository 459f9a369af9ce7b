import CXKitCore

/// The aggregate of one metric over one reporting period (a point of a series).
public struct PeriodAggregate: Hashable, Sendable, Codable {
    /// The period.
    public let period: ReportingPeriod
    /// What was observed in it; empty (count 0) for a period without observations.
    public let aggregate: MetricAggregate

    /// Pairs a period with its aggregate.
    ///
    /// - Parameters:
    ///   - period: The period.
    ///   - aggregate: Its aggregate.
    public init(period: ReportingPeriod, aggregate: MetricAggregate) {
        self.period = period
        self.aggregate = aggregate
    }
}
