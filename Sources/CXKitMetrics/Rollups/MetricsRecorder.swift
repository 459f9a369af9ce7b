import CXKitCore
import Foundation

/// Commits observations into daily rollup records (``MetricRollup``) and reads them back.
///
/// One call groups its observations by rollup in memory, then reads the affected rollups
/// and cardinality ledgers, merges, and writes them all in **one** atomic commit. Rollup
/// merging is commutative, so a version conflict with a concurrent writer is retried from a
/// fresh read through the core `retryingOnConflict` (up to
/// ``MetricsConfiguration/maximumCommitAttempts``) instead of surfacing.
///
/// ```swift
/// let recorder = MetricsRecorder(store: store, configuration: try MetricsConfiguration(
///     timeZoneIdentifier: "Europe/Istanbul"))
/// try await recorder.record(observations, in: tenant)
/// let rollups = try await recorder.rollups(of: .netPromoterScore, in: lastQuarter, tenant: tenant)
/// ```
public struct MetricsRecorder: Sendable {
    /// The store holding the rollups.
    public let store: any RecordStore
    /// Zone, cardinality cap, source limit and retry budget.
    public let configuration: MetricsConfiguration

    /// The most observations one call may record.
    public static let maximumBatchSize = 100_000

    /// Creates a recorder.
    ///
    /// - Parameters:
    ///   - store: The store holding the rollups.
    ///   - configuration: Zone, cap, source limit and retry budget.
    public init(store: any RecordStore, configuration: MetricsConfiguration) {
        self.store = store
        self.configuration = configuration
    }

    /// Records observations into their rollups in one atomic commit.
    ///
    /// - Parameters:
    ///   - observations: Validated observations of `tenant` (at most 100 000).
    ///   - tenant: The tenant.
    /// - Returns: What was written, including any cardinality cap that was hit.
    /// - Throws: ``MetricsError`` with `ErrorCode.limitExceeded` naming
    ///   `observations` for an oversized batch, or the errors of
    ///   ``RollupAccumulator/add(contentsOf:)`` (field `observations[i].…`), in which case
    ///   nothing is written; the store's `ErrorCode.versionConflict` when every
    ///   attempt conflicted; other store errors as they are.
    @discardableResult
    public func record(_ observations: [Observation], in tenant: TenantID) async throws -> RecordingSummary {
        guard observations.count <= Self.maximumBatchSize else {
            throw MetricsError.limit(
                field: "observations", reason: "must hold at most \(Self.maximumBatchSize)")
        }
        guard !observations.isEmpty else {
            return RecordingSummary(observationCount: 0, rollupCount: 0, attempts: 0, overflows: [])
        }
        let rollups = try group(observations, in: tenant)
        var attempts = 0
        let (rollupCount, overflows) = try await retryingOnConflict(
            maxAttempts: configuration.maximumCommitAttempts
        ) {
            attempts += 1
            var transaction = StoreTransaction()
            let staged = try await stage(rollups, into: &transaction, in: tenant)
            _ = try await store.commit(transaction, in: tenant)
            return staged
        }
        return RecordingSummary(
            observationCount: observations.count, rollupCount: rollupCount, attempts: attempts,
            overflows: overflows)
    }

    /// Adds the rollup changes for observations to a caller's transaction, so a domain
    /// change and the rollups it feeds commit atomically ("no state change without its
    /// rollups"). The caller commits; on a version conflict it re-runs its whole operation,
    /// including this call, from a fresh read.
    ///
    /// - Parameters:
    ///   - observations: Validated observations of `tenant` (at most 100 000).
    ///   - transaction: The transaction to add rollup inserts and updates to.
    ///   - tenant: The tenant.
    /// - Returns: The cardinality caps hit by these observations.
    /// - Throws: ``MetricsError`` as ``record(_:in:)`` does for the observations (nothing is
    ///   added then); the store's errors from reading the current rollups.
    @discardableResult
    public func stage(
        _ observations: [Observation], into transaction: inout StoreTransaction, in tenant: TenantID
    ) async throws -> [CardinalityOverflow] {
        guard observations.count <= Self.maximumBatchSize else {
            throw MetricsError.limit(
                field: "observations", reason: "must hold at most \(Self.maximumBatchSize)")
        }
        guard !observations.isEmpty else { return [] }
        return try await stage(group(observations, in: tenant), into: &transaction, in: tenant).1
    }

    /// Groups observations into per-key rollups (no cap: the stored ledger decides).
    private func group(_ observations: [Observation], in tenant: TenantID) throws -> [MetricRollup] {
        let unbounded = try MetricsConfiguration(
            timeZone: configuration.timeZone, cardinalityCap: 100_000,
            sourceLimit: configuration.sourceLimit,
            maximumCommitAttempts: configuration.maximumCommitAttempts)
        var batch = RollupAccumulator(tenant: tenant, configuration: unbounded)
        try batch.add(contentsOf: observations)
        return batch.rollups
    }

