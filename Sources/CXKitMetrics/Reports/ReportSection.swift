/// A titled group of KPI rows and charts.
public struct ReportSection: Hashable, Sendable, Codable {
    /// The section's title.
    public let title: String
    /// Its KPI rows.
    public let rows: [ReportRow]
    /// Its charts.
    public let charts: [ReportChart]

    /// Creates a section.
    ///
    /// - Parameters:
    ///   - title: The title.
    ///   - rows: The KPI rows.
    ///   - charts: The charts.
    public init(title: String, rows: [ReportRow], charts: [ReportChart]) {
        self.title = title
        self.rows = rows
        self.charts = charts
    }
}
