import Foundation

/// Evaluates a parsed query against one ``TenantSearchIndex`` document-at-a-time: clause
/// cursors move in ordinal order (leapfrogging for AND, merging for OR), every match is
/// counted and scored once, and a bounded heap keeps the requested page.
///
/// Scoring is BM25 over weighted fields (a BM25F variant with one `b` for all fields):
/// a document's term frequency is Σ weight(field) × occurrences in the field and its length
/// is Σ weight(field) × words in the field, then
/// `idf · tf·(k1 + 1) / (tf + k1·(1 − b + b·length/averageLength))` with
/// `idf = ln(1 + (N − n + 0.5)/(n + 0.5))`, `k1 = 1.2`, `b = 0.75`, `N` the tenant's live
/// documents and `n` those containing the term. A document's score is the sum over the
/// query's matching clauses in query order; a phrase or prefix clause adds the scores of
/// the words it matched.
struct QueryEvaluator {
    /// BM25 term-frequency saturation.
    static let k1 = 1.2
    /// BM25 length normalisation.
    static let b = 0.75
    /// The most words one prefix clause expands to (lexicographically first).
    static let maximumPrefixExpansion = 1024

    private enum Shape {
        case term
        case phrase
        case prefix
    }

    private struct Clause {
        let shape: Shape
        let first: Int
        let count: Int
        var current: UInt32 = 0
        let estimatedSize: UInt32
    }

    private var cursors: [PostingCursor] = []
    private var idfs: [Double] = []
    private var included: [Clause] = []
    private var excluded: [Clause] = []
    private var firstPositions: [UInt32] = []
    private var otherPositions: [UInt32] = []

    /// The BM25 weight of a term: `ln(1 + (N − n + 0.5)/(n + 0.5))`.
    @inline(__always)
    static func inverseDocumentFrequency(documentCount: Int, documentFrequency: Int) -> Double {
        let total = Double(documentCount)
        let containing = Double(documentFrequency)
        return log(1 + (total - containing + 0.5) / (containing + 0.5))
    }

    /// The BM25 contribution of one term to one document.
    @inline(__always)
    static func termScore(idf: Double, frequency: Double, norm: Double) -> Double {
        idf * (frequency * (k1 + 1)) / (frequency + norm)
    }

    /// The length normalisation `k1·(1 − b + b·length/averageLength)` of one document.
    @inline(__always)
    static func norm(length: Double, averageLength: Double) -> Double {
        k1 * (1 - b + b * length / averageLength)
    }

    /// Runs `parsed` with the filters and page of `query`.
    static func run(
        _ parsed: ParsedSearchQuery, _ query: SearchQuery, on index: inout TenantSearchIndex
    ) -> (entries: [RankedOrdinals.Entry], total: Int) {
        guard index.liveCount > 0 else { return ([], 0) }
        var evaluator = QueryEvaluator()
        var hasIncluded = false
        for clause in parsed.clauses {
            let planned = evaluator.plan(clause, on: &index)
            if clause.isExcluded {
                if let planned { evaluator.excluded.append(planned) }
            } else {
                hasIncluded = true
                if let planned {
                    evaluator.included.append(planned)
                } else if query.mode == .all {
                    return ([], 0)
                }
            }
        }
        if hasIncluded && evaluator.included.isEmpty { return ([], 0) }
        for position in evaluator.excluded.indices {
            var clause = evaluator.excluded[position]
            evaluator.advance(&clause, to: 0)
            evaluator.excluded[position] = clause
        }
        let index = index
        let filter = Self.filterBits(query.filters, on: index)
        var ranked = RankedOrdinals(capacity: query.offset + query.limit)
        var total = 0
        let averageLength = Double(index.totalLength) / 8 / Double(index.liveCount)
        let accept: (inout QueryEvaluator, UInt32) -> Bool = { evaluator, ordinal in
            guard index.isLive(ordinal) else { return false }
            if let filter, filter[Int(ordinal >> 6)] & (1 << UInt64(ordinal & 63)) == 0 { return false }
            return !evaluator.isExcluded(ordinal)
        }
        if evaluator.included.isEmpty {
            for ordinal in 0..<UInt32(index.ids.count) where accept(&evaluator, ordinal) {
                total += 1
                ranked.offer(score: 0, id: index.ids[Int(ordinal)], ordinal: ordinal)
            }
        } else {
            for position in evaluator.included.indices { evaluator.advanceIncluded(position, to: 0) }
            if query.mode == .all {
                evaluator.runAll(index: index, averageLength: averageLength, accept: accept) {
                    score, ordinal in
                    total += 1
                    ranked.offer(score: score, id: index.ids[Int(ordinal)], ordinal: ordinal)
                }
            } else {
                evaluator.runAny(index: index, averageLength: averageLength, accept: accept) {
                    score, ordinal in
                    total += 1
                    ranked.offer(score: score, id: index.ids[Int(ordinal)], ordinal: ordinal)
                }
            }
        }
        return (ranked.sorted(), total)
    }

