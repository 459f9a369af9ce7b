/// One page of search hits, best first (score descending, then identifier ascending), and
/// the total number of matching documents.
public struct SearchResults: Sendable, Hashable {
    /// The hits of the requested page.
    public let hits: [SearchHit]
    /// How many documents of the tenant match the query and filters in total: exact when
    /// ``isTotalHitCountExact`` is `true`, otherwise an estimate.
    public let totalHitCount: Int
    /// Whether ``totalHitCount`` is exact.
    ///
    /// Counting every match of a query matching a large share of a big tenant costs far
    /// more than finding its best page, so an index may stop counting once it has counted
    /// enough and report an estimate instead. An estimate is never below the number of
    /// matches the index found, and at least `offset + limit` when the index estimated
    /// because the page was full; it is meant for display ("about 120,000 results"), not
    /// for arithmetic. ``InMemorySearchIndex`` counts exactly whenever the smallest part
    /// of an AND query has at most 8,192 candidates, for single-term queries without
    /// filters, exclusions or removed documents, and for OR queries with several positive
    /// clauses.
    public let isTotalHitCountExact: Bool

    /// Creates results.
    ///
    /// - Parameters:
    ///   - hits: The page of hits.
    ///   - totalHitCount: The number of matching documents, exact or estimated.
    ///   - isTotalHitCountExact: Whether `totalHitCount` is exact (default `true`).
    public init(hits: [SearchHit], totalHitCount: Int, isTotalHitCountExact: Bool = true) {
        self.hits = hits
        self.totalHitCount = totalHitCount
        self.isTotalHitCountExact = isTotalHitCountExact
    }

    /// No hits.
    public static let empty = SearchResults(hits: [], totalHitCount: 0)
}
