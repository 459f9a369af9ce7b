import Foundation

/// The reference ``RecordStore``: every tenant's records, indexes, outbox and idempotency
/// records in memory, behind one lock.
///
/// Records are kept as Swift values (nothing is encoded), in one typed table per record
/// type and tenant. Point reads are a dictionary lookup; every index (the built-in
/// ``RecordQuery/primaryIndex`` and each of `Record.indexes`) is a B+ tree per partition
/// value keyed by (sort key, identifier), changed incrementally in the same commit as the
/// record. Commits check every change before applying any, so a failed commit writes
/// nothing.
///
/// New outbox entries are due at once (their `nextAttemptAt` is `Date.distantPast`).
///
/// ```swift
/// let store = InMemoryRecordStore()
/// var transaction = StoreTransaction()
/// transaction.insert(note)
/// let receipt = try await store.commit(transaction, in: tenant)  // receipt.versions == [1]
/// ```
///
/// The store lives as long as the process; use it for tests, demos, previews and single-
/// process hosts that persist elsewhere.
public final class InMemoryRecordStore: RecordStore {
    @usableFromInline let state = Locked(InMemoryStoreState())

    /// Creates an empty store.
    public init() {}

    // MARK: Introspection

    /// The number of records `tenant` holds, of every type.
    ///
    /// - Parameter tenant: The tenant.
    /// - Returns: The record count (0 for an unknown tenant).
    public func recordCount(in tenant: TenantID) -> Int {
        state.withLock { $0.existingPartition(tenant)?.recordCount ?? 0 }
    }

    /// The number of records of one type `tenant` holds.
    ///
    /// - Parameters:
    ///   - type: The record type.
    ///   - tenant: The tenant.
    /// - Returns: The record count.
    public func recordCount<Record: StoredRecord>(of type: Record.Type, in tenant: TenantID) -> Int {
        state.withLock { $0.existingPartition(tenant)?.existingTable(type)?.count ?? 0 }
    }

    /// The number of entries a secondary index of `Record` holds in `tenant`, across all
    /// its partitions (a record contributes one entry per key it returns).
    ///
    /// - Parameters:
    ///   - type: The record type.
    ///   - index: The index name.
    ///   - tenant: The tenant.
    /// - Returns: The entry count (0 for an unknown index).
    public func indexEntryCount<Record: StoredRecord>(
        of type: Record.Type, index: String, in tenant: TenantID
    ) -> Int {
        state.withLock { $0.existingPartition(tenant)?.existingTable(type)?.entryCount(ofIndex: index) ?? 0 }
    }

    /// The number of outbox entries, pending or dead-lettered, across every tenant.
    public var outboxEntryCount: Int { state.withLock { $0.outbox.count } }

    // MARK: Records

    /// Reads one record: one dictionary lookup under the lock, no allocation.
    ///
    /// - Parameters:
    ///   - type: The record type.
    ///   - id: The record's identifier.
    ///   - tenant: The tenant to read in.
    /// - Returns: The record and its version, or `nil`.
    /// - Throws: Never; declared by ``RecordStore``.
    @inlinable
    public func fetch<Record: StoredRecord>(_ type: Record.Type, id: Identifier, in tenant: TenantID)
        async throws -> Versioned<Record>?
    {
        record(type, id: id, in: tenant)
    }

    /// Reads one record synchronously (the same read as ``fetch(_:id:in:)``, for
    /// benchmarks and synchronous callers).
    ///
    /// The read is inlinable: a caller that names its record type gets code specialised for
    /// it, which copies the record directly instead of asking the runtime for the generic
    /// types' metadata on every call.
    ///
    /// - Parameters:
    ///   - type: The record type.
    ///   - id: The record's identifier.
    ///   - tenant: The tenant to read in.
    /// - Returns: The record and its version, or `nil`.
    @inlinable
    public func record<Record: StoredRecord>(_ type: Record.Type, id: Identifier, in tenant: TenantID)
        -> Versioned<Record>?
    {
        state.withLock { state in
            state.existingPartition(tenant)?.existingTable(type)?.versioned(id)
        }
    }

