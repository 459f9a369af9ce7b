/// One page of search hits, best first (score descending, then identifier ascending), and
/// the total number of matching documents.
public struct SearchResults: Sendable, Hashable {
    /// The hits of the requested page.
    public let hits: [SearchHit]
    /// How many documents of the tenant match the query and filters in total.
    public let totalHitCount: Int

    /// Creates results.
    ///
    /// - Parameters:
    ///   - hits: The page of hits.
    ///   - totalHitCount: The number of matching documents.
    public init(hits: [SearchHit], totalHitCount: Int) {
        self.hits = hits
        self.totalHitCount = totalHitCount
    }

    /// No hits.
    public static let empty = SearchResults(hits: [], totalHitCount: 0)
}
