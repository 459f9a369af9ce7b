import Foundation

/// One change to one record inside a ``StoreTransaction``.
public enum RecordChange: Sendable {
    /// Insert a new record at version 1; fails with a conflict if the identifier exists.
    case insert(any StoredRecord)
    /// Replace a record held at `expectedVersion`; its version becomes `expectedVersion + 1`.
    case update(any StoredRecord, expectedVersion: UInt64)
    /// Delete a record held at `expectedVersion`.
    case delete(any StoredRecord.Type, id: Identifier, expectedVersion: UInt64)
    /// Add a delta to the record with its identifier (``MergeableRecord/merge(_:)``), or
    /// insert the delta at version 1 when there is none; never a version conflict. The
    /// record's version goes up by one either way.
    case merge(any MergeableRecord)

    /// The record this change touches.
    public var reference: RecordReference {
        switch self {
        case .insert(let record): RecordReference(type: type(of: record).recordType, id: record.recordID)
        case .update(let record, _):
            RecordReference(type: type(of: record).recordType, id: record.recordID)
        case .delete(let type, let id, _): RecordReference(type: type.recordType, id: id)
        case .merge(let delta): RecordReference(type: type(of: delta).recordType, id: delta.recordID)
        }
    }
}

/// What a transaction does with an idempotency key when it commits: records the
/// operation's result so a replay of the same request returns it.
public struct IdempotencyCompletion: Sendable {
    /// The key being completed.
    public let scope: IdempotencyScope
    /// The fingerprint of the request that produced the result.
    public let fingerprint: String
    /// The operation's result, returned to replays.
    public let result: Payload
    /// When the operation completed.
    public let completedAt: Date
    /// When the record may be forgotten.
    public let expiresAt: Date

    /// Creates a completion.
    ///
    /// - Parameters:
    ///   - scope: The key being completed.
    ///   - fingerprint: The request's fingerprint.
    ///   - result: The operation's result.
    ///   - completedAt: When it completed.
    ///   - expiresAt: When the record may be forgotten.
    public init(
        scope: IdempotencyScope, fingerprint: String, result: Payload, completedAt: Date, expiresAt: Date
    ) {
        self.scope = scope
        self.fingerprint = fingerprint
        self.result = result
        self.completedAt = completedAt
        self.expiresAt = expiresAt
    }
}

/// An atomic batch for ``RecordStore/commit(_:in:)``: record changes, the outbox events
/// they cause and, optionally, the completion of an idempotency key. All of it is written
/// or none of it is.
public struct StoreTransaction: Sendable {
    /// The record changes, in the order they were added.
    public private(set) var changes: [RecordChange] = []
    /// What each change touches and expects, parallel to ``changes``.
    @usableFromInline private(set) var targets: [ChangeTarget] = []
    /// The events to append to the outbox, in order.
    public private(set) var events: [EventEnvelope] = []
    /// The idempotency key this commit completes, if any.
    public var idempotency: IdempotencyCompletion?

    /// Creates an empty transaction.
    public init() {}

    /// Whether the transaction changes nothing, emits nothing and completes no key.
    public var isEmpty: Bool { changes.isEmpty && events.isEmpty && idempotency == nil }

    /// Adds the insertion of a new record.
    ///
    /// - Parameter record: The record; its identifier must not exist yet.
    public mutating func insert<Record: StoredRecord>(_ record: consuming Record) {
        let target = ChangeTarget(
            type: ObjectIdentifier(Record.self), id: record.recordID, expectedVersion: 0, kind: .insert)
        add(.insert(record), target)
    }

    /// Adds the replacement of a record read at `expectedVersion`.
    ///
    /// - Parameters:
    ///   - record: The new value of the record.
    ///   - expectedVersion: The version it was read at.
    public mutating func update<Record: StoredRecord>(_ record: consuming Record, expectedVersion: UInt64) {
        let target = ChangeTarget(
            type: ObjectIdentifier(Record.self), id: record.recordID, expectedVersion: expectedVersion,
            kind: .update)
        add(.update(record, expectedVersion: expectedVersion), target)
    }

    /// Adds the replacement of a versioned record read from the store.
    ///
    /// - Parameter versioned: The record with the version it was read at; its `record`
    ///   holds the new value.
    @inlinable
    public mutating func update<Record: StoredRecord>(_ versioned: Versioned<Record>) {
        // Inlined, so the caller's specialised code reads the versioned value's fields
        // without asking the runtime for `Versioned<Record>`'s layout.
        let target = ChangeTarget(
            type: ObjectIdentifier(Record.self), id: versioned.record.recordID,
            expectedVersion: versioned.version, kind: .update)
        add(.update(versioned.record, expectedVersion: versioned.version), target)
    }

    /// Adds a delta to merge into the stored record with its identifier, inserted as it is
    /// when the store holds none (see ``MergeableRecord``).
    ///
    /// The record is not read first and no version is checked, so concurrent merges into
    /// the same record all succeed. A transaction may merge into a record once, and not
    /// also insert, update or delete it.
    ///
    /// - Parameter delta: The contribution to add.
    public mutating func merge<Record: MergeableRecord>(_ delta: consuming Record) {
        let target = ChangeTarget(
            type: ObjectIdentifier(Record.self), id: delta.recordID, expectedVersion: 0, kind: .merge)
        add(.merge(delta), target)
    }

    /// Adds the deletion of a record read at `expectedVersion`.
    ///
    /// - Parameters:
    ///   - type: The record's type.
    ///   - id: The record's identifier.
    ///   - expectedVersion: The version it was read at.
    public mutating func delete<Record: StoredRecord>(
        _ type: Record.Type, id: Identifier, expectedVersion: UInt64
    ) {
        let target = ChangeTarget(
            type: ObjectIdentifier(type), id: id, expectedVersion: expectedVersion, kind: .delete)
        add(.delete(type, id: id, expectedVersion: expectedVersion), target)
    }

    /// Adds an event to the outbox. The event is taken, not copied, when the caller has no
    /// further use for it.
    ///
    /// - Parameter event: The event; its tenant must be the commit's tenant.
    public mutating func append(_ event: consuming EventEnvelope) {
        Self.makeRoom(in: &events)
        events.append(event)
    }

    /// Makes room for at least `changes` record changes and `events` events in all, so a
    /// caller that knows how large its transaction will be grows each array once.
    ///
    /// - Parameters:
    ///   - changes: The number of record changes the transaction will hold.
    ///   - events: The number of events it will hold.
    public mutating func reserveCapacity(changes: Int, events: Int) {
        self.changes.reserveCapacity(changes)
        targets.reserveCapacity(changes)
        self.events.reserveCapacity(events)
    }

    /// Adds a change: the one path of every insert, update, merge and delete.
    @usableFromInline
    mutating func add(_ change: consuming RecordChange, _ target: ChangeTarget) {
        Self.makeRoom(in: &changes)
        Self.makeRoom(in: &targets)
        changes.append(change)
        targets.append(target)
    }

    /// Gives an array that has no storage yet room for a few elements, so a typical
    /// transaction allocates each array once instead of at every doubling from one.
    @inline(__always)
    private static func makeRoom<Element>(in array: inout [Element]) {
        if array.capacity == 0 { array.reserveCapacity(4) }
    }
}

/// What a successful commit reports.
public struct CommitReceipt: Sendable, Equatable {
    /// The new version of each changed record, parallel to ``StoreTransaction/changes``
    /// (0 for deletions).
    public let versions: [UInt64]

    /// Creates a receipt.
    ///
    /// - Parameter versions: The new versions, parallel to the transaction's changes.
    public init(versions: [UInt64]) { self.versions = versions }
}
