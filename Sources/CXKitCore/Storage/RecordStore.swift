import Foundation

/// The storage port: one protocol every CXKit module runs on. The host implements it over
/// its database (see `Documentation/ImplementingABackend.md`); `InMemoryRecordStore` is
/// the reference implementation, and `RecordStoreConformance` in CXKitTesting checks any
/// implementation against the contract below.
///
/// ## Contract
/// - Every record call is scoped by a ``TenantID``: a record stored under one tenant is
///   never returned, counted, conflicted with or enumerated under another.
/// - Versions start at 1 on insert and grow by exactly 1 per committed update.
/// - ``commit(_:in:)`` is atomic: every change, every outbox event and the idempotency
///   completion are written together or not at all. Inserting an existing identifier, or
///   updating/deleting at a version other than the stored one, fails the whole batch with
///   ``CoreError`` code ``ErrorCode/versionConflict`` naming the record and its current
///   version (`nil` when absent on insert conflicts is never the case: inserts report the
///   existing version). Updating or deleting a missing record fails with
///   ``ErrorCode/notFound``.
/// - Index queries return records in the order of (sort key, identifier); cursors resume
///   strictly after their position.
/// - The outbox hands out pending entries in commit order, never two entries of the same
///   aggregate at once and never an entry while an earlier pending entry of its aggregate
///   is leased or waiting for a retry. Dead-lettering an entry releases its aggregate.
/// - Errors thrown are ``CoreError`` values; backends wrap driver errors as
///   ``ErrorCode/storageFailure``.
public protocol RecordStore: Sendable {
    // MARK: Records

    /// Reads one record.
    ///
    /// - Parameters:
    ///   - type: The record type.
    ///   - id: The record's identifier.
    ///   - tenant: The tenant to read in.
    /// - Returns: The record and its version, or `nil` when it does not exist in `tenant`.
    /// - Throws: ``CoreError`` with ``ErrorCode/storageFailure`` when the backend fails.
    func fetch<Record: StoredRecord>(_ type: Record.Type, id: Identifier, in tenant: TenantID)
        async throws -> Versioned<Record>?

    /// Reads several records of one type.
    ///
    /// - Parameters:
    ///   - type: The record type.
    ///   - ids: The identifiers to read; duplicates are read once.
    ///   - tenant: The tenant to read in.
    /// - Returns: The records that exist, in the order of `ids`.
    /// - Throws: ``CoreError`` with ``ErrorCode/storageFailure`` when the backend fails.
    func fetch<Record: StoredRecord>(_ type: Record.Type, ids: [Identifier], in tenant: TenantID)
        async throws -> [Versioned<Record>]

    /// Reads one page of an index.
    ///
    /// - Parameters:
    ///   - query: The index, partition, range, order, page size and cursor.
    ///   - tenant: The tenant to read in.
    /// - Returns: The page and the cursor of the next one.
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` for an unknown index or a
    ///   limit out of range; ``ErrorCode/storageFailure`` when the backend fails.
    func query<Record: StoredRecord>(_ query: RecordQuery<Record>, in tenant: TenantID)
        async throws -> RecordPage<Record>

    /// Commits a batch atomically.
    ///
    /// Inserts, updates and deletions check the versions they were read at; merges
    /// (``RecordChange/merge(_:)``) add their delta to whatever version is stored, or
    /// insert it, and never conflict.
    ///
    /// - Parameters:
    ///   - transaction: The record changes, outbox events and idempotency completion.
    ///   - tenant: The tenant every change and event belongs to.
    /// - Returns: The new version of every changed record (0 for deletions).
    /// - Throws: ``CoreError`` with ``ErrorCode/versionConflict`` (naming the record and its
    ///   current version) or ``ErrorCode/notFound``, in which case nothing was written;
    ///   ``ErrorCode/validationFailed`` when an event belongs to another tenant or a record
    ///   appears twice; ``ErrorCode/storageFailure`` when the backend fails (the outcome is
    ///   then unknown).
    func commit(_ transaction: StoreTransaction, in tenant: TenantID) async throws -> CommitReceipt

    /// Enumerates every record of a tenant, ordered by type name then identifier, for
    /// privacy export and erasure scans.
    ///
    /// - Parameters:
    ///   - tenant: The tenant to enumerate.
    ///   - cursor: Where to resume, from the previous page.
    ///   - limit: The page size (1 ... 1000).
    /// - Returns: One page of records.
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` for a bad limit;
    ///   ``ErrorCode/storageFailure`` when the backend fails.
    func enumerateRecords(in tenant: TenantID, after cursor: PageCursor?, limit: Int)
        async throws -> RecordEnumerationPage

    /// The tenants that hold any record, outbox entry or idempotency record, for sweeps.
    ///
    /// - Throws: ``CoreError`` with ``ErrorCode/storageFailure`` when the backend fails.
    func tenants() async throws -> [TenantID]

    // MARK: Outbox

    /// Leases up to `limit` deliverable pending entries to `claimant` until
    /// `now + leaseDuration`, in commit order, honouring per-aggregate order.
    ///
    /// An entry is deliverable when it is pending, due (`nextAttemptAt <= now`), not leased
    /// to anyone (or its lease expired), and no earlier pending entry of its aggregate is
    /// leased or not yet due. At most one entry per aggregate is handed out per call.
    ///
    /// - Parameters:
    ///   - limit: The largest number of entries to lease.
    ///   - claimant: A name for the relay instance (leases are per claimant).
    ///   - now: The current instant.
    ///   - leaseDuration: How long the lease lasts.
    /// - Returns: The leased entries, in commit order.
    /// - Throws: ``CoreError`` with ``ErrorCode/storageFailure`` when the backend fails.
    func claimOutboxEntries(limit: Int, claimant: String, now: Date, leaseDuration: Duration)
        async throws -> [OutboxEntry]

