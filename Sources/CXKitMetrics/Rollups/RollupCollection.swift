import CXKitCore
import Foundation

/// A set of daily rollups to query: totals over a period or window, series by day, ISO
/// week, month, quarter or year, breakdowns by dimension, and drill-down to contributing
/// records.
///
/// Every coarser period in the rollups' zone is a union of their local days, so a query
/// merges whole days and costs O(rollups read). Periods in another zone are refused rather
/// than silently mis-bucketed.
public struct RollupCollection: Sendable {
    /// The rollups, ordered by day start.
    public let rollups: [MetricRollup]

    /// Wraps rollups.
    ///
    /// - Parameter rollups: Daily rollups of one zone, in any order.
    public init(_ rollups: [MetricRollup]) {
        self.rollups = rollups.sorted { $0.key.day.start < $1.key.day.start }
    }

    /// The aggregate of `kind` over `[start, end)` (whole local days whose start lies in it).
    ///
    /// - Parameters:
    ///   - kind: The metric.
    ///   - interval: The instants to cover.
    ///   - filter: Dimension values every counted rollup must have (default: all).
    /// - Returns: The merged aggregate; empty (n = 0) when nothing matches.
    /// - Throws: ``MetricsError`` as ``MetricAggregate/merge(_:)`` does (mixed scales).
    public func aggregate(
        of kind: MetricKind, in interval: DateInterval, matching filter: DimensionSet = .empty
    )
        throws(MetricsError) -> MetricAggregate
    {
        var result = MetricAggregate(measure: kind.measure)
        for rollup in slice(interval) where rollup.key.kind == kind && rollup.key.dimensions.matches(filter) {
            try result.merge(rollup.aggregate)
        }
        return result
    }

    /// The aggregate of `kind` over a reporting period.
    ///
    /// - Parameters:
    ///   - kind: The metric.
    ///   - period: A period in the rollups' zone.
    ///   - filter: Dimension values every counted rollup must have.
    /// - Returns: The merged aggregate; empty when nothing matches.
    /// - Throws: ``MetricsError`` naming `timeZone` when the period's zone differs from the
    ///   rollups' zone, or what ``MetricAggregate/merge(_:)`` throws.
    public func aggregate(
        of kind: MetricKind, in period: ReportingPeriod, matching filter: DimensionSet = .empty
    )
        throws(MetricsError) -> MetricAggregate
    {
        try checkZone(period.timeZone)
        return try aggregate(of: kind, in: period.interval, matching: filter)
    }

    /// The aggregate of `kind` over a rolling window.
    ///
    /// - Parameters:
    ///   - kind: The metric.
    ///   - window: A window in the rollups' zone.
    ///   - filter: Dimension values every counted rollup must have.
    /// - Returns: The merged aggregate; empty when nothing matches.
    /// - Throws: ``MetricsError`` naming `timeZone` when the window's zone differs.
    public func aggregate(
        of kind: MetricKind, in window: RollingWindow, matching filter: DimensionSet = .empty
    )
        throws(MetricsError) -> MetricAggregate
    {
        try checkZone(window.timeZone)
        return try aggregate(of: kind, in: window.interval, matching: filter)
    }

    /// One aggregate per period of `granularity` covering `interval`, empty periods included
    /// (with n = 0).
    ///
    /// - Parameters:
    ///   - kind: The metric.
    ///   - granularity: Day, ISO week, month, quarter or year.
    ///   - interval: The instants to cover.
    ///   - filter: Dimension values every counted rollup must have.
    /// - Returns: The series in time order.
    /// - Throws: ``MetricsError`` with `ErrorCode.limitExceeded` naming `range`
    ///   for more than 10 000 periods, or what ``MetricAggregate/merge(_:)`` throws.
    public func series(
        of kind: MetricKind, by granularity: ReportingGranularity, covering interval: DateInterval,
        matching filter: DimensionSet = .empty
    ) throws(MetricsError) -> [PeriodAggregate] {
        let periods: [ReportingPeriod]
        do {
            periods = try ReportingPeriod.periods(
                covering: interval, granularity: granularity, timeZone: zone)
        } catch {
            throw .limit(field: "range", reason: "covers too many periods or leaves years 1000 to 9999")
        }
        guard !periods.isEmpty else { return [] }
        var aggregates = [MetricAggregate](
            repeating: MetricAggregate(measure: kind.measure), count: periods.count)
        let starts = periods.map(\.start)
        for rollup in slice(DateInterval(start: starts[0], end: periods[periods.count - 1].end))
        where rollup.key.kind == kind && rollup.key.dimensions.matches(filter) {
            let position = Self.lastIndex(in: starts, notAfter: rollup.key.day.start)
            guard position >= 0 else { continue }
            try aggregates[position].merge(rollup.aggregate)
        }
        return zip(periods, aggregates).map { PeriodAggregate(period: $0, aggregate: $1) }
    }

