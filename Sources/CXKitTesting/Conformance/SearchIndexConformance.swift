import CXKitCore

/// The contract of ``SearchIndex`` as named, executable cases: run them against any
/// backend to check it behaves like ``InMemorySearchIndex``.
///
/// Every case gets a fresh, empty index from the factory, uses two tenants, never sleeps,
/// and throws a ``ConformanceFailure`` naming the case and the broken expectation. The
/// suite imports neither XCTest nor Swift Testing:
///
/// ```swift
/// @Test(arguments: SearchIndexConformance.all)
/// func conforms(_ check: SearchIndexConformance) async throws {
///     try await check.run { try await MySQLiteSearchIndex.makeEmpty() }
/// }
/// ```
///
/// Ranking cases check orderings that any BM25 implementation with field weights agrees
/// on, not exact scores.
public struct SearchIndexConformance: Sendable, CustomStringConvertible {
    /// The case's name, `group.behaviour` (`"tenancy.otherTenantNeverVisible"`).
    public let name: String
    private let body: @Sendable (SearchIndexConformanceContext) async throws -> Void

    init(_ name: String, _ body: @escaping @Sendable (SearchIndexConformanceContext) async throws -> Void) {
        self.name = name
        self.body = body
    }

    /// The case's name.
    public var description: String { name }

    /// Runs the case against a fresh index.
    ///
    /// - Parameter makeIndex: Makes the empty index to check; called once.
    /// - Throws: ``ConformanceFailure`` when the index breaks the contract; whatever the
    ///   index or the factory throws where the contract expects success.
    public func run(against makeIndex: @Sendable () async throws -> any SearchIndex) async throws {
        let index = try await makeIndex()
        let context = try SearchIndexConformanceContext(index: index, caseName: name)
        try await body(context)
    }

    /// Every case, grouped: documents, tenancy, queries, folding, ranking, snippets, limits.
    public static let all: [SearchIndexConformance] =
        documents + tenancy + queries + folding + ranking + snippets + limits
}