    /// Reads several records of one type, in the order of `ids`, each identifier once.
    ///
    /// - Parameters:
    ///   - type: The record type.
    ///   - ids: The identifiers to read.
    ///   - tenant: The tenant to read in.
    /// - Returns: The records that exist.
    /// - Throws: Never; declared by ``RecordStore``.
    public func fetch<Record: StoredRecord>(_ type: Record.Type, ids: [Identifier], in tenant: TenantID)
        async throws -> [Versioned<Record>]
    {
        state.withLock { state in
            guard let table = state.existingPartition(tenant)?.existingTable(type) else { return [] }
            var result: [Versioned<Record>] = []
            result.reserveCapacity(ids.count)
            // A few identifiers (the usual batch) are checked for repeats pairwise; only a
            // longer list builds a set.
            let pairwise = ids.count <= 16
            var seen = pairwise ? [] : Set<Identifier>(minimumCapacity: ids.count)
            for (position, id) in ids.enumerated() {
                let repeated = pairwise ? ids[..<position].contains(id) : !seen.insert(id).inserted
                if !repeated, let versioned = table.versioned(id) { result.append(versioned) }
            }
            return result
        }
    }

    /// Reads one page of an index.
    ///
    /// - Parameters:
    ///   - query: The index, partition, range, order, page size and cursor.
    ///   - tenant: The tenant to read in.
    /// - Returns: The page; its `nextCursor` is `nil` on the last page.
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` naming `limit` or `index`.
    public func query<Record: StoredRecord>(_ query: RecordQuery<Record>, in tenant: TenantID)
        async throws -> RecordPage<Record>
    {
        try page(query, in: tenant)
    }

    /// Reads one page of an index synchronously (the same read as ``query(_:in:)``).
    ///
    /// - Parameters:
    ///   - query: The index, partition, range, order, page size and cursor.
    ///   - tenant: The tenant to read in.
    /// - Returns: The page.
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` naming `limit` or `index`.
    public func page<Record: StoredRecord>(_ query: RecordQuery<Record>, in tenant: TenantID)
        throws(CoreError) -> RecordPage<Record>
    {
        try query.validate()
        return try state.withLock { state throws(CoreError) -> RecordPage<Record> in
            guard let table = state.existingPartition(tenant)?.existingTable(Record.self) else {
                return RecordPage(records: [], nextCursor: nil)
            }
            return try table.page(for: query)
        }
    }

    /// Commits a batch atomically: validates it, checks every change's version, and only
    /// then writes the records, their index entries, the outbox events and the
    /// idempotency completion.
    ///
    /// - Parameters:
    ///   - transaction: The changes, events and idempotency completion.
    ///   - tenant: The tenant every change and event belongs to.
    /// - Returns: The new version of every change (0 for deletions).
    /// - Throws: ``CoreError``: ``ErrorCode/validationFailed`` naming `events[i].tenant`,
    ///   `events[i].id` (an event already in the outbox or twice in the batch) or
    ///   `changes[i]` (a record twice in the batch); ``ErrorCode/versionConflict`` naming
    ///   the record and its current version; ``ErrorCode/notFound`` naming the record.
    public func commit(_ transaction: StoreTransaction, in tenant: TenantID) async throws -> CommitReceipt {
        try commitNow(transaction, in: tenant)
    }

    /// Commits a batch synchronously (the same commit as ``commit(_:in:)``).
    ///
    /// - Parameters:
    ///   - transaction: The changes, events and idempotency completion.
    ///   - tenant: The tenant every change and event belongs to.
    /// - Returns: The new version of every change (0 for deletions).
    /// - Throws: What ``commit(_:in:)`` throws.
    public func commitNow(_ transaction: StoreTransaction, in tenant: TenantID) throws(CoreError)
        -> CommitReceipt
    {
        try Self.validate(transaction, in: tenant)
        return try state.withLock { state throws(CoreError) -> CommitReceipt in
            let existing = state.existingPartition(tenant)
            // Changes and events are read in place, by position: a `for … in` loop would copy
            // each one (and retain everything it holds) only to read a field or two.
            let changes = transaction.changes
            let targets = transaction.targets
            let events = transaction.events
            for position in targets.indices {
                try Self.check(targets[position], in: existing) { changes[position].recordTypeName }
            }
            for position in events.indices where state.outbox.contains(events[position].id) {
                throw .validation(field: "events[\(position)].id", reason: "is already in the outbox")
            }
            let partition = existing ?? state.partition(tenant)
            var versions: [UInt64] = []
            versions.reserveCapacity(changes.count)
            for position in changes.indices { versions.append(Self.apply(changes[position], to: partition)) }
            for position in events.indices { state.outbox.append(events[position]) }
            if let completion = transaction.idempotency {
                let createdAt = partition.idempotency[completion.scope]?.createdAt ?? completion.completedAt
                partition.idempotency[completion.scope] = IdempotencyRecord(
                    scope: completion.scope, fingerprint: completion.fingerprint,
                    state: .completed(result: completion.result), createdAt: createdAt,
                    expiresAt: completion.expiresAt)
            }
            return CommitReceipt(versions: versions)
        }
    }

