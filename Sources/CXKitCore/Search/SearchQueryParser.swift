/// Parses the query language shared by every ``SearchIndex``.
///
/// Language (whitespace separates clauses):
/// - `iade` — a term; words are folded like indexed text (`İADE'nin` → `iade`).
/// - `"iade süreci"` — a phrase: the words next to each other, in order, in one field. An
///   unclosed quote runs to the end of the text. A quoted single word is a term.
/// - `iade*` — a prefix: any word starting with `iade`; prefixes shorter than
///   ``minimumPrefixLength`` characters are treated as terms.
/// - `-iptal`, `-"kargo ücreti"` — exclusion: documents matching it are left out. A
///   leading `+` is ignored.
/// - A bare word that splits into several words (`e-posta`, `a/b`) is a phrase.
/// - Clauses without any word (punctuation, emoji, lone `-` or `*`) are ignored;
///   repeated clauses count once.
///
/// Parsing is linear in the input and never fails on syntax; only size limits throw.
public struct SearchQueryParser: Sendable {
    /// The longest accepted query, in Unicode scalars.
    public static let maximumLength = 512
    /// The most words a query may hold across all clauses.
    public static let maximumTermCount = 32
    /// The shortest prefix, in characters of the folded key.
    public static let minimumPrefixLength = 2

    private let tokenizer = Tokenizer()

    /// Creates a parser.
    public init() {}

    /// Parses query text.
    ///
    /// - Parameter text: The query as typed.
    /// - Returns: The clauses.
    /// - Throws: ``CoreError`` with code ``ErrorCode/limitExceeded`` and field `query` when
    ///   the text is longer than ``maximumLength`` scalars or holds more than
    ///   ``maximumTermCount`` words.
    public func parse(_ text: String) throws(CoreError) -> ParsedSearchQuery {
        if text.utf8.count > Self.maximumLength {
            var scalarCount = 0
            for _ in text.unicodeScalars {
                scalarCount += 1
                if scalarCount > Self.maximumLength {
                    throw CoreError.limit(
                        field: "query", reason: "must be at most \(Self.maximumLength) characters")
                }
            }
        }
        let scalars = Array(text.unicodeScalars)
        var clauses: [SearchClause] = []
        var termCount = 0
        var index = 0

        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F
        }

        func add(_ keys: [String], isExcluded: Bool, isPrefix: Bool, isQuoted: Bool) throws(CoreError) {
            guard !keys.isEmpty else { return }
            termCount += keys.count
            guard termCount <= Self.maximumTermCount else {
                throw CoreError.limit(
                    field: "query", reason: "must have at most \(Self.maximumTermCount) words")
            }
            let kind: SearchClause.Kind
            if keys.count > 1 {
                kind = .phrase(keys)
            } else if isPrefix && !isQuoted && keys[0].unicodeScalars.count >= Self.minimumPrefixLength {
                kind = .prefix(keys[0])
            } else {
                kind = .term(keys[0])
            }
            let clause = SearchClause(kind: kind, isExcluded: isExcluded)
            if !clauses.contains(clause) { clauses.append(clause) }
        }

        while index < scalars.count {
            if isSpace(scalars[index]) {
                index += 1
                continue
            }
            var isExcluded = false
            if scalars[index] == "-" || scalars[index] == "+" {
                isExcluded = scalars[index] == "-"
                index += 1
                guard index < scalars.count, !isSpace(scalars[index]) else { continue }
            }
            var chunk = String.UnicodeScalarView()
            if scalars[index] == "\"" {
                index += 1
                while index < scalars.count && scalars[index] != "\"" {
                    chunk.append(scalars[index])
                    index += 1
                }
                index += 1
                try add(keys(of: String(chunk)), isExcluded: isExcluded, isPrefix: false, isQuoted: true)
                continue
            }
            while index < scalars.count && !isSpace(scalars[index]) && scalars[index] != "\"" {
                chunk.append(scalars[index])
                index += 1
            }
            let isPrefix = chunk.last == "*"
            try add(keys(of: String(chunk)), isExcluded: isExcluded, isPrefix: isPrefix, isQuoted: false)
        }
        return ParsedSearchQuery(clauses: clauses)
    }

    private func keys(of text: String) -> [String] {
        var keys: [String] = []
        tokenizer.forEachToken(in: text) { key, _, _ in
            if keys.count <= Self.maximumTermCount { keys.append(String(decoding: key, as: UTF8.self)) }
        }
        return keys
    }
}
