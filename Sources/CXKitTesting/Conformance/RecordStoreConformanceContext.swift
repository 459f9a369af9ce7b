import CXKitCore
import Foundation

/// What one ``RecordStoreConformance`` case works with: a fresh store, two tenants with
/// random names, random time-ordered identifiers, a fixed base instant and helpers.
struct RecordStoreConformanceContext: Sendable {
    let store: any RecordStore
    let expect: ConformanceExpectations
    let tenant: TenantID
    let otherTenant: TenantID
    let ids: TimeOrderedIdentifierSource
    /// 2026-01-05T09:00:00Z; every instant the cases use is a whole second after it.
    let base = Date(timeIntervalSince1970: 1_767_603_600)

    init(store: any RecordStore, caseName: String) throws {
        self.store = store
        self.expect = ConformanceExpectations(caseName: caseName)
        let random = SystemRandomSource()
        self.tenant = try TenantID("conformance-a-\(String(random.nextUInt64(), radix: 36))")
        self.otherTenant = try TenantID("conformance-b-\(String(random.nextUInt64(), radix: 36))")
        self.ids = TimeOrderedIdentifierSource(random: random)
    }

    /// An instant `seconds` after ``base``.
    func at(_ seconds: Int) -> Date { base.addingTimeInterval(TimeInterval(seconds)) }

    func id() -> Identifier { ids.nextIdentifier() }

    func note(
        author: Identifier? = nil, title: String = "note", priority: Int64 = 0, tags: [String] = [],
        isPinned: Bool = false, createdAt seconds: Int = 0
    ) -> ConformanceNote {
        ConformanceNote(
            id: id(), author: author ?? id(), title: title, priority: priority, tags: tags,
            isPinned: isPinned,
            createdAt: at(seconds))
    }

    func event(
        about aggregate: Identifier, marker: Int = 0, in tenant: TenantID? = nil
    ) -> EventEnvelope {
        EventEnvelope(
            id: EventID(rawValue: id()), tenant: tenant ?? self.tenant, kind: "conformance.note.changed",
            aggregate: AggregateReference(type: ConformanceNote.recordType, id: aggregate), occurredAt: base,
            actor: nil, payload: Payload(ConformanceNoteEvent(marker: marker)))
    }

    /// Builds and commits a transaction in ``tenant`` (or `tenant`).
    @discardableResult
    func commit(
        in tenant: TenantID? = nil, _ build: (inout StoreTransaction) -> Void
    ) async throws -> CommitReceipt {
        var transaction = StoreTransaction()
        build(&transaction)
        return try await store.commit(transaction, in: tenant ?? self.tenant)
    }

    /// Inserts records, each at version 1, in one commit.
    func insert(_ records: [any StoredRecord], in tenant: TenantID? = nil) async throws {
        try await commit(in: tenant) { transaction in
            for record in records { transaction.insert(record) }
        }
    }

    func fetchNote(_ id: Identifier, in tenant: TenantID? = nil) async throws -> Versioned<ConformanceNote>? {
        try await store.fetch(ConformanceNote.self, id: id, in: tenant ?? self.tenant)
    }

    /// Reads every page of a query and returns the identifiers in order.
    func allIDs(_ query: RecordQuery<ConformanceNote>, in tenant: TenantID? = nil) async throws
        -> [Identifier]
    {
        var query = query
        var result: [Identifier] = []
        var pages = 0
        while true {
            let page = try await store.query(query, in: tenant ?? self.tenant)
            result += page.records.map(\.record.id)
            pages += 1
            guard let cursor = page.nextCursor, pages < 10_000 else { break }
            try expect.expect(!page.records.isEmpty, "a page with a next cursor holds records")
            query.cursor = cursor
        }
        return result
    }

    /// Whether `error` is a ``CXKitError`` with `code` (and `field`, when given).
    static func matches(_ error: any Error, _ code: ErrorCode, field: String? = nil) -> Bool {
        guard let error = error as? any CXKitError, error.code == code else { return false }
        return field == nil || error.field == field
    }

    /// Expects `body` to throw a ``CXKitError`` with `code` (and `field`).
    func expectError(
        _ code: ErrorCode, field: String? = nil, _ message: String, fileID: String = #fileID,
        line: Int = #line,
        _ body: () async throws -> Void
    ) async throws {
        try await expect.expectError(
            message, fileID: fileID, line: line, matching: { Self.matches($0, code, field: field) }, body)
    }

    /// Runs `body`, expecting a ``CoreError``, and returns it.
    func coreError(
        _ message: String, fileID: String = #fileID, line: Int = #line, _ body: () async throws -> Void
    ) async throws -> CoreError {
        do {
            try await body()
        } catch let error as CoreError {
            return error
        } catch {
            try expect.fail("\(message); got a non-CoreError \(error)", fileID: fileID, line: line)
        }
        try expect.fail("\(message); nothing was thrown", fileID: fileID, line: line)
    }

    /// Every pending outbox entry of `tenant`.
    func pending(in tenant: TenantID? = nil) async throws -> [OutboxEntry] {
        try await store.outboxEntries(status: .pending, in: tenant ?? self.tenant, after: nil, limit: 1000)
    }

    /// Every dead-lettered outbox entry of `tenant`.
    func deadLettered(in tenant: TenantID? = nil) async throws -> [OutboxEntry] {
        try await store.outboxEntries(
            status: .deadLettered, in: tenant ?? self.tenant, after: nil, limit: 1000)
    }

    func scope(_ key: String = "key-1", principal: Identifier? = nil, operation: String = "conformance.op")
        -> IdempotencyScope
    {
        IdempotencyScope(principal: principal ?? Identifier(high: 1, low: 1), operation: operation, key: key)
    }
}
