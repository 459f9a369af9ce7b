import Foundation

@testable import CXKitCore

/// A naive reference for ``InMemorySearchIndex``: keeps documents as token lists and scores
/// every live document with the BM25 formula for every query.
struct BruteForceSearch {
    struct Indexed {
        let id: Identifier
        /// Per field: its weight and its folded keys in order.
        let fields: [(weight: Double, keys: [String])]
        let keywords: [String: [String]]
    }

    private(set) var documents: [Identifier: Indexed] = [:]
    let tokenizer = Tokenizer()

    mutating func upsert(_ document: SearchDocument) {
        documents[document.id] = Indexed(
            id: document.id,
            fields: document.fields.map {
                (Double(TenantSearchIndex.quantized($0.weight)) / 8, tokenizer.tokens(in: $0.text).map(\.key))
            },
            keywords: document.keywords)
    }

    mutating func remove(_ id: Identifier) { documents[id] = nil }

    private func frequency(_ key: String, in document: Indexed) -> Double {
        var total = 0.0
        for field in document.fields { total += field.weight * Double(field.keys.filter { $0 == key }.count) }
        return total
    }

    private func length(_ document: Indexed) -> Double {
        document.fields.reduce(0.0) { $0 + $1.weight * Double($1.keys.count) }
    }

    private func containsPhrase(_ keys: [String], in document: Indexed) -> Bool {
        for field in document.fields where field.keys.count >= keys.count {
            for start in 0...(field.keys.count - keys.count)
            where Array(field.keys[start..<(start + keys.count)]) == keys {
                return true
            }
        }
        return false
    }

    private func prefixTerms(_ prefix: String, in document: Indexed) -> [String] {
        let all = Set(document.fields.flatMap(\.keys)).filter { $0.utf8.starts(with: prefix.utf8) }
        return all.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private func matches(_ clause: SearchClause, _ document: Indexed) -> Bool {
        switch clause.kind {
        case .term(let key): return frequency(key, in: document) > 0
        case .phrase(let keys): return containsPhrase(keys, in: document)
        case .prefix(let prefix): return !prefixTerms(prefix, in: document).isEmpty
        }
    }

    func search(_ query: SearchQuery) throws -> (hits: [(Identifier, Double)], total: Int) {
        let parsed = try SearchQueryParser().parse(query.text)
        let live = Array(documents.values)
        let count = live.count
        guard count > 0 else { return ([], 0) }
        let average = live.reduce(0.0) { $0 + length($1) } / Double(count)
        var documentFrequency: [String: Int] = [:]
        for document in live {
            for key in Set(document.fields.flatMap(\.keys)) { documentFrequency[key, default: 0] += 1 }
        }
        func idf(_ key: String) -> Double {
            let containing = documentFrequency[key] ?? 0
            let total = Double(count)
            let n = Double(containing)
            return log(1 + (total - n + 0.5) / (n + 0.5))
        }
        func termScore(_ key: String, _ document: Indexed, norm: Double) -> Double {
            let frequency = frequency(key, in: document)
            return idf(key) * (frequency * (1.2 + 1)) / (frequency + norm)
        }
        let included = parsed.includedClauses
        var scored: [(Identifier, Double)] = []
        for document in live {
            if parsed.excludedClauses.contains(where: { matches($0, document) }) { continue }
            var passes = true
            for filter in query.filters {
                let values = document.keywords[filter.field] ?? []
                if !filter.values.contains(where: values.contains) { passes = false }
            }
            guard passes else { continue }
            let matched = included.map { matches($0, document) }
            if !included.isEmpty {
                if query.mode == .all && matched.contains(false) { continue }
                if query.mode == .any && !matched.contains(true) { continue }
            }
            let norm = 1.2 * (1 - 0.75 + 0.75 * length(document) / average)
            var score = 0.0
            for (clause, isMatched) in zip(included, matched) where isMatched {
                var clauseScore = 0.0
                switch clause.kind {
                case .term(let key): clauseScore += termScore(key, document, norm: norm)
                case .phrase(let keys):
                    for key in keys { clauseScore += termScore(key, document, norm: norm) }
                case .prefix(let prefix):
                    for key in prefixTerms(prefix, in: document) {
                        clauseScore += termScore(key, document, norm: norm)
                    }
                }
                score += clauseScore
            }
            scored.append((document.id, score))
        }
        scored.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        return (Array(scored.dropFirst(query.offset).prefix(query.limit)), scored.count)
    }
}
