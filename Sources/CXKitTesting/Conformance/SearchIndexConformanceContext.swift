import CXKitCore

/// What every ``SearchIndexConformance`` case works with: the index under test, two
/// tenants, deterministic identifiers and shorthands for documents and queries.
public struct SearchIndexConformanceContext: Sendable {
    /// The index under test.
    public let index: any SearchIndex
    /// The tenant most cases use.
    public let tenant: TenantID
    /// A second tenant, for isolation checks.
    public let otherTenant: TenantID
    /// Checks expectations and names the case in failures.
    public let expect: ConformanceExpectations

    init(index: any SearchIndex, caseName: String) throws {
        self.index = index
        self.tenant = try TenantID("conformance-a")
        self.otherTenant = try TenantID("conformance-b")
        self.expect = ConformanceExpectations(caseName: caseName)
    }

    /// A deterministic identifier; larger `number`s sort later.
    ///
    /// - Parameter number: Distinguishes identifiers.
    /// - Returns: The identifier.
    public func id(_ number: UInt64) -> Identifier {
        Identifier(high: 0x0190_0000_0000_7000, low: 0x8000_0000_0000_0000 | number)
    }

    /// A document with a body (and optionally a title and keywords).
    ///
    /// - Parameters:
    ///   - number: The identifier number.
    ///   - body: The body text (weight 1).
    ///   - title: The title text (weight 2), if any.
    ///   - keywords: Keyword fields.
    /// - Returns: The document.
    public func document(
        _ number: UInt64, _ body: String, title: String? = nil, keywords: [String: [String]] = [:]
    ) -> SearchDocument {
        var fields: [SearchField] = []
        if let title { fields.append(.title(title)) }
        fields.append(.body(body))
        return SearchDocument(id: id(number), fields: fields, keywords: keywords)
    }

    /// Indexes documents in a tenant (the main tenant by default).
    ///
    /// - Parameters:
    ///   - documents: The documents.
    ///   - tenant: The tenant, or `nil` for ``tenant``.
    /// - Throws: Whatever the index throws.
    public func add(_ documents: [SearchDocument], in tenant: TenantID? = nil) async throws {
        try await index.upsert(documents, in: tenant ?? self.tenant)
    }

    /// Runs a query in a tenant (the main tenant by default).
    ///
    /// - Parameters:
    ///   - text: The query text.
    ///   - mode: How clauses combine.
    ///   - filters: Keyword filters.
    ///   - limit: The page size.
    ///   - offset: Hits to skip.
    ///   - snippets: Snippet options.
    ///   - tenant: The tenant, or `nil` for ``tenant``.
    /// - Returns: The results.
    /// - Throws: Whatever the index throws.
    public func search(
        _ text: String, mode: SearchQuery.Mode = .all, filters: [SearchFilter] = [], limit: Int = 10,
        offset: Int = 0, snippets: SearchSnippetOptions? = nil, in tenant: TenantID? = nil
    ) async throws -> SearchResults {
        try await index.search(
            SearchQuery(
                text: text, mode: mode, filters: filters, limit: limit, offset: offset, snippets: snippets),
            in: tenant ?? self.tenant)
    }

    /// The identifiers of a query's hits, in order.
    ///
    /// - Parameters:
    ///   - text: The query text.
    ///   - mode: How clauses combine.
    ///   - filters: Keyword filters.
    ///   - tenant: The tenant, or `nil` for ``tenant``.
    /// - Returns: The identifiers.
    /// - Throws: Whatever the index throws.
    public func ids(
        _ text: String, mode: SearchQuery.Mode = .all, filters: [SearchFilter] = [],
        in tenant: TenantID? = nil
    ) async throws -> [Identifier] {
        try await search(text, mode: mode, filters: filters, limit: 100, in: tenant).hits.map(\.id)
    }

    /// Fails the case unless `body` throws a ``CoreError`` with `code` and `field`.
    ///
    /// - Parameters:
    ///   - code: The expected code.
    ///   - field: The expected field.
    ///   - message: What was expected.
    ///   - body: The operation.
    /// - Throws: ``ConformanceFailure`` otherwise.
    public func expectError(
        _ code: ErrorCode, field: String, _ message: String, _ body: () async throws -> Void
    ) async throws {
        try await expect.expectError(
            message,
            matching: { error in
                guard let error = error as? CoreError else { return false }
                return error.code == code && error.field == field
            }, body)
    }
}
