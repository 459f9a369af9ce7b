import CXKitCore
import Foundation

/// Builds weekly and monthly ``MetricsReport`` values from rollups: per item, the KPI with
/// n and interval, the comparison with the previous period, target attainment, a daily
/// sparkline, a breakdown chart and, for score metrics, the answer distribution.
public struct MetricsReportBuilder: Sendable {
    /// The policy for comparisons (confidence level, minimum n).
    public let policy: ComparisonPolicy

    /// Creates a builder.
    ///
    /// - Parameter policy: Confidence level and minimum n.
    public init(policy: ComparisonPolicy = .standard) {
        self.policy = policy
    }

    /// Builds a report.
    ///
    /// - Parameters:
    ///   - title: The report's title.
    ///   - cadence: Weekly (the ISO week containing `instant`) or monthly.
    ///   - instant: Any instant in the period to report on.
    ///   - rollups: Rollups covering the period and the one before it.
    ///   - sections: Section titles with their items.
    ///   - generatedAt: The production time (from the injected clock).
    /// - Returns: The report.
    /// - Throws: ``MetricsError`` naming `instant` outside years 1000 … 9999, `timeZone` or
    ///   `aggregate` from the queries.
    public func build(
        title: String, cadence: ReportCadence, containing instant: Date, rollups: RollupCollection,
        sections: [(title: String, items: [ReportItem])], generatedAt: Date
    ) throws(MetricsError) -> MetricsReport {
        let period: ReportingPeriod
        do {
            period = try ReportingPeriod.containing(
                instant, granularity: cadence == .weekly ? .isoWeek : .month, timeZone: rollups.zone)
        } catch {
            throw .limit(field: "instant", reason: "must lie within years 1000 to 9999")
        }
        var built: [ReportSection] = []
        for section in sections {
            var rows: [ReportRow] = []
            var charts: [ReportChart] = []
            for item in section.items {
                let filter = item.target?.segment ?? .empty
                let aggregate = try rollups.aggregate(of: item.kind, in: period, matching: filter)
                let comparison = try rollups.compare(
                    item.kind, kpi: item.kpi, in: period, with: .previousPeriod, matching: filter,
                    policy: policy)
                rows.append(
                    ReportRow(
                        label: item.label, value: comparison.current, comparison: comparison,
                        attainment: try item.target?.attainment(
                            of: aggregate, confidenceLevel: policy.confidenceLevel)))
                let daily = try rollups.series(
                    of: item.kind, by: .day, covering: period.interval, matching: filter)
                var points: [Double?] = []
                for day in daily { points.append(try item.kpi.value(of: day.aggregate)?.value) }
                charts.append(.sparkline(title: item.label, values: points))
                if let key = item.breakdown {
                    charts.append(
                        try breakdownChart(item, key: key, rollups: rollups, period: period, filter: filter))
                }
                if let scores = aggregate.scores {
                    let lowest = scores.scale.range.lowerBound
                    charts.append(
                        .distribution(
                            title: item.label + " answers",
                            buckets: scores.counts.enumerated().map {
                                ReportBar(label: String(lowest + $0.offset), value: Double($0.element))
                            }))
                }
            }
            built.append(ReportSection(title: section.title, rows: rows, charts: charts))
        }
        return MetricsReport(
            title: title, cadence: cadence, period: period, generatedAt: generatedAt, sections: built)
    }

    private func breakdownChart(
        _ item: ReportItem, key: DimensionKey, rollups: RollupCollection, period: ReportingPeriod,
        filter: DimensionSet
    ) throws(MetricsError) -> ReportChart {
        let rows = try rollups.breakdown(of: item.kind, by: [key], in: period.interval, matching: filter)
        let title = "\(item.label) by \(key.name)"
        if item.kpi == .netPromoterScore {
            return .netPromoterBreakdown(
                title: title,
                bars: rows.compactMap { row in
                    guard let scores = row.aggregate.scores else { return nil }
                    return NetPromoterBar(
                        label: row.dimensions[key] ?? "(none)", promoters: scores.positiveCount,
                        passives: scores.neutralCount, detractors: scores.negativeCount)
                })
        }
        var bars: [ReportBar] = []
        for row in rows {
            bars.append(
                ReportBar(
                    label: row.dimensions[key] ?? "(none)",
                    value: try item.kpi.value(of: row.aggregate)?.value))
        }
        return .bars(title: title, bars: bars)
    }
}
