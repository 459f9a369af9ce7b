/// Renders a report as CSV (RFC 4180): one line per KPI row with its section, value, n,
/// interval, previous value, change, significance and target attainment. Text fields are
/// quoted and escaped, and cells a spreadsheet would run as formulas are neutralised.
public struct CSVReportRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The report as CSV text, with a header line.
    ///
    /// - Parameter report: The report.
    /// - Returns: CSV lines separated by CRLF.
    public func render(_ report: MetricsReport) -> String {
        var lines = [
            "section,kpi,value,unit,n,lower,upper,previous,change,significant,target,attainment"
        ]
        for section in report.sections {
            for row in section.rows {
                let value = row.value
                let fields = [
                    ReportText.csv(section.title), ReportText.csv(row.label),
                    ReportText.number(value?.value, decimals: 4), value?.unit.rawValue ?? "",
                    value.map { String($0.sampleSize) } ?? "0",
                    ReportText.number(value?.lowerBound, decimals: 4),
                    ReportText.number(value?.upperBound, decimals: 4),
                    ReportText.number(row.comparison?.previous?.value, decimals: 4),
                    ReportText.number(row.comparison?.difference, decimals: 4),
                    ReportText.significance(row.comparison),
                    row.attainment.map { ReportText.number($0.target.goal.value, decimals: 4) } ?? "",
                    ReportText.attainment(row.attainment),
                ]
                lines.append(fields.map { $0 == "–" ? "" : $0 }.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
