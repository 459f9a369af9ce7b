/// The search port: a tenant-scoped full-text index with keyword filters, BM25 ranking
/// and snippets. ``InMemorySearchIndex`` is the reference implementation; hosts may back
/// it with their own engine and check it with `SearchIndexConformance` from CXKitTesting.
///
/// Contract:
/// - Every call names a tenant; documents, statistics and totals of one tenant never
///   influence another's results.
/// - ``upsert(_:in:)`` adds documents or replaces those with the same identifier, all or
///   nothing; later documents of the same batch win.
/// - Queries follow ``SearchQueryParser`` and fold text with ``TextNormalizer``; terms
///   combine with AND unless the query asks for OR; exclusions and filters always apply.
/// - Hits are ordered by score descending (BM25, k1 = 1.2, b = 0.75, field weights), then
///   identifier ascending; ``SearchResults/totalHitCount`` counts every match, or
///   estimates the count when ``SearchResults/isTotalHitCountExact`` is `false` (the hits
///   are exact either way).
public protocol SearchIndex: Sendable {
    /// Adds documents, replacing any with the same identifier, as one all-or-nothing step.
    ///
    /// - Parameters:
    ///   - documents: The documents; later ones win over earlier ones with the same ID.
    ///   - tenant: The tenant owning them.
    /// - Throws: ``CoreError`` from ``SearchDocument/validate()`` (nothing is changed), or
    ///   ``ErrorCode/storageFailure`` from a host backend.
    func upsert(_ documents: [SearchDocument], in tenant: TenantID) async throws

    /// Removes documents; identifiers that are not indexed are ignored.
    ///
    /// - Parameters:
    ///   - ids: The documents to remove.
    ///   - tenant: The tenant owning them.
    /// - Throws: ``ErrorCode/storageFailure`` from a host backend.
    func remove(_ ids: [Identifier], in tenant: TenantID) async throws

    /// Removes every document of a tenant (erasure, reindexing).
    ///
    /// - Parameter tenant: The tenant.
    /// - Throws: ``ErrorCode/storageFailure`` from a host backend.
    func removeAll(in tenant: TenantID) async throws

    /// The number of documents indexed for a tenant.
    ///
    /// - Parameter tenant: The tenant.
    /// - Returns: The count.
    /// - Throws: ``ErrorCode/storageFailure`` from a host backend.
    func documentCount(in tenant: TenantID) async throws -> Int

    /// Runs a query.
    ///
    /// - Parameters:
    ///   - query: The query.
    ///   - tenant: The tenant whose documents are searched.
    /// - Returns: The requested page of hits and the total number of matches.
    /// - Throws: ``CoreError`` with code ``ErrorCode/limitExceeded`` (field `query`) for
    ///   over-long queries, or the errors of ``SearchQuery/validate()``.
    func search(_ query: SearchQuery, in tenant: TenantID) async throws -> SearchResults
}

extension SearchIndex {
    /// Adds one document or replaces the one with the same identifier.
    ///
    /// - Parameters:
    ///   - document: The document.
    ///   - tenant: The tenant owning it.
    /// - Throws: The errors of ``upsert(_:in:)``.
    public func upsert(_ document: SearchDocument, in tenant: TenantID) async throws {
        try await upsert([document], in: tenant)
    }

    /// Removes one document; an identifier that is not indexed is ignored.
    ///
    /// - Parameters:
    ///   - id: The document.
    ///   - tenant: The tenant owning it.
    /// - Throws: The errors of ``remove(_:in:)``.
    public func remove(_ id: Identifier, in tenant: TenantID) async throws {
        try await remove([id], in: tenant)
    }
}
