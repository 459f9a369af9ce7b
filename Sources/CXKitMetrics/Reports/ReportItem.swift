/// What a report shows for one KPI: the metric, the KPI, a label, an optional target and an
/// optional dimension to break it down by.
public struct ReportItem: Hashable, Sendable, Codable {
    /// The row's label.
    public let label: String
    /// The metric.
    public let kind: MetricKind
    /// The KPI.
    public let kpi: KPIDefinition
    /// The target to measure attainment against.
    public let target: MetricTarget?
    /// The dimension to chart the KPI by (NPS stacked bars for NPS, bars otherwise).
    public let breakdown: DimensionKey?

    /// Creates an item.
    ///
    /// - Parameters:
    ///   - label: The row's label.
    ///   - kind: The metric.
    ///   - kpi: The KPI.
    ///   - target: A target, if any.
    ///   - breakdown: A dimension to chart by, if any.
    public init(
        label: String, kind: MetricKind, kpi: KPIDefinition, target: MetricTarget? = nil,
        breakdown: DimensionKey? = nil
    ) {
        self.label = label
        self.kind = kind
        self.kpi = kpi
        self.target = target
        self.breakdown = breakdown
    }
}
