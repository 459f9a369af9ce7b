/// The reference ``SearchIndex``: a per-tenant inverted index in memory.
///
/// - Postings are positional and compact: term IDs and document ordinals are `UInt32`,
///   each posting is varint-encoded (ordinal delta, weighted frequency, delta-encoded
///   positions) with a skip entry and a score bound every 64 postings.
/// - The term dictionary is an open-addressing table over one byte arena (no `String`
///   per word); prefixes range over its lexicographic order (at most 1024 words each).
/// - Adds, replacements and removals are incremental; removed postings are tombstones
///   skipped at query time while BM25 statistics are corrected immediately; a tenant is
///   rebuilt from its live documents once tombstones outnumber them (and exceed 1024).
///   Within a batch, postings are grouped by term before they are written.
/// - Ranking is BM25 (k1 = 1.2, b = 0.75) over weighted fields: field weights scale term
///   frequency and document length (a BM25F variant with one `b`). Ties are broken by
///   identifier; the page is kept in a bounded heap. Single-term queries without filters,
///   exclusions or tombstones know their total and skip blocks whose best score cannot
///   enter the page. AND queries (phrases and prefixes included) count exactly while their
///   smallest part has given at most 2,048 candidates (always when it has at most 8,192
///   postings); past that they prune blocks and documents whose score bound cannot enter
///   the page, check phrase positions only for documents that could, and estimate the
///   total (``SearchResults/isTotalHitCountExact`` is then `false`). Postings carry a
///   one-byte length code and blocks a few (frequency, length) pairs for those bounds. The
///   page itself is always exactly what exhaustive scoring gives.
/// - Phrases are checked on positions; prefixes merge their words through a heap;
///   filters are bitsets built from keyword postings.
///
/// All state sits behind one lock; each call takes it once, so a bulk
/// ``add(contentsOf:in:)`` indexes a whole batch under one acquisition. Snippets are built
/// after the lock is released. Calls are synchronous; they satisfy the `async`
/// requirements of ``SearchIndex`` and can be called without `await` on this type.
///
/// Benchmarks: load with ``add(contentsOf:in:)``, add one document with
/// ``upsert(_:in:)`` (`[document]`), query with ``search(_:in:)``.
public final class InMemorySearchIndex: SearchIndex {
    private struct State: Sendable {
        var tenants: [TenantID: TenantSearchIndex] = [:]
        var scratch = TenantSearchIndex.Scratch()
    }

    private let state = Locked(State())
    private let parser = SearchQueryParser()
    /// The lead candidates an AND query examines with exact counting before it may prune.
    private let exactCountBudget: Int

    /// Creates an empty index.
    public init() { exactCountBudget = QueryEvaluator.defaultExactCountBudget }

    /// Creates an empty index that may prune (and estimate totals) after `exactCountBudget`
    /// lead candidates, so tests exercise pruning on small corpora.
    init(exactCountBudget: Int) { self.exactCountBudget = Swift.max(0, exactCountBudget) }

    /// Adds documents, replacing any with the same identifier, all or nothing.
    ///
    /// - Parameters:
    ///   - documents: The documents; later ones win over earlier ones with the same ID.
    ///   - tenant: The tenant owning them.
    /// - Throws: ``CoreError`` from ``SearchDocument/validate()``; nothing is changed.
    public func upsert(_ documents: [SearchDocument], in tenant: TenantID) throws(CoreError) {
        for document in documents { try document.validate() }
        guard !documents.isEmpty else { return }
        state.withLock { state in
            state.tenants[tenant, default: TenantSearchIndex()].upsertAll(documents, scratch: &state.scratch)
        }
    }

    /// Bulk indexing: validates every document, then indexes them all under one lock
    /// acquisition. The fastest way to load a corpus.
    ///
    /// - Parameters:
    ///   - documents: The documents; later ones win over earlier ones with the same ID.
    ///   - tenant: The tenant owning them.
    /// - Throws: ``CoreError`` from ``SearchDocument/validate()``; nothing is changed.
    public func add(contentsOf documents: some Sequence<SearchDocument>, in tenant: TenantID)
        throws(CoreError)
    {
        try upsert(Array(documents), in: tenant)
    }

    /// Removes documents; identifiers that are not indexed are ignored.
    ///
    /// - Parameters:
    ///   - ids: The documents to remove.
    ///   - tenant: The tenant owning them.
    public func remove(_ ids: [Identifier], in tenant: TenantID) {
        guard !ids.isEmpty else { return }
        state.withLock { state in
            guard state.tenants[tenant] != nil else { return }
            state.tenants[tenant, default: TenantSearchIndex()].removeAll(ids, scratch: &state.scratch)
        }
    }

    /// Removes every document of a tenant and frees its index.
    ///
    /// - Parameter tenant: The tenant.
    public func removeAll(in tenant: TenantID) {
        state.withLock { state in state.tenants[tenant] = nil }
    }

    /// The number of documents indexed for a tenant.
    ///
    /// - Parameter tenant: The tenant.
    /// - Returns: The count.
    public func documentCount(in tenant: TenantID) -> Int {
        state.withLock { state in state.tenants[tenant]?.liveCount ?? 0 }
    }

    /// Runs a query.
    ///
    /// - Parameters:
    ///   - query: The query.
    ///   - tenant: The tenant whose documents are searched.
    /// - Returns: The requested page of hits, best first, and the total number of matches.
    /// - Throws: ``CoreError`` from ``SearchQuery/validate()`` or ``SearchQueryParser/parse(_:)``
    ///   (code ``ErrorCode/limitExceeded``, field `query`, for over-long queries).
    public func search(_ query: SearchQuery, in tenant: TenantID) throws(CoreError) -> SearchResults {
        try query.validate()
        let parsed = try parser.parse(query.text)
        let wantsSnippets = query.snippets != nil
        let budget = exactCountBudget
        let page: (hits: [(Identifier, Double, [SearchField])], total: Int, isExact: Bool) = state.withLock {
            state in
            guard state.tenants[tenant] != nil else { return ([], 0, true) }
            let outcome = QueryEvaluator.run(
                parsed, query, on: &state.tenants[tenant, default: TenantSearchIndex()],
                exactCountBudget: budget)
            guard let index = state.tenants[tenant] else { return ([], outcome.total, outcome.isTotalExact) }
            var hits: [(Identifier, Double, [SearchField])] = []
            hits.reserveCapacity(Swift.max(0, outcome.entries.count - query.offset))
            for entry in outcome.entries.dropFirst(query.offset) {
                hits.append(
                    (entry.id, entry.score, wantsSnippets ? index.fields[Int(entry.ordinal)] : []))
            }
            return (hits, outcome.total, outcome.isTotalExact)
        }
        var hits: [SearchHit] = []
        hits.reserveCapacity(page.hits.count)
        if let options = query.snippets {
            let builder = SnippetBuilder(parsed: parsed, length: options.length)
            for (id, score, fields) in page.hits {
                let snippets = builder.snippets(for: fields, only: options.fields)
                hits.append(SearchHit(id: id, score: score, snippets: snippets))
            }
        } else {
            for (id, score, _) in page.hits { hits.append(SearchHit(id: id, score: score)) }
        }
        return SearchResults(hits: hits, totalHitCount: page.total, isTotalHitCountExact: page.isExact)
    }
}
