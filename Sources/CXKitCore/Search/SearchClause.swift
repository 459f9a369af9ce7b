/// One part of a parsed query: a term, a phrase or a prefix, required or excluded.
/// Keys are folded search keys (see ``TextNormalizer``).
public struct SearchClause: Sendable, Hashable {
    /// What the clause matches.
    public enum Kind: Sendable, Hashable {
        /// A single word.
        case term(String)
        /// Words in this order, next to each other, within one field.
        case phrase([String])
        /// Any word starting with the key (at least
        /// ``SearchQueryParser/minimumPrefixLength`` characters).
        case prefix(String)
    }

    /// What the clause matches.
    public let kind: Kind
    /// Whether matching documents are excluded (`-word`) instead of wanted.
    public let isExcluded: Bool

    /// Creates a clause.
    ///
    /// - Parameters:
    ///   - kind: What the clause matches.
    ///   - isExcluded: Whether matches are excluded.
    public init(kind: Kind, isExcluded: Bool = false) {
        self.kind = kind
        self.isExcluded = isExcluded
    }

    /// The clause's keys: one for a term or prefix, several for a phrase.
    public var keys: [String] {
        switch kind {
        case .term(let key), .prefix(let key): return [key]
        case .phrase(let keys): return keys
        }
    }
}
