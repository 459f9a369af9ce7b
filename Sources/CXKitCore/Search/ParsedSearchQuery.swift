/// A query text after parsing: its clauses, deduplicated, in the order written.
public struct ParsedSearchQuery: Sendable, Hashable {
    /// Every clause, in the order written.
    public let clauses: [SearchClause]

    /// Creates a parsed query.
    ///
    /// - Parameter clauses: The clauses.
    public init(clauses: [SearchClause]) { self.clauses = clauses }

    /// The clauses a document must (AND) or may (OR) match.
    public var includedClauses: [SearchClause] { clauses.filter { !$0.isExcluded } }
    /// The clauses a document must not match.
    public var excludedClauses: [SearchClause] { clauses.filter(\.isExcluded) }
}
