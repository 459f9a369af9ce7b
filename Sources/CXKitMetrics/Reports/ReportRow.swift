/// One KPI line of a report: its value with n and interval, the change against the
/// previous period, and the target attainment.
public struct ReportRow: Hashable, Sendable, Codable {
    /// The row's label (`"NPS"`, `"First reply p90"`).
    public let label: String
    /// The KPI this period, `nil` when n = 0.
    public let value: KPIValue?
    /// The comparison with the previous period.
    public let comparison: PeriodComparison?
    /// The attainment against the target, when one is set.
    public let attainment: TargetAttainment?

    /// Creates a row.
    ///
    /// - Parameters:
    ///   - label: The label.
    ///   - value: The KPI.
    ///   - comparison: The comparison with the previous period.
    ///   - attainment: The target attainment.
    public init(label: String, value: KPIValue?, comparison: PeriodComparison?, attainment: TargetAttainment?)
    {
        self.label = label
        self.value = value
        self.comparison = comparison
        self.attainment = attainment
    }
}
