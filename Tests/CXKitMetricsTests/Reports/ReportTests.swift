import CXKitCore
import CXKitMetrics
import Foundation
import Testing

@Suite("Reports and renderers")
struct ReportTests {
    static let hostile = "<script>alert(\"x\")</script> & ]]> 'q' \u{202E}evil\u{200F} =SUM(A1) | *b* [l](u)"

    func report(hostileTeam: Bool = true) throws -> MetricsReport {
        var accumulator = RollupAccumulator(
            tenant: try Fixtures.tenant,
            configuration: try MetricsConfiguration(timeZoneIdentifier: "Europe/Istanbul"))
        let team = hostileTeam ? Self.hostile : "t1"
        for day in 0..<14 {
            for index in 0..<10 {
                try accumulator.add(
                    try Fixtures.nps(
                        day < 7 ? index : min(10, index + 2), at: Fixtures.day(day),
                        [.team: index % 2 == 0 ? team : "t2"]))
                try accumulator.add(
                    try Observation(
                        kind: .firstResponseTime, value: .duration(seconds: Double(60 * (index + 1))),
                        time: Fixtures.day(day),
                        tenant: try Fixtures.tenant))
            }
        }
        let target = try MetricTarget(
            name: "nps-40", kind: .netPromoterScore, kpi: .netPromoterScore, goal: .atLeast(40))
        let items = [
            ReportItem(
                label: "NPS " + Self.hostile, kind: .netPromoterScore, kpi: .netPromoterScore, target: target,
                breakdown: .team),
            ReportItem(
                label: "First reply p90", kind: .firstResponseTime,
                kpi: .durationQuantile(name: "frt", quantile: 0.9),
                breakdown: .team),
            ReportItem(label: "Reopen rate", kind: .ticketReopened, kpi: .share(name: "reopenRate")),
        ]
        return try MetricsReportBuilder().build(
            title: "Weekly " + Self.hostile, cadence: .weekly, containing: Fixtures.day(10),
            rollups: accumulator.collection,
            sections: [(title: "Voice of customer " + Self.hostile, items: items)],
            generatedAt: Fixtures.day(14))
    }

    @Test("the weekly report compares with the previous week and measures the target")
    func weeklyReport() throws {
        let report = try report(hostileTeam: false)
        #expect(report.period.key == "2026-W11")
        let nps = try #require(report.sections.first?.rows.first)
        #expect(nps.value?.sampleSize == 70)
        #expect(nps.comparison?.previous?.sampleSize == 70)
        #expect((nps.comparison?.difference ?? 0) > 0)
        #expect(nps.attainment?.isMet != nil)
        let reopen = try #require(report.sections.first?.rows.last)
        #expect(reopen.value == nil)
        let charts = report.sections.first?.charts ?? []
        #expect(charts.contains { if case .netPromoterBreakdown = $0 { true } else { false } })
        #expect(charts.contains { if case .distribution = $0 { true } else { false } })
        let data = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(MetricsReport.self, from: data) == report)
    }

    @Test("HTML escapes hostile text, has no JavaScript and draws inline SVG")
    func htmlEscapes() throws {
        let html = HTMLReportRenderer().render(try report())
        #expect(!html.contains("<script"))
        #expect(!html.lowercased().contains("javascript:"))
        #expect(!html.contains("]]>"))
        #expect(!html.contains(" onload") && !html.contains(" onclick"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt; &#39;q&#39;"))
        #expect(html.contains("\u{202E}evil\u{200F}"))
        #expect(html.contains("<bdi>"))
        #expect(html.contains("<svg"))
        #expect(html.contains("<polyline"))
        #expect(html.contains("no data (n = 0)"))
        #expect(!html.lowercased().contains("nan"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
    }

    @Test("Markdown escapes hostile text so it cannot inject markup")
    func markdownEscapes() throws {
        let markdown = MarkdownReportRenderer().render(try report())
        #expect(!markdown.contains("<script"))
        #expect(markdown.contains("&lt;script&gt;"))
        #expect(markdown.contains("\\*b\\*"))
        #expect(markdown.contains("\\[l\\]\\(u\\)"))
        #expect(markdown.contains("\\|"))
        #expect(!markdown.lowercased().contains("nan"))
    }

    @Test("CSV quotes fields, doubles quotes and neutralises formulas")
    func csvEscapes() throws {
        let csv = CSVReportRenderer().render(try report())
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(
            lines.first
                == "section,kpi,value,unit,n,lower,upper,previous,change,significant,target,attainment")
        #expect(lines.count == 4)
        #expect(csv.contains("\"NPS <script>alert(\"\"x\"\")</script>"))
        let formula = MetricsReport(
            title: "t", cadence: .monthly,
            period: try ReportingPeriod.containing(
                Fixtures.monday, granularity: .month, timeZoneIdentifier: "UTC"),
            generatedAt: Fixtures.monday,
            sections: [
                ReportSection(
                    title: "=HYPERLINK(\"x\")",
                    rows: [ReportRow(label: "@cmd", value: nil, comparison: nil, attainment: nil)], charts: []
                )
            ])
        let rendered = CSVReportRenderer().render(formula)
        #expect(rendered.contains("\"'=HYPERLINK(\"\"x\"\")\",'@cmd,"))
        #expect(rendered.contains(",0,"))
    }

    @Test("a monthly report covers the calendar month and renders empty months without NaN")
    func monthlyReport() throws {
        let empty = RollupCollection([])
        let report = try MetricsReportBuilder().build(
            title: "Monthly", cadence: .monthly, containing: Fixtures.monday, rollups: empty,
            sections: [
                (
                    title: "Scores",
                    items: [
                        ReportItem(
                            label: "NPS", kind: .netPromoterScore, kpi: .netPromoterScore, breakdown: .team)
                    ]
                )
            ],
            generatedAt: Fixtures.monday)
        #expect(report.period.key == "2026-03")
        #expect(report.sections[0].rows[0].value == nil)
        for text in [
            HTMLReportRenderer().render(report), MarkdownReportRenderer().render(report),
            CSVReportRenderer().render(report),
        ] {
            #expect(!text.lowercased().contains("nan"))
            #expect(!text.lowercased().contains("inf"))
        }
        #expect(HTMLReportRenderer().render(report).contains("no data"))
    }
}
