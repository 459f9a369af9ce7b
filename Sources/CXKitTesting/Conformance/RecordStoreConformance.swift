import CXKitCore

/// The contract of ``RecordStore`` as named, executable cases: run them against any
/// backend to check it behaves like ``InMemoryRecordStore``.
///
/// Every case gets a fresh store from the factory, uses two tenants with random names and
/// random identifiers, never sleeps, and throws a ``ConformanceFailure`` naming the case
/// and the broken expectation. The suite imports neither XCTest nor Swift Testing:
///
/// ```swift
/// @Test(arguments: RecordStoreConformance.all)
/// func conforms(_ check: RecordStoreConformance) async throws {
///     try await check.run { try await MyPostgresStore.makeEmpty() }
/// }
/// ```
///
/// The factory must return a store with no outbox entries (claims are global across
/// tenants). Backends that decode records by type name register ``ConformanceNote`` and
/// ``ConformanceTally``.
public struct RecordStoreConformance: Sendable, CustomStringConvertible {
    /// The case's name, `group.behaviour` (`"commits.staleVersionWritesNothing"`).
    public let name: String
    private let body: @Sendable (RecordStoreConformanceContext) async throws -> Void

    init(_ name: String, _ body: @escaping @Sendable (RecordStoreConformanceContext) async throws -> Void) {
        self.name = name
        self.body = body
    }

    /// The case's name.
    public var description: String { name }

    /// Runs the case against a fresh store.
    ///
    /// - Parameter makeStore: Makes the store to check; called once.
    /// - Throws: ``ConformanceFailure`` when the store breaks the contract; whatever the
    ///   store or the factory throws where the contract expects success.
    public func run(against makeStore: @Sendable () async throws -> any RecordStore) async throws {
        let store = try await makeStore()
        try await body(RecordStoreConformanceContext(store: store, caseName: name))
    }

    /// Every case, group by group.
    public static let all: [RecordStoreConformance] =
        records + commits + queries + enumeration + tenancy + outbox + idempotency
}