    private static func filterBits(_ filters: [SearchFilter], on index: TenantSearchIndex) -> [UInt64]? {
        guard !filters.isEmpty else { return nil }
        let wordCount = (index.ids.count + 63) / 64
        var result: [UInt64]? = nil
        for filter in filters {
            var bits = [UInt64](repeating: 0, count: wordCount)
            for value in filter.values {
                guard
                    let list = index.keywordPostings[
                        TenantSearchIndex.KeywordKey(field: filter.field, value: value)]
                else { continue }
                for ordinal in list { bits[Int(ordinal >> 6)] |= 1 << UInt64(ordinal & 63) }
            }
            if var combined = result {
                for word in 0..<wordCount { combined[word] &= bits[word] }
                result = combined
            } else {
                result = bits
            }
        }
        return result
    }

    /// Builds the cursors of a clause, or `nil` when it can match no live document.
    private mutating func plan(_ clause: SearchClause, on index: inout TenantSearchIndex) -> Clause? {
        let first = cursors.count
        let documentCount = index.liveCount
        func addCursor(_ term: UInt32) {
            let list = index.postings[Int(term)]
            cursors.append(PostingCursor(list))
            idfs.append(
                Self.inverseDocumentFrequency(
                    documentCount: documentCount, documentFrequency: Int(list.documentFrequency)))
        }
        switch clause.kind {
        case .term(let key):
            guard let term = index.terms.find(key), index.postings[Int(term)].documentFrequency > 0 else {
                return nil
            }
            addCursor(term)
            return Clause(
                shape: .term, first: first, count: 1,
                estimatedSize: index.postings[Int(term)].documentFrequency)
        case .phrase(let keys):
            var size = UInt32.max
            var termIDs: [UInt32] = []
            for key in keys {
                guard let term = index.terms.find(key), index.postings[Int(term)].documentFrequency > 0 else {
                    return nil
                }
                termIDs.append(term)
                size = Swift.min(size, index.postings[Int(term)].documentFrequency)
            }
            for term in termIDs { addCursor(term) }
            return Clause(shape: .phrase, first: first, count: termIDs.count, estimatedSize: size)
        case .prefix(let key):
            var termIDs: [UInt32] = []
            var size: UInt32 = 0
            let postings = index.postings
            index.terms.forEachTerm(withPrefix: key) { term in
                let frequency = postings[Int(term)].documentFrequency
                if frequency > 0 {
                    termIDs.append(term)
                    size &+= frequency
                }
                return termIDs.count < Self.maximumPrefixExpansion
            }
            guard !termIDs.isEmpty else { return nil }
            for term in termIDs { addCursor(term) }
            return Clause(shape: .prefix, first: first, count: termIDs.count, estimatedSize: size)
        }
    }

    // MARK: Clause movement

    /// Moves a clause to its first match at or after `target`; returns that ordinal.
    private mutating func advance(_ clause: inout Clause, to target: UInt32) {
        switch clause.shape {
        case .term:
            cursors[clause.first].advance(to: target)
            clause.current = cursors[clause.first].ordinal
        case .prefix:
            var lowest = PostingCursor.end
            for index in clause.first..<(clause.first + clause.count) {
                cursors[index].advance(to: target)
                lowest = Swift.min(lowest, cursors[index].ordinal)
            }
            clause.current = lowest
        case .phrase:
            var candidate = target
            while true {
                // Leapfrog the phrase's words onto one document.
                var agreed = 0
                var index = clause.first
                while agreed < clause.count {
                    cursors[index].advance(to: candidate)
                    let ordinal = cursors[index].ordinal
                    if ordinal == PostingCursor.end {
                        clause.current = PostingCursor.end
                        return
                    }
                    if ordinal > candidate {
                        candidate = ordinal
                        agreed = 1
                    } else {
                        agreed += 1
                    }
                    index += 1
                    if index == clause.first + clause.count { index = clause.first }
                }
                if phraseOccurs(clause) {
                    clause.current = candidate
                    return
                }
                if candidate == PostingCursor.end - 1 {
                    clause.current = PostingCursor.end
                    return
                }
                candidate += 1
            }
        }
    }

