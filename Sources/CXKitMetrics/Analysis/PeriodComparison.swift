import CXKitCore

/// A KPI in two periods (or segments) with the change between them and whether it is
/// significant.
public struct PeriodComparison: Hashable, Sendable, Codable {
    /// The KPI in the current period, `nil` when n = 0.
    public let current: KPIValue?
    /// The KPI in the baseline period, `nil` when n = 0.
    public let previous: KPIValue?
    /// current − previous in the KPI's unit, `nil` when either is missing.
    public let difference: Double?
    /// (current − previous) ÷ |previous|, `nil` when either is missing or previous is 0.
    public let relativeChange: Double?
    /// The z statistic of the change test, when the KPI has one.
    public let zStatistic: Double?
    /// The two-sided p-value of the change test, when the KPI has one.
    public let pValue: Double?
    /// Whether both sides reach the policy's minimum n.
    public let isReliable: Bool
    /// Whether the change is significant at the policy's level **and** reliable.
    public let isSignificant: Bool

    /// Compares a KPI across two aggregates.
    ///
    /// - Parameters:
    ///   - kpi: The KPI.
    ///   - current: The current aggregate.
    ///   - previous: The baseline aggregate.
    ///   - policy: Confidence level and minimum n.
    /// - Throws: ``MetricsError`` naming `aggregate` when an aggregate does not fit the KPI.
    public init(
        kpi: KPIDefinition, current: MetricAggregate, previous: MetricAggregate,
        policy: ComparisonPolicy = .standard
    ) throws(MetricsError) {
        let now = try kpi.value(of: current, confidenceLevel: policy.confidenceLevel)
        let then = try kpi.value(of: previous, confidenceLevel: policy.confidenceLevel)
        let test = try kpi.changeTest(from: previous, to: current)
        let reliable =
            (now?.sampleSize ?? 0) >= policy.minimumSampleSize
            && (then?.sampleSize ?? 0) >= policy.minimumSampleSize
        self.current = now
        self.previous = then
        if let now, let then {
            difference = now.value - then.value
            relativeChange = then.value == 0 ? nil : (now.value - then.value) / Swift.abs(then.value)
        } else {
            difference = nil
            relativeChange = nil
        }
        zStatistic = test?.z
        pValue = test?.pValue
        isReliable = reliable
        isSignificant = reliable && (test?.isSignificant(at: policy.confidenceLevel) ?? false)
    }
}