    /// Removes delivered entries from the outbox. Entries not leased to `claimant` (lease
    /// lost or already acknowledged) are ignored.
    ///
    /// - Parameters:
    ///   - events: The delivered events.
    ///   - claimant: The relay instance that leased them.
    /// - Throws: ``CoreError`` with ``ErrorCode/storageFailure`` when the backend fails.
    func acknowledgeOutboxEntries(_ events: [EventID], claimant: String) async throws

    /// Records a failed attempt: increments the attempt count, keeps the error and the sinks
    /// that already accepted the event, releases the lease, and either schedules the retry
    /// or dead-letters the entry. Ignored when the entry is not leased to `claimant`.
    ///
    /// - Parameters:
    ///   - event: The event whose delivery failed.
    ///   - claimant: The relay instance that leased it.
    ///   - failure: The error, delivered sinks and retry instant (`nil` to dead-letter).
    /// - Throws: ``CoreError`` with ``ErrorCode/storageFailure`` when the backend fails.
    func recordOutboxFailure(_ event: EventID, claimant: String, failure: OutboxFailure) async throws

    /// Lists outbox entries of a tenant in commit order.
    ///
    /// - Parameters:
    ///   - status: Which entries to list.
    ///   - tenant: The tenant.
    ///   - sequence: List entries after this sequence number (exclusive); `nil` from the start.
    ///   - limit: The page size (1 ... 1000).
    /// - Returns: The entries.
    /// - Throws: ``CoreError`` with ``ErrorCode/storageFailure`` when the backend fails.
    func outboxEntries(status: OutboxStatus, in tenant: TenantID, after sequence: UInt64?, limit: Int)
        async throws -> [OutboxEntry]

    /// Returns dead-lettered entries to pending with a fresh attempt count, due at `now`.
    ///
    /// - Parameters:
    ///   - events: The dead-lettered events to redrive; others are ignored.
    ///   - tenant: Their tenant.
    ///   - now: When they become due.
    /// - Returns: How many entries were redriven.
    /// - Throws: ``CoreError`` with ``ErrorCode/storageFailure`` when the backend fails.
    func redriveOutboxEntries(_ events: [EventID], in tenant: TenantID, now: Date) async throws -> Int

    /// Replaces the payload of outbox entries that are still waiting (privacy erasure of
    /// personal data in undelivered events). Delivery metadata is kept.
    ///
    /// - Parameters:
    ///   - events: The events to rewrite.
    ///   - tenant: Their tenant.
    ///   - payload: The redacted payload.
    /// - Returns: How many entries were rewritten.
    /// - Throws: ``CoreError`` with ``ErrorCode/storageFailure`` when the backend fails.
    func redactOutboxEntries(_ events: [EventID], in tenant: TenantID, payload: Payload) async throws -> Int

    // MARK: Idempotency

    /// Atomically claims an idempotency key or reports what is already known about it.
    ///
    /// Returns ``IdempotencyClaim/acquired`` (and stores an in-progress record) when the key
    /// is unknown, expired (`expiresAt <= now`), or in progress with an expired lease.
    /// Otherwise returns the existing record unchanged, whatever its fingerprint.
    ///
    /// - Parameters:
    ///   - scope: The principal, operation and key.
    ///   - fingerprint: A hash of the request.
    ///   - tenant: The tenant.
    ///   - now: The current instant.
    ///   - leaseUntil: Until when the claim blocks duplicates if it is never completed.
    ///   - expiresAt: When the record may be forgotten.
    /// - Throws: ``CoreError`` with ``ErrorCode/storageFailure`` when the backend fails.
    func claimIdempotencyKey(
        _ scope: IdempotencyScope, fingerprint: String, in tenant: TenantID, now: Date, leaseUntil: Date,
        expiresAt: Date
    ) async throws -> IdempotencyClaim

    /// Drops an in-progress claim (the operation failed before committing anything, so a
    /// retry may run). Completed records are kept.
    ///
    /// - Parameters:
    ///   - scope: The key.
    ///   - tenant: The tenant.
    /// - Throws: ``CoreError`` with ``ErrorCode/storageFailure`` when the backend fails.
    func releaseIdempotencyKey(_ scope: IdempotencyScope, in tenant: TenantID) async throws

    /// Reads what is known about an idempotency key, expired or not.
    ///
    /// - Parameters:
    ///   - scope: The key.
    ///   - tenant: The tenant.
    /// - Returns: The record, or `nil`.
    /// - Throws: ``CoreError`` with ``ErrorCode/storageFailure`` when the backend fails.
    func idempotencyRecord(for scope: IdempotencyScope, in tenant: TenantID) async throws
        -> IdempotencyRecord?

    /// Deletes idempotency records that expired at or before `now`, in every tenant.
    ///
    /// - Parameter now: The current instant.
    /// - Returns: How many records were deleted.
    /// - Throws: ``CoreError`` with ``ErrorCode/storageFailure`` when the backend fails.
    func purgeExpiredIdempotencyRecords(now: Date) async throws -> Int
}

extension RecordStore {
    /// Reads one record by typed identifier.
    ///
    /// - Parameters:
    ///   - type: The record type.
    ///   - id: The record's typed identifier.
    ///   - tenant: The tenant to read in.
    /// - Returns: The record and its version, or `nil`.
    /// - Throws: What ``fetch(_:id:in:)`` throws.
    public func fetch<Record: StoredRecord, ID: TypedIdentifier>(
        _ type: Record.Type, id: ID, in tenant: TenantID
    ) async throws -> Versioned<Record>? {
        try await fetch(type, id: id.rawValue, in: tenant)
    }
}
