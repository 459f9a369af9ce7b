import CXKitCore
import Foundation

/// Pure, in-memory aggregation of observations into daily rollups: the same rollups
/// ``MetricsRecorder`` keeps in the store, for tests, batch jobs and recomputation.
///
/// Observations are bucketed by local day in the configured zone and by exact dimension
/// combination; a metric that reaches its cardinality cap counts further new combinations
/// under ``DimensionSet/overflow`` and reports it in ``overflows``. Accumulators merge, in
/// any order, to the same rollups.
public struct RollupAccumulator: Sendable {
    private struct CellKey: Hashable {
        let kind: MetricKind
        let day: Int
        let dimensions: DimensionSet
    }

    /// The tenant every observation must belong to.
    public let tenant: TenantID
    /// Bucketing zone, cardinality cap and source limit.
    public let configuration: MetricsConfiguration
    private var bucketer: DayBucketer
    private var cells: [CellKey: Int] = [:]
    private var storage: [MetricRollup] = []
    private var combinations: [MetricKind: Set<DimensionSet>] = [:]
    private var overflowCounts: [MetricKind: Int64] = [:]

    /// Creates an empty accumulator.
    ///
    /// - Parameters:
    ///   - tenant: The tenant every observation must belong to.
    ///   - configuration: Zone, cap and source limit.
    public init(tenant: TenantID, configuration: MetricsConfiguration) {
        self.tenant = tenant
        self.configuration = configuration
        self.bucketer = DayBucketer(timeZone: configuration.timeZone)
    }

    /// How many observations were added.
    public private(set) var observationCount: Int64 = 0

    /// Adds one observation to its daily rollup.
    ///
    /// - Parameter observation: A validated observation of this tenant.
    /// - Throws: ``MetricsError`` with `ErrorCode.validationFailed` naming
    ///   `tenant` for another tenant's observation or `scale` for a score on a different
    ///   scale than the day already holds; `ErrorCode.limitExceeded` naming
    ///   `time` for an instant outside years 1000 … 9999. Nothing changes on error.
    public mutating func add(_ observation: Observation) throws(MetricsError) {
        guard observation.tenant == tenant else {
            throw .validation(field: "tenant", reason: "belongs to another tenant")
        }
        let day = try bucketer.position(of: observation.time)
        // Fast path: the cell exists, so its combination was admitted already.
        let exact = CellKey(kind: observation.kind, day: day, dimensions: observation.dimensions)
        if let position = cells[exact] {
            try storage[position].add(
                observation.value, source: observation.source, sourceLimit: configuration.sourceLimit)
            observationCount += 1
            return
        }
        var dimensions = observation.dimensions
        var isNewCombination = false
        if combinations[observation.kind]?.contains(dimensions) != true {
            if (combinations[observation.kind]?.count ?? 0) < configuration.cardinalityCap {
                isNewCombination = true
            } else {
                dimensions = .overflow
            }
        }
        let key = CellKey(kind: observation.kind, day: day, dimensions: dimensions)
        if let position = cells[key] {
            try storage[position].add(
                observation.value, source: observation.source, sourceLimit: configuration.sourceLimit)
        } else {
            var rollup = MetricRollup(
                key: RollupKey(kind: observation.kind, day: bucketer.days[day], dimensions: dimensions))
            try rollup.add(
                observation.value, source: observation.source, sourceLimit: configuration.sourceLimit)
            cells[key] = storage.count
            storage.append(rollup)
        }
        if isNewCombination { combinations[observation.kind, default: []].insert(dimensions) }
        if dimensions == .overflow, observation.dimensions != .overflow {
            overflowCounts[observation.kind, default: 0] += 1
        }
        observationCount += 1
    }

    /// Adds observations in order.
    ///
    /// - Parameter observations: Validated observations of this tenant.
    /// - Throws: ``MetricsError`` as ``add(_:)-(Observation)`` does, with the field prefixed by
    ///   `observations[i].`; the observations before the failing one stay added.
    public mutating func add(contentsOf observations: some Sequence<Observation>) throws(MetricsError) {
        var position = 0
        for observation in observations {
            do {
                try add(observation)
            } catch {
                throw MetricsError(
                    code: error.code, field: "observations[\(position)]." + (error.field ?? "value"),
                    reason: error.reason)
            }
            position += 1
        }
    }

    /// Adds a rollup computed elsewhere (another accumulator, a stored record).
    ///
    /// - Parameter rollup: A rollup bucketed in the same zone.
    /// - Throws: ``MetricsError`` naming `timeZone` when its day is in another zone, or what
    ///   ``MetricRollup/merge(_:sourceLimit:)`` throws.
    public mutating func add(_ rollup: MetricRollup) throws(MetricsError) {
        guard rollup.key.day.timeZone.identifier == configuration.timeZone.identifier,
            rollup.key.day.granularity == .day
        else {
            throw .validation(field: "timeZone", reason: "rollups must be daily in the configured zone")
        }
        let day = try bucketer.position(of: rollup.key.day.start)
        let kind = rollup.key.kind
        var target = rollup
        if rollup.key.dimensions != .overflow, combinations[kind]?.contains(rollup.key.dimensions) != true {
            if (combinations[kind]?.count ?? 0) < configuration.cardinalityCap {
                combinations[kind, default: []].insert(rollup.key.dimensions)
            } else {
                target = Self.rekeyed(
                    rollup, to: RollupKey(kind: kind, day: rollup.key.day, dimensions: .overflow))
                overflowCounts[kind, default: 0] += rollup.aggregate.count
            }
        }
        let key = CellKey(kind: kind, day: day, dimensions: target.key.dimensions)
        if let position = cells[key] {
            try storage[position].merge(target, sourceLimit: configuration.sourceLimit)
        } else {
            cells[key] = storage.count
            storage.append(target)
        }
        observationCount += rollup.aggregate.count
    }

    /// Adds everything another accumulator holds.
    ///
    /// - Parameter other: An accumulator of the same tenant and zone.
    /// - Throws: ``MetricsError`` naming `tenant` or `timeZone` when they differ, or what
    ///   ``add(_:)-(MetricRollup)`` throws.
    public mutating func merge(_ other: RollupAccumulator) throws(MetricsError) {
        guard other.tenant == tenant else {
            throw .validation(field: "tenant", reason: "accumulators of different tenants cannot merge")
        }
        for rollup in other.rollups { try add(rollup) }
        for (kind, count) in other.overflowCounts { overflowCounts[kind, default: 0] += count }
    }

    /// The rollups, ordered by metric, day and dimensions.
    public var rollups: [MetricRollup] { storage.sorted { $0.key < $1.key } }

    /// The rollups as a queryable collection.
    public var collection: RollupCollection { RollupCollection(storage) }

    /// The metrics that reached the cardinality cap, with how many observations overflowed.
    public var overflows: [CardinalityOverflow] {
        overflowCounts.sorted { $0.key < $1.key }.map {
            CardinalityOverflow(kind: $0.key, observationCount: $0.value, cap: configuration.cardinalityCap)
        }
    }

    private static func rekeyed(_ rollup: MetricRollup, to key: RollupKey) -> MetricRollup {
        var copy = MetricRollup(key: key)
        copy.replaceContents(with: rollup)
        return copy
    }
}
