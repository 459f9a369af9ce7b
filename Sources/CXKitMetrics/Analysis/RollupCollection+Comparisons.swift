import CXKitCore
import Foundation

extension RollupCollection {
    /// Compares a KPI in `period` with the previous period or the same period a year ago.
    ///
    /// - Parameters:
    ///   - kind: The metric.
    ///   - kpi: The KPI to compute.
    ///   - period: The current period (in the rollups' zone).
    ///   - baseline: Previous period or year ago.
    ///   - filter: Dimension values every counted rollup must have.
    ///   - policy: Confidence level and minimum n.
    /// - Returns: The comparison.
    /// - Throws: ``MetricsError`` naming `timeZone` for a period in another zone, `period`
    ///   when the baseline leaves years 1000 … 9999, `aggregate` when the KPI does not fit.
    public func compare(
        _ kind: MetricKind, kpi: KPIDefinition, in period: ReportingPeriod, with baseline: ComparisonBaseline,
        matching filter: DimensionSet = .empty, policy: ComparisonPolicy = .standard
    ) throws(MetricsError) -> PeriodComparison {
        let earlier: ReportingPeriod
        do {
            earlier = baseline == .previousPeriod ? try period.previous() : try period.yearAgo()
        } catch {
            throw .limit(field: "period", reason: "the baseline leaves years 1000 to 9999")
        }
        return try PeriodComparison(
            kpi: kpi, current: aggregate(of: kind, in: period, matching: filter),
            previous: aggregate(of: kind, in: earlier, matching: filter), policy: policy)
    }

    /// Compares a KPI over a rolling window (last N days) with the window before it or the
    /// same window a year earlier.
    ///
    /// - Parameters:
    ///   - kind: The metric.
    ///   - kpi: The KPI to compute.
    ///   - window: The current window (in the rollups' zone).
    ///   - baseline: Previous window or year ago.
    ///   - filter: Dimension values every counted rollup must have.
    ///   - policy: Confidence level and minimum n.
    /// - Returns: The comparison.
    /// - Throws: ``MetricsError`` naming `timeZone` for a window in another zone, `window`
    ///   when the baseline leaves the supported years, `aggregate` when the KPI does not fit.
    public func compare(
        _ kind: MetricKind, kpi: KPIDefinition, in window: RollingWindow, with baseline: ComparisonBaseline,
        matching filter: DimensionSet = .empty, policy: ComparisonPolicy = .standard
    ) throws(MetricsError) -> PeriodComparison {
        let earlier: RollingWindow
        do {
            earlier = baseline == .previousPeriod ? try window.previous() : try window.yearAgo()
        } catch {
            throw .limit(field: "window", reason: "the baseline leaves the supported years")
        }
        return try PeriodComparison(
            kpi: kpi, current: aggregate(of: kind, in: window, matching: filter),
            previous: aggregate(of: kind, in: earlier, matching: filter), policy: policy)
    }

    /// Ranks dimension values by how much a KPI moved between two intervals: top movers
    /// first (largest increase), bottom movers last. Rows without a value on both sides are
    /// left out; rows below the policy's minimum n are kept but marked unreliable.
    ///
    /// - Parameters:
    ///   - kind: The metric.
    ///   - kpi: The KPI.
    ///   - keys: The dimensions to break down by.
    ///   - current: The current interval.
    ///   - previous: The baseline interval.
    ///   - policy: Confidence level and minimum n.
    /// - Returns: Rows by descending change.
    /// - Throws: ``MetricsError`` naming `aggregate` when the KPI does not fit.
    public func movers(
        _ kind: MetricKind, kpi: KPIDefinition, by keys: Set<DimensionKey>, current: DateInterval,
        previous: DateInterval, policy: ComparisonPolicy = .standard
    ) throws(MetricsError) -> [DimensionMovement] {
        let now = try breakdown(of: kind, by: keys, in: current)
        let then = try breakdown(of: kind, by: keys, in: previous)
        var earlier: [DimensionSet: MetricAggregate] = [:]
        for row in then { earlier[row.dimensions] = row.aggregate }
        var rows: [DimensionMovement] = []
        for row in now {
            guard let baseline = earlier[row.dimensions] else { continue }
            let comparison = try PeriodComparison(
                kpi: kpi, current: row.aggregate, previous: baseline, policy: policy)
            if comparison.difference != nil {
                rows.append(DimensionMovement(dimensions: row.dimensions, comparison: comparison))
            }
        }
        return rows.sorted {
            let left = $0.comparison.difference ?? 0
            let right = $1.comparison.difference ?? 0
            return left != right ? left > right : $0.dimensions.description < $1.dimensions.description
        }
    }
}
