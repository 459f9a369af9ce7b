/// Renders a report as Markdown: a heading per section, a KPI table, and charts as small
/// tables. All text is escaped, so names typed by users cannot inject Markdown or HTML.
public struct MarkdownReportRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The report as Markdown.
    ///
    /// - Parameter report: The report.
    /// - Returns: Markdown text.
    public func render(_ report: MetricsReport) -> String {
        var out = "# \(ReportText.markdown(report.title))\n\n"
        out +=
            "\(report.cadence.rawValue.capitalized) report for \(ReportText.markdown(report.period.description))\n"
        for section in report.sections {
            out += "\n## \(ReportText.markdown(section.title))\n\n"
            out += "| KPI | Value | n | Previous | Change | Significant | Target |\n"
            out += "|---|---|---|---|---|---|---|\n"
            for row in section.rows {
                let cells = [
                    ReportText.markdown(row.label), ReportText.markdown(ReportText.value(row.value)),
                    String(row.value?.sampleSize ?? 0),
                    ReportText.markdown(ReportText.number(row.comparison?.previous?.value)),
                    ReportText.markdown(ReportText.change(row.comparison?.difference)),
                    ReportText.markdown(ReportText.significance(row.comparison)),
                    ReportText.markdown(ReportText.attainment(row.attainment)),
                ]
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
            for chart in section.charts { out += chartTable(chart) }
        }
        return out
    }

    private func chartTable(_ chart: ReportChart) -> String {
        var out = "\n**\(ReportText.markdown(chart.title))**\n\n"
        switch chart {
        case .sparkline(_, let values):
            out += values.map { ReportText.markdown(ReportText.number($0)) }.joined(separator: " · ") + "\n"
        case .bars(_, let bars), .distribution(_, let bars):
            out += "| | Value |\n|---|---|\n"
            for bar in bars {
                out +=
                    "| \(ReportText.markdown(bar.label)) | \(ReportText.markdown(ReportText.number(bar.value))) |\n"
            }
        case .netPromoterBreakdown(_, let bars):
            out += "| | Promoters | Passives | Detractors |\n|---|---|---|---|\n"
            for bar in bars {
                out +=
                    "| \(ReportText.markdown(bar.label)) | \(bar.promoters) | \(bar.passives) | \(bar.detractors) |\n"
            }
        }
        return out
    }
}