    private struct ChangeKey: Hashable {
        let type: ObjectIdentifier
        let id: Identifier
    }

    private static func validate(_ transaction: StoreTransaction, in tenant: TenantID) throws(CoreError) {
        for position in transaction.events.indices where transaction.events[position].tenant != tenant {
            throw .validation(field: "events[\(position)].tenant", reason: "must be the commit's tenant")
        }
        let events = transaction.events
        if let position = firstRepeat(count: events.count, key: { events[$0].id }) {
            throw .validation(field: "events[\(position)].id", reason: "appears twice in the batch")
        }
        let targets = transaction.targets
        guard targets.count > 1 else { return }
        // The transaction noted each change's type and identifier when it was added.
        let repeated = firstRepeat(count: targets.count) {
            ChangeKey(type: targets[$0].type, id: targets[$0].id)
        }
        if let position = repeated {
            throw .validation(
                field: "changes[\(position)]", reason: "changes a record changed earlier in the batch")
        }
    }

    /// The first position whose key equals an earlier one's, or `nil`. Small batches (the
    /// usual commit) compare pairs without allocating; large ones go through a set.
    private static func firstRepeat<Key: Hashable>(count: Int, key: (Int) -> Key) -> Int? {
        guard count > 1 else { return nil }
        if count <= 16 {
            for later in 1..<count {
                let laterKey = key(later)
                for earlier in 0..<later where key(earlier) == laterKey { return later }
            }
            return nil
        }
        var seen = Set<Key>(minimumCapacity: count)
        for position in 0..<count where !seen.insert(key(position)).inserted { return position }
        return nil
    }

    /// Checks one change against the stored versions, from what the transaction noted when
    /// the change was added; only a refused change opens its record, through `typeName`,
    /// for the error.
    private static func check(
        _ target: ChangeTarget, in partition: TenantPartition?, typeName: () -> String
    ) throws(CoreError) {
        // A merge never conflicts; an insert needs the record absent; an update or a
        // deletion needs it present at the expected version.
        guard target.kind != .merge else { return }
        let current = partition?.existingTable(target.type)?.storedVersion(of: target.id)
        if target.kind == .insert {
            guard let current else { return }
            throw CoreError(
                code: .versionConflict, reason: "already exists at version \(current)",
                recordType: typeName(), recordID: target.id, currentVersion: current)
        }
        guard let current else {
            throw CoreError(
                code: .notFound, reason: "does not exist", recordType: typeName(),
                recordID: target.id)
        }
        guard current == target.expectedVersion else {
            throw CoreError(
                code: .versionConflict,
                reason: "is at version \(current) (expected \(target.expectedVersion))",
                recordType: typeName(), recordID: target.id, currentVersion: current)
        }
    }

    private static func apply(_ change: RecordChange, to partition: TenantPartition) -> UInt64 {
        switch change {
        case .insert(let record): applyInsert(record, to: partition)
        case .update(let record, _): applyUpdate(record, to: partition)
        case .delete(let type, let id, _): applyDelete(type, id: id, to: partition)
        case .merge(let delta): applyMerge(delta, to: partition)
        }
    }

    private static func applyMerge<Record: MergeableRecord>(_ delta: Record, to partition: TenantPartition)
        -> UInt64
    {
        partition.table(Record.self).merge(delta)
    }

    private static func applyInsert<Record: StoredRecord>(_ record: Record, to partition: TenantPartition)
        -> UInt64
    {
        partition.table(Record.self).insert(record)
    }

    private static func applyUpdate<Record: StoredRecord>(_ record: Record, to partition: TenantPartition)
        -> UInt64
    {
        partition.table(Record.self).update(record)
    }

    private static func applyDelete<Record: StoredRecord>(
        _ type: Record.Type, id: Identifier, to partition: TenantPartition
    ) -> UInt64 {
        partition.existingTable(type)?.delete(id)
        return 0
    }

