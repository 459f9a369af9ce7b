import Foundation

/// One tick's input to an alert: the KPI's current value and, for relative rules, its
/// baseline.
public struct AlertEvaluation: Hashable, Sendable, Codable {
    /// The KPI now, `nil` when n = 0 (an empty tick changes nothing).
    public let value: KPIValue?
    /// The baseline for relative conditions.
    public let baseline: Double?

    /// Creates an evaluation.
    ///
    /// - Parameters:
    ///   - value: The KPI now.
    ///   - baseline: The baseline, for relative conditions.
    public init(value: KPIValue?, baseline: Double? = nil) {
        self.value = value
        self.baseline = baseline
    }

    /// The evaluation of the last point of a series: its KPI, and the mean KPI of the
    /// rule's ``AlertRule/baselinePoints`` points before it as baseline.
    ///
    /// - Parameters:
    ///   - rule: The rule.
    ///   - series: The series, oldest first (e.g. daily from a ``RollupCollection``).
    /// - Throws: ``MetricsError`` naming `aggregate` when the KPI does not fit the series.
    public init(rule: AlertRule, series: [PeriodAggregate]) throws(MetricsError) {
        var values: [Double?] = []
        values.reserveCapacity(series.count)
        var last: KPIValue?
        for point in series {
            last = try rule.kpi.value(of: point.aggregate, confidenceLevel: rule.confidenceLevel)
            values.append(last?.value)
        }
        self.value = last
        self.baseline =
            series.isEmpty
            ? nil : try Trend.trailingMean(values, before: series.count - 1, window: rule.baselinePoints)
    }
}