    /// Whether the phrase's words, all on the same document, occur next to each other.
    private mutating func phraseOccurs(_ clause: Clause) -> Bool {
        cursors[clause.first].positions(into: &firstPositions)
        for offset in 1..<clause.count {
            cursors[clause.first + offset].positions(into: &otherPositions)
            var kept = 0
            var other = 0
            for position in firstPositions {
                let wanted = position &+ UInt32(offset)
                while other < otherPositions.count && otherPositions[other] < wanted { other += 1 }
                if other < otherPositions.count && otherPositions[other] == wanted {
                    firstPositions[kept] = position
                    kept += 1
                }
            }
            firstPositions.removeLast(firstPositions.count - kept)
            if kept == 0 { return false }
        }
        return true
    }

    private mutating func advanceIncluded(_ position: Int, to target: UInt32) {
        var clause = included[position]
        advance(&clause, to: target)
        included[position] = clause
    }

    private mutating func isExcluded(_ ordinal: UInt32) -> Bool {
        for position in excluded.indices {
            var clause = excluded[position]
            if clause.current < ordinal {
                advance(&clause, to: ordinal)
                excluded[position] = clause
            }
            if clause.current == ordinal { return true }
        }
        return false
    }

    /// The score of one clause on the document its cursors are on.
    @inline(__always)
    private func score(_ clause: Clause, at ordinal: UInt32, norm: Double) -> Double {
        var total = 0.0
        for index in clause.first..<(clause.first + clause.count) where cursors[index].ordinal == ordinal {
            let frequency = Double(cursors[index].weightedFrequency) / 8
            total += Self.termScore(idf: idfs[index], frequency: frequency, norm: norm)
        }
        return total
    }

    // MARK: AND and OR

    private mutating func runAll(
        index: TenantSearchIndex, averageLength: Double, accept: (inout QueryEvaluator, UInt32) -> Bool,
        emit: (Double, UInt32) -> Void
    ) {
        let order = included.indices.sorted { included[$0].estimatedSize < included[$1].estimatedSize }
        var candidate: UInt32 = 0
        while true {
            var agreed = 0
            var step = 0
            while agreed < order.count {
                let position = order[step]
                if included[position].current < candidate { advanceIncluded(position, to: candidate) }
                let ordinal = included[position].current
                if ordinal == PostingCursor.end { return }
                if ordinal > candidate {
                    candidate = ordinal
                    agreed = 1
                } else {
                    agreed += 1
                }
                step += 1
                if step == order.count { step = 0 }
            }
            if accept(&self, candidate) {
                let norm = Self.norm(
                    length: Double(index.lengths[Int(candidate)]) / 8, averageLength: averageLength)
                var total = 0.0
                for clause in included { total += score(clause, at: candidate, norm: norm) }
                emit(total, candidate)
            }
            if candidate == PostingCursor.end - 1 { return }
            candidate += 1
        }
    }

    private mutating func runAny(
        index: TenantSearchIndex, averageLength: Double, accept: (inout QueryEvaluator, UInt32) -> Bool,
        emit: (Double, UInt32) -> Void
    ) {
        while true {
            var candidate = PostingCursor.end
            for clause in included { candidate = Swift.min(candidate, clause.current) }
            if candidate == PostingCursor.end { return }
            if accept(&self, candidate) {
                let norm = Self.norm(
                    length: Double(index.lengths[Int(candidate)]) / 8, averageLength: averageLength)
                var total = 0.0
                for clause in included where clause.current == candidate {
                    total += score(clause, at: candidate, norm: norm)
                }
                emit(total, candidate)
            }
            for position in included.indices where included[position].current == candidate {
                advanceIncluded(position, to: candidate + 1)
            }
        }
    }
}