    /// Enumerates every record of a tenant, ordered by type name then identifier.
    ///
    /// - Parameters:
    ///   - tenant: The tenant to enumerate.
    ///   - cursor: Where to resume, from the previous page.
    ///   - limit: The page size (1 ... 1000).
    /// - Returns: One page of records; `nextCursor` is `nil` on the last page.
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` naming `limit` or `cursor`
    ///   (a cursor that did not come from an enumeration).
    public func enumerateRecords(in tenant: TenantID, after cursor: PageCursor?, limit: Int)
        async throws -> RecordEnumerationPage
    {
        guard limit >= 1, limit <= 1000 else {
            throw CoreError.validation(field: "limit", reason: "must be between 1 and 1000")
        }
        var resumeType: String?
        if let cursor {
            guard cursor.sort.count == 1, case .string(let name) = cursor.sort[0] else {
                throw CoreError.validation(field: "cursor", reason: "is not an enumeration cursor")
            }
            resumeType = name
        }
        return state.withLock { state in
            guard let partition = state.existingPartition(tenant) else {
                return RecordEnumerationPage(records: [], nextCursor: nil)
            }
            let tables = partition.tables.values
                .filter { table in resumeType.map { table.recordType.name >= $0 } ?? true }
                .sorted { $0.recordType.name < $1.recordType.name }
            var snapshots: [StoredRecordSnapshot] = []
            snapshots.reserveCapacity(min(limit, 256))
            var hasMore = false
            for (position, table) in tables.enumerated() {
                let after = table.recordType.name == resumeType ? cursor?.recordID : nil
                if snapshots.count >= limit {
                    hasMore = tables[position...].contains { $0.count > 0 }
                    break
                }
                if table.appendSnapshots(after: after, limit: limit, to: &snapshots) {
                    hasMore = true
                    break
                }
            }
            guard hasMore, let last = snapshots.last else {
                return RecordEnumerationPage(records: snapshots, nextCursor: nil)
            }
            return RecordEnumerationPage(
                records: snapshots,
                nextCursor: PageCursor(sort: [.string(last.reference.type.name)], recordID: last.reference.id)
            )
        }
    }

    /// The tenants holding any record, outbox entry or idempotency record, sorted.
    ///
    /// - Returns: The tenants.
    /// - Throws: Never; declared by ``RecordStore``.
    public func tenants() async throws -> [TenantID] {
        state.withLock { state in
            var tenants = Set(state.partitions.filter { !$0.value.isEmpty }.map(\.key))
            tenants.formUnion(state.outbox.tenantsWithEntries)
            return tenants.sorted()
        }
    }

    // MARK: Outbox

    /// Leases up to `limit` deliverable entries to `claimant`; see
    /// ``RecordStore/claimOutboxEntries(limit:claimant:now:leaseDuration:)``.
    ///
    /// - Parameters:
    ///   - limit: The largest number of entries to lease (none when 0 or less).
    ///   - claimant: The relay instance.
    ///   - now: The current instant.
    ///   - leaseDuration: How long the lease lasts.
    /// - Returns: The leased entries, in commit order.
    /// - Throws: Never; declared by ``RecordStore``.
    public func claimOutboxEntries(limit: Int, claimant: String, now: Date, leaseDuration: Duration)
        async throws -> [OutboxEntry]
    {
        state.withLock {
            $0.outbox.claim(limit: limit, claimant: claimant, now: now, leaseDuration: leaseDuration)
        }
    }

    /// Removes delivered entries leased to `claimant`; others are ignored.
    ///
    /// - Parameters:
    ///   - events: The delivered events.
    ///   - claimant: The relay instance that leased them.
    /// - Throws: Never; declared by ``RecordStore``.
    public func acknowledgeOutboxEntries(_ events: [EventID], claimant: String) async throws {
        state.withLock { $0.outbox.acknowledge(events, claimant: claimant) }
    }

    /// Records a failed delivery attempt of an entry leased to `claimant`.
    ///
    /// - Parameters:
    ///   - event: The event whose delivery failed.
    ///   - claimant: The relay instance that leased it.
    ///   - failure: The error, delivered sinks and retry instant (`nil` dead-letters).
    /// - Throws: Never; declared by ``RecordStore``.
    public func recordOutboxFailure(_ event: EventID, claimant: String, failure: OutboxFailure) async throws {
        state.withLock { $0.outbox.recordFailure(event, claimant: claimant, failure: failure) }
    }

    /// Lists outbox entries of a tenant in commit order.
    ///
    /// - Parameters:
    ///   - status: Which entries to list.
    ///   - tenant: The tenant.
    ///   - sequence: List entries after this sequence number; `nil` from the start.
    ///   - limit: The page size (1 ... 1000).
    /// - Returns: The entries.
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` naming `limit`.
    public func outboxEntries(status: OutboxStatus, in tenant: TenantID, after sequence: UInt64?, limit: Int)
        async throws -> [OutboxEntry]
    {
        guard limit >= 1, limit <= 1000 else {
            throw CoreError.validation(field: "limit", reason: "must be between 1 and 1000")
        }
        return state.withLock { $0.outbox.entries(status: status, in: tenant, after: sequence, limit: limit) }
    }