    private func stage(
        _ batch: [MetricRollup], into transaction: inout StoreTransaction, in tenant: TenantID
    ) async throws -> (Int, [CardinalityOverflow]) {
        let kinds = Array(Set(batch.map(\.key.kind))).sorted()
        let storedLedgers = try await store.fetch(
            MetricCardinalityLedger.self, ids: kinds.map(MetricCardinalityLedger.identifier(for:)), in: tenant
        )
        var ledgers: [MetricKind: (ledger: MetricCardinalityLedger, version: UInt64?)] = [:]
        for kind in kinds { ledgers[kind] = (MetricCardinalityLedger(kind: kind), nil) }
        for stored in storedLedgers { ledgers[stored.record.kind] = (stored.record, stored.version) }

        var targets: [RollupKey: MetricRollup] = [:]
        var order: [RollupKey] = []
        var overflowCounts: [MetricKind: Int64] = [:]
        var changedLedgers: Set<MetricKind> = []
        for rollup in batch {
            let kind = rollup.key.kind
            if ledgers[kind] == nil { ledgers[kind] = (MetricCardinalityLedger(kind: kind), nil) }
            // Mutate the ledger inside the dictionary so its fingerprint array is not copied.
            let wasKnown = ledgers[kind]?.ledger.contains(rollup.key.dimensions) ?? false
            let admitted =
                ledgers[kind]?.ledger.admit(rollup.key.dimensions, cap: configuration.cardinalityCap) ?? false
            var target = rollup
            if !admitted {
                var moved = MetricRollup(
                    key: RollupKey(kind: kind, day: rollup.key.day, dimensions: .overflow))
                moved.replaceContents(with: rollup)
                target = moved
                ledgers[kind]?.ledger.recordOverflow(rollup.aggregate.count)
                overflowCounts[kind, default: 0] += rollup.aggregate.count
                changedLedgers.insert(kind)
            } else if !wasKnown, rollup.key.dimensions != .overflow {
                changedLedgers.insert(kind)
            }
            if targets[target.key] != nil {
                try targets[target.key]?.merge(target, sourceLimit: configuration.sourceLimit)
            } else {
                targets[target.key] = target
                order.append(target.key)
            }
        }

        let stored = try await store.fetch(MetricRollup.self, ids: order.map(\.identifier), in: tenant)
        var storedByID: [Identifier: Versioned<MetricRollup>] = [:]
        for versioned in stored { storedByID[versioned.record.recordID] = versioned }
        for key in order {
            guard let fresh = targets[key] else { continue }
            if let existing = storedByID[key.identifier] {
                var merged = existing.record
                try merged.merge(fresh, sourceLimit: configuration.sourceLimit)
                transaction.update(merged, expectedVersion: existing.version)
            } else {
                transaction.insert(fresh)
            }
        }
        for kind in kinds where changedLedgers.contains(kind) {
            guard let entry = ledgers[kind] else { continue }
            if let version = entry.version {
                transaction.update(entry.ledger, expectedVersion: version)
            } else {
                transaction.insert(entry.ledger)
            }
        }
        let overflows = overflowCounts.sorted { $0.key < $1.key }.map {
            CardinalityOverflow(kind: $0.key, observationCount: $0.value, cap: configuration.cardinalityCap)
        }
        return (order.count, overflows)
    }

    /// Reads the daily rollups of `kind` whose day starts within `interval`.
    ///
    /// - Parameters:
    ///   - kind: The metric.
    ///   - interval: The instants to cover (whole days whose start lies inside).
    ///   - tenant: The tenant.
    /// - Returns: The rollups as a queryable collection.
    /// - Throws: The store's errors.
    public func rollups(of kind: MetricKind, in interval: DateInterval, tenant: TenantID) async throws
        -> RollupCollection
    {
        var collected: [MetricRollup] = []
        var cursor: PageCursor?
        repeat {
            let query = RecordQuery<MetricRollup>(
                index: "byKindDay", partition: [.string(kind.name)],
                lowerBound: .including(.date(interval.start)),
                upperBound: .excluding(.date(interval.end)), limit: RecordQuery<MetricRollup>.maximumLimit,
                cursor: cursor)
            let page = try await store.query(query, in: tenant)
            collected.append(contentsOf: page.records.map(\.record))
            cursor = page.nextCursor
        } while cursor != nil
        return RollupCollection(collected)
    }

    /// Reads how often `kind` overflowed its cardinality cap so far.
    ///
    /// - Parameters:
    ///   - kind: The metric.
    ///   - tenant: The tenant.
    /// - Returns: The report, or `nil` when the metric never overflowed.
    /// - Throws: The store's errors.
    public func cardinalityOverflow(of kind: MetricKind, in tenant: TenantID) async throws
        -> CardinalityOverflow?
    {
        guard
            let ledger = try await store.fetch(
                MetricCardinalityLedger.self, id: MetricCardinalityLedger.identifier(for: kind), in: tenant),
            ledger.record.overflowCount > 0
        else { return nil }
        return CardinalityOverflow(
            kind: kind, observationCount: ledger.record.overflowCount, cap: configuration.cardinalityCap)
    }
}
