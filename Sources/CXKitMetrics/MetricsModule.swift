/// Facts about the CXKitMetrics module. KPI definitions, rollups, distributions, significance, trends, alerts and reports.
public enum MetricsModule {
    /// The module's stable name, used as the prefix of its record types, event kinds and
    /// operation names (`"metrics.…"`).
    public static let name = "metrics"
}