    /// The aggregate per value combination of `keys`, largest n first. Rollups without one of
    /// the keys fall under a row that lacks it.
    ///
    /// - Parameters:
    ///   - kind: The metric.
    ///   - keys: The dimensions to break down by (one for a plain breakdown).
    ///   - interval: The instants to cover.
    ///   - filter: Dimension values every counted rollup must have.
    /// - Returns: One row per combination, by descending n, then by dimensions.
    /// - Throws: ``MetricsError`` as ``MetricAggregate/merge(_:)`` does.
    public func breakdown(
        of kind: MetricKind, by keys: Set<DimensionKey>, in interval: DateInterval,
        matching filter: DimensionSet = .empty
    ) throws(MetricsError) -> [DimensionAggregate] {
        var rows: [DimensionSet: MetricAggregate] = [:]
        for rollup in slice(interval) where rollup.key.kind == kind && rollup.key.dimensions.matches(filter) {
            let row = rollup.key.dimensions.projected(onto: keys)
            var aggregate = rows[row] ?? MetricAggregate(measure: kind.measure)
            try aggregate.merge(rollup.aggregate)
            rows[row] = aggregate
        }
        return rows.map { DimensionAggregate(dimensions: $0.key, aggregate: $0.value) }.sorted {
            $0.aggregate.count != $1.aggregate.count
                ? $0.aggregate.count > $1.aggregate.count
                : $0.dimensions.pairs.lexicographicallyPrecedes($1.dimensions.pairs)
        }
    }

    /// Drill-down: references to the records that contributed to `kind` in the interval,
    /// as kept by the rollups (up to their source limit each), oldest day first.
    ///
    /// - Parameters:
    ///   - kind: The metric.
    ///   - interval: The instants to cover.
    ///   - filter: Dimension values every counted rollup must have.
    ///   - limit: The most references to return.
    /// - Returns: The references and how many contributing records were not kept.
    public func sources(
        of kind: MetricKind, in interval: DateInterval, matching filter: DimensionSet = .empty,
        limit: Int = 1000
    ) -> (references: [RecordReference], omitted: Int64) {
        var references: [RecordReference] = []
        var omitted: Int64 = 0
        for rollup in slice(interval) where rollup.key.kind == kind && rollup.key.dimensions.matches(filter) {
            let room = Swift.max(0, limit - references.count)
            references.append(contentsOf: rollup.sources.prefix(room))
            omitted += rollup.omittedSourceCount + Int64(Swift.max(0, rollup.sources.count - room))
        }
        return (references, omitted)
    }

    /// The zone of the rollups (UTC when there are none).
    public var zone: TimeZone {
        rollups.first?.key.day.timeZone ?? TimeZone.gmt
    }

    private func checkZone(_ other: TimeZone) throws(MetricsError) {
        guard rollups.isEmpty || other.identifier == zone.identifier else {
            throw .validation(field: "timeZone", reason: "differs from the zone the rollups are bucketed in")
        }
    }

    private func slice(_ interval: DateInterval) -> ArraySlice<MetricRollup> {
        var low = 0
        var high = rollups.count
        while low < high {
            let middle = (low + high) / 2
            if rollups[middle].key.day.start < interval.start { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < rollups.count, rollups[end].key.day.start < interval.end { end += 1 }
        return rollups[low..<end]
    }

    private static func lastIndex(in starts: [Date], notAfter instant: Date) -> Int {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= instant { low = middle + 1 } else { high = middle }
        }
        return low - 1
    }
}
