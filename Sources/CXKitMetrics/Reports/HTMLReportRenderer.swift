/// Renders a report as one self-contained HTML page: inline CSS and inline SVG charts
/// (sparklines, bars, NPS stacked bars, distributions), no JavaScript, no external files.
/// Every piece of text is escaped and isolated with `<bdi>` so right-to-left names display
/// correctly without reordering their neighbours.
public struct HTMLReportRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The report as an HTML document.
    ///
    /// - Parameter report: The report.
    /// - Returns: A complete HTML5 document.
    public func render(_ report: MetricsReport) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        out +=
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        out += "<title>\(text(report.title))</title><style>"
        out +=
            "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}"
        out += "th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}figure{margin:1rem 0}"
        out += ".met{color:#1a7f37}.missed{color:#b42318}</style></head><body>\n"
        out += "<h1>\(text(report.title))</h1>\n<p>\(text(report.cadence.rawValue.capitalized)) report for "
        out += "\(text(report.period.description))</p>\n"
        for section in report.sections {
            out +=
                "<section><h2>\(text(section.title))</h2>\n<table><thead><tr><th>KPI</th><th>Value</th><th>n</th>"
            out += "<th>Previous</th><th>Change</th><th>Significant</th><th>Target</th></tr></thead><tbody>\n"
            for row in section.rows {
                let status = ReportText.attainment(row.attainment)
                out += "<tr><td>\(text(row.label))</td><td>\(text(ReportText.value(row.value)))</td>"
                out += "<td>\(row.value?.sampleSize ?? 0)</td>"
                out += "<td>\(text(ReportText.number(row.comparison?.previous?.value)))</td>"
                out += "<td>\(text(ReportText.change(row.comparison?.difference)))</td>"
                out += "<td>\(text(ReportText.significance(row.comparison)))</td>"
                out +=
                    "<td class=\"\(status == "met" ? "met" : status == "missed" ? "missed" : "")\">\(text(status))</td></tr>\n"
            }
            out += "</tbody></table>\n"
            for chart in section.charts { out += figure(chart) }
            out += "</section>\n"
        }
        return out + "</body></html>\n"
    }

    private func text(_ value: String) -> String {
        "<bdi>" + ReportText.html(value) + "</bdi>"
    }

    private func figure(_ chart: ReportChart) -> String {
        "<figure><figcaption>\(text(chart.title))</figcaption>\n" + svg(chart) + "</figure>\n"
    }

    private func svg(_ chart: ReportChart) -> String {
        switch chart {
        case .sparkline(let title, let values): sparkline(title, values)
        case .bars(let title, let bars), .distribution(let title, let bars): barChart(title, bars)
        case .netPromoterBreakdown(let title, let bars): stackedBars(title, bars)
        }
    }

    private func open(_ width: Int, _ height: Int, _ title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" role=\"img\"><title>\(ReportText.html(title))</title>"
    }

    private func sparkline(_ title: String, _ values: [Double?]) -> String {
        let width = 240
        let height = 48
        let present = values.compactMap { $0 }.filter(\.isFinite)
        var out = open(width, height, title)
        guard let low = present.min(), let high = present.max(), values.count > 0 else {
            return out + "<text x=\"4\" y=\"28\" font-size=\"12\">no data</text></svg>\n"
        }
        let span = high > low ? high - low : 1
        let step = values.count > 1 ? Double(width - 8) / Double(values.count - 1) : 0
        var segments: [[String]] = [[]]
        for (index, value) in values.enumerated() {
            guard let value, value.isFinite else {
                if !(segments.last?.isEmpty ?? true) { segments.append([]) }
                continue
            }
            let x = 4 + step * Double(index)
            let y = 4 + (1 - (value - low) / span) * Double(height - 8)
            segments[segments.count - 1].append(ReportText.number(x) + "," + ReportText.number(y))
        }
        for segment in segments where !segment.isEmpty {
            if segment.count == 1 {
                let parts = segment[0].split(separator: ",")
                out += "<circle cx=\"\(parts[0])\" cy=\"\(parts[1])\" r=\"2\" fill=\"#2563eb\"/>"
            } else {
                out +=
                    "<polyline fill=\"none\" stroke=\"#2563eb\" stroke-width=\"2\" points=\"\(segment.joined(separator: " "))\"/>"
            }
        }
        return out + "</svg>\n"
    }

    private func barChart(_ title: String, _ bars: [ReportBar]) -> String {
        let rowHeight = 20
        let labelWidth = 120
        let width = 420
        let height = max(rowHeight, bars.count * rowHeight)
        let values = bars.compactMap(\.value).filter(\.isFinite)
        let high = max(values.map(abs).max() ?? 1, 1e-9)
        var out = open(width, height, title)
        for (index, bar) in bars.enumerated() {
            let y = index * rowHeight
            out += "<text x=\"0\" y=\"\(y + 14)\" font-size=\"12\">\(ReportText.html(bar.label))</text>"
            if let value = bar.value, value.isFinite {
                let length = abs(value) / high * Double(width - labelWidth - 50)
                out +=
                    "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(ReportText.number(length))\" height=\"14\" "
                out += "fill=\"\(value < 0 ? "#b42318" : "#2563eb")\"/>"
                out +=
                    "<text x=\"\(ReportText.number(Double(labelWidth) + length + 4))\" y=\"\(y + 14)\" font-size=\"12\">"
                out += "\(ReportText.number(value))</text>"
            } else {
                out += "<text x=\"\(labelWidth)\" y=\"\(y + 14)\" font-size=\"12\">n = 0</text>"
            }
        }
        return out + "</svg>\n"
    }

    private func stackedBars(_ title: String, _ bars: [NetPromoterBar]) -> String {
        let rowHeight = 22
        let labelWidth = 120
        let barWidth = 260.0
        let width = labelWidth + Int(barWidth) + 60
        let height = max(rowHeight, bars.count * rowHeight)
        var out = open(width, height, title)
        for (index, bar) in bars.enumerated() {
            let y = index * rowHeight
            out += "<text x=\"0\" y=\"\(y + 15)\" font-size=\"12\">\(ReportText.html(bar.label))</text>"
            guard bar.total > 0 else { continue }
            var x = Double(labelWidth)
            for (count, colour) in [
                (bar.detractors, "#b42318"), (bar.passives, "#9ca3af"), (bar.promoters, "#1a7f37"),
            ] {
                let length = Double(count) / Double(bar.total) * barWidth
                out +=
                    "<rect x=\"\(ReportText.number(x))\" y=\"\(y + 3)\" width=\"\(ReportText.number(length))\" "
                out += "height=\"16\" fill=\"\(colour)\"/>"
                x += length
            }
            let nps = 100 * Double(bar.promoters - bar.detractors) / Double(bar.total)
            out +=
                "<text x=\"\(ReportText.number(x + 4))\" y=\"\(y + 15)\" font-size=\"12\">\(ReportText.number(nps))</text>"
        }
        return out + "</svg>\n"
    }
}
