/// Builds ``SearchSnippet``s: finds the words a query matched in a field and cuts a window
/// of at most `length` UTF-8 bytes holding as many of them as possible, starting and
/// ending on word boundaries, with about a third of the spare room before the first match.
struct SnippetBuilder: Sendable {
    private let terms: Set<String>
    private let prefixes: [[UInt8]]
    private let length: Int
    private let tokenizer = Tokenizer()

    /// Creates a builder highlighting the words of the query's wanted clauses.
    init(parsed: ParsedSearchQuery, length: Int) {
        var terms = Set<String>()
        var prefixes: [[UInt8]] = []
        for clause in parsed.includedClauses {
            switch clause.kind {
            case .term(let key): terms.insert(key)
            case .phrase(let keys): terms.formUnion(keys)
            case .prefix(let key): prefixes.append(Array(key.utf8))
            }
        }
        self.terms = terms
        self.prefixes = prefixes
        self.length = length
    }

    /// Whether the builder has anything to highlight.
    var isEmpty: Bool { terms.isEmpty && prefixes.isEmpty }

    private func matches(_ key: String) -> Bool {
        if terms.contains(key) { return true }
        for prefix in prefixes where key.utf8.starts(with: prefix) { return true }
        return false
    }

    /// Snippets of the fields that contain a match, in field order, optionally only of the
    /// named fields.
    func snippets(for fields: [SearchField], only names: [String]?) -> [SearchSnippet] {
        guard !isEmpty else { return [] }
        var result: [SearchSnippet] = []
        for field in fields where names?.contains(field.name) ?? true {
            if let snippet = snippet(field: field.name, text: field.text) { result.append(snippet) }
        }
        return result
    }

    /// A snippet of one text, or `nil` when no word matches.
    func snippet(field: String, text: String) -> SearchSnippet? {
        let tokens = tokenizer.tokens(in: text)
        let marks = tokens.filter { matches($0.key) }.map(\.utf8Range)
        guard !marks.isEmpty else { return nil }
        let total = text.utf8.count
        var windowStart = 0
        var windowEnd = total
        if total > length {
            var bestFirst = 0
            var bestCount = 0
            var last = 0
            for first in marks.indices {
                if last < first { last = first }
                while last + 1 < marks.count && marks[last + 1].upperBound - marks[first].lowerBound <= length
                {
                    last += 1
                }
                if last - first + 1 > bestCount {
                    bestCount = last - first + 1
                    bestFirst = first
                }
            }
            let spanStart = marks[bestFirst].lowerBound
            let spanEnd = marks[bestFirst + bestCount - 1].upperBound
            let slack = Swift.max(0, length - (spanEnd - spanStart))
            var start = Swift.max(0, spanStart - slack / 3)
            if start > 0 {
                for token in tokens where token.utf8Range.lowerBound >= start {
                    start = token.utf8Range.lowerBound
                    break
                }
                start = Swift.min(start, spanStart)
            }
            var end = Swift.min(total, start + length)
            if end < total {
                var snapped = spanEnd
                for token in tokens where token.utf8Range.upperBound <= end {
                    snapped = Swift.max(snapped, token.utf8Range.upperBound)
                }
                end = snapped
            }
            windowStart = start
            windowEnd = end
        }
        let utf8 = Array(text.utf8)
        let excerpt = String(decoding: utf8[windowStart..<windowEnd], as: UTF8.self)
        let view = excerpt.utf8
        var highlights: [Range<String.Index>] = []
        for mark in marks where mark.lowerBound >= windowStart && mark.upperBound <= windowEnd {
            let lower = view.index(view.startIndex, offsetBy: mark.lowerBound - windowStart)
            let upper = view.index(view.startIndex, offsetBy: mark.upperBound - windowStart)
            highlights.append(lower..<upper)
        }
        return SearchSnippet(
            field: field, text: excerpt, highlights: highlights, isTruncatedAtStart: windowStart > 0,
            isTruncatedAtEnd: windowEnd < total)
    }
}