    /// Returns dead-lettered entries of `tenant` to pending with no attempts, due at `now`.
    ///
    /// - Parameters:
    ///   - events: The events to redrive; others are ignored.
    ///   - tenant: Their tenant.
    ///   - now: When they become due.
    /// - Returns: How many entries were redriven.
    /// - Throws: Never; declared by ``RecordStore``.
    public func redriveOutboxEntries(_ events: [EventID], in tenant: TenantID, now: Date) async throws -> Int
    {
        state.withLock { $0.outbox.redrive(events, in: tenant, now: now) }
    }

    /// Replaces the payload of waiting outbox entries of `tenant`.
    ///
    /// - Parameters:
    ///   - events: The events to rewrite.
    ///   - tenant: Their tenant.
    ///   - payload: The redacted payload.
    /// - Returns: How many entries were rewritten.
    /// - Throws: Never; declared by ``RecordStore``.
    public func redactOutboxEntries(_ events: [EventID], in tenant: TenantID, payload: Payload) async throws
        -> Int
    {
        state.withLock { $0.outbox.redact(events, in: tenant, payload: payload) }
    }

    // MARK: Idempotency

    /// Claims an idempotency key or returns what is known about it; see
    /// ``RecordStore/claimIdempotencyKey(_:fingerprint:in:now:leaseUntil:expiresAt:)``.
    ///
    /// - Parameters:
    ///   - scope: The principal, operation and key.
    ///   - fingerprint: A hash of the request.
    ///   - tenant: The tenant.
    ///   - now: The current instant.
    ///   - leaseUntil: Until when the claim blocks duplicates.
    ///   - expiresAt: When the record may be forgotten.
    /// - Returns: ``IdempotencyClaim/acquired`` or the existing record.
    /// - Throws: Never; declared by ``RecordStore``.
    public func claimIdempotencyKey(
        _ scope: IdempotencyScope, fingerprint: String, in tenant: TenantID, now: Date, leaseUntil: Date,
        expiresAt: Date
    ) async throws -> IdempotencyClaim {
        state.withLock { state in
            let partition = state.partition(tenant)
            if let existing = partition.idempotency[scope], existing.expiresAt > now {
                switch existing.state {
                case .completed: return .existing(existing)
                case .inProgress(let leaseExpiresAt) where leaseExpiresAt > now: return .existing(existing)
                case .inProgress: break
                }
            }
            partition.idempotency[scope] = IdempotencyRecord(
                scope: scope, fingerprint: fingerprint, state: .inProgress(leaseExpiresAt: leaseUntil),
                createdAt: now, expiresAt: expiresAt)
            return .acquired
        }
    }

    /// Drops an in-progress claim; completed records are kept.
    ///
    /// - Parameters:
    ///   - scope: The key.
    ///   - tenant: The tenant.
    /// - Throws: Never; declared by ``RecordStore``.
    public func releaseIdempotencyKey(_ scope: IdempotencyScope, in tenant: TenantID) async throws {
        state.withLock { state in
            guard let partition = state.existingPartition(tenant),
                let existing = partition.idempotency[scope],
                case .inProgress = existing.state
            else { return }
            partition.idempotency[scope] = nil
        }
    }

    /// Reads what is known about an idempotency key, expired or not.
    ///
    /// - Parameters:
    ///   - scope: The key.
    ///   - tenant: The tenant.
    /// - Returns: The record, or `nil`.
    /// - Throws: Never; declared by ``RecordStore``.
    public func idempotencyRecord(for scope: IdempotencyScope, in tenant: TenantID) async throws
        -> IdempotencyRecord?
    {
        state.withLock { $0.existingPartition(tenant)?.idempotency[scope] }
    }

    /// Deletes idempotency records that expired at or before `now`, in every tenant.
    ///
    /// - Parameter now: The current instant.
    /// - Returns: How many records were deleted.
    /// - Throws: Never; declared by ``RecordStore``.
    public func purgeExpiredIdempotencyRecords(now: Date) async throws -> Int {
        state.withLock { state in
            var purged = 0
            for partition in state.partitions.values {
                let before = partition.idempotency.count
                partition.idempotency = partition.idempotency.filter { $0.value.expiresAt > now }
                purged += before - partition.idempotency.count
            }
            return purged
        }
    }
}

extension RecordChange {
    /// The type name of the record this change touches, for errors.
    fileprivate var recordTypeName: String { reference.type.name }
}
