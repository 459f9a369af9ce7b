/// One matching document in ``SearchResults``.
public struct SearchHit: Sendable, Hashable {
    /// The document's identifier.
    public let id: Identifier
    /// The BM25 relevance score (higher is better; 0 for queries without terms).
    public let score: Double
    /// Excerpts of the matching fields, in the document's field order; empty unless the
    /// query asked for snippets.
    public let snippets: [SearchSnippet]

    /// Creates a hit.
    ///
    /// - Parameters:
    ///   - id: The document's identifier.
    ///   - score: The relevance score.
    ///   - snippets: The excerpts.
    public init(id: Identifier, score: Double, snippets: [SearchSnippet] = []) {
        self.id = id
        self.score = score
        self.snippets = snippets
    }
}
