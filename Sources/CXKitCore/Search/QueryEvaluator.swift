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
///
/// Single-term queries without filters, exclusions or tombstones know their total (the
/// document frequency) and skip posting blocks whose score bound cannot enter the page
/// (block-max); every other query visits each match once to count it exactly.
struct QueryEvaluator {
    /// BM25 term-frequency saturation.
    static let k1 = 1.2
    /// BM25 length normalisation.
    static let b = 0.75
    /// The most words one prefix clause expands to (lexicographically first).
    static let maximumPrefixExpansion = 1024

    private enum Shape: Equatable {
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
    private var ranked: RankedOrdinals
    private var total = 0
    private var filter: [UInt64] = []
    private var hasFilter = false
    private var live: [Bool] = []
    private var hasTombstones = false
    private var ids: [Identifier] = []
    private var lengths: [UInt32] = []
    private var averageLength = 1.0
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
        var evaluator = QueryEvaluator(capacity: query.offset + query.limit)
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
        evaluator.filter = Self.filterBits(query.filters, on: index) ?? []
        evaluator.hasFilter = !query.filters.isEmpty
        evaluator.live = index.live
        evaluator.hasTombstones = index.deadCount > 0
        evaluator.ids = index.ids
        evaluator.lengths = index.lengths
        evaluator.averageLength = Double(index.totalLength) / 8 / Double(index.liveCount)
        if evaluator.included.isEmpty {
            for ordinal in 0..<UInt32(index.ids.count) where evaluator.accepts(ordinal) {
                evaluator.collect(ordinal, score: 0)
            }
        } else {
            for position in evaluator.included.indices { evaluator.advanceIncluded(position, to: 0) }
            if evaluator.included.count == 1 && evaluator.included[0].shape == .term
                && evaluator.excluded.isEmpty
                && !evaluator.hasFilter && !evaluator.hasTombstones
            {
                evaluator.runSingleTerm()
            } else if query.mode == .all && evaluator.included.allSatisfy({ $0.shape == .term }) {
                evaluator.runAllTerms()
            } else if query.mode == .all {
                evaluator.runAll()
            } else {
                evaluator.runAny()
            }
        }
        return (evaluator.ranked.sorted(), evaluator.total)
    }

    private init(capacity: Int) {
        ranked = RankedOrdinals(capacity: capacity)
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
        if let first = cursors[clause.first].singlePosition() {
            // Most words occur once per document: compare single positions directly.
            var offset = 1
            while offset < clause.count {
                guard let position = cursors[clause.first + offset].singlePosition() else { break }
                if position != first &+ UInt32(offset) { return false }
                offset += 1
            }
            if offset == clause.count { return true }
        }
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

    // MARK: Matching

    /// Whether a document its clauses matched is live, passes the filters and is not
    /// excluded.
    @inline(__always)
    private mutating func accepts(_ ordinal: UInt32) -> Bool {
        if hasTombstones && !live[Int(ordinal)] { return false }
        if hasFilter && filter[Int(ordinal >> 6)] & (1 << UInt64(ordinal & 63)) == 0 { return false }
        return excluded.isEmpty || !isExcluded(ordinal)
    }

    /// Counts a match and offers it to the page; the identifier is only loaded when the
    /// score can enter the page.
    @inline(__always)
    private mutating func collect(_ ordinal: UInt32, score: Double) {
        total += 1
        if ranked.rejects(score) { return }
        ranked.offer(score: score, id: ids[Int(ordinal)], ordinal: ordinal)
    }

    @inline(__always)
    private func norm(of ordinal: UInt32) -> Double {
        Self.norm(length: Double(lengths[Int(ordinal)]) / 8, averageLength: averageLength)
    }

    /// One term, no filters, exclusions or tombstones: the total is the document
    /// frequency, and blocks whose best possible score cannot enter a full page are
    /// skipped (block-max).
    private mutating func runSingleTerm() {
        var cursor = cursors[included[0].first]
        let idf = idfs[included[0].first]
        let bounds = cursor.blockBounds
        var checkedBlock = -1
        var matches = 0
        while cursor.ordinal != PostingCursor.end {
            if ranked.isFull {
                let block = cursor.block
                if block != checkedBlock {
                    checkedBlock = block
                    let frequency = Double(bounds[block * 2]) / 8
                    let shortest = Self.norm(
                        length: Double(bounds[block * 2 + 1]) / 8, averageLength: averageLength)
                    let bound = Self.termScore(idf: idf, frequency: frequency, norm: shortest) * (1 + 1e-9)
                    if ranked.rejects(bound) {
                        matches +=
                            Swift.min(
                                Int(PostingList.skipInterval) * (block + 1), Int(cursor.postingCount))
                            - matches
                        cursor.skip(toBlock: block + 1)
                        continue
                    }
                }
            }
            let ordinal = cursor.ordinal
            let frequency = Double(cursor.weightedFrequency) / 8
            let score = Self.termScore(idf: idf, frequency: frequency, norm: norm(of: ordinal))
            matches += 1
            if !ranked.rejects(score) { ranked.offer(score: score, id: ids[Int(ordinal)], ordinal: ordinal) }
            cursor.next()
        }
        total = matches
    }

    /// AND over plain terms: the rarest term leads, the others follow it.
    private mutating func runAllTerms() {
        let scoring = included.map(\.first)
        let order = included.sorted { $0.estimatedSize < $1.estimatedSize }.map(\.first)
        let lead = order[0]
        while true {
            let candidate = cursors[lead].ordinal
            if candidate == PostingCursor.end { return }
            var agreed = true
            for step in 1..<order.count {
                let follower = order[step]
                cursors[follower].advance(to: candidate)
                let ordinal = cursors[follower].ordinal
                if ordinal == PostingCursor.end { return }
                if ordinal != candidate {
                    cursors[lead].advance(to: ordinal)
                    agreed = false
                    break
                }
            }
            guard agreed else { continue }
            if accepts(candidate) {
                let norm = norm(of: candidate)
                var score = 0.0
                for index in scoring {
                    let frequency = Double(cursors[index].weightedFrequency) / 8
                    score += Self.termScore(idf: idfs[index], frequency: frequency, norm: norm)
                }
                collect(candidate, score: score)
            }
            cursors[lead].next()
        }
    }

    private mutating func runAll() {
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
            if accepts(candidate) {
                let norm = norm(of: candidate)
                var score = 0.0
                for clause in included { score += self.score(clause, at: candidate, norm: norm) }
                collect(candidate, score: score)
            }
            if candidate == PostingCursor.end - 1 { return }
            candidate += 1
        }
    }

    private mutating func runAny() {
        while true {
            var candidate = PostingCursor.end
            for clause in included where clause.current < candidate { candidate = clause.current }
            if candidate == PostingCursor.end { return }
            if accepts(candidate) {
                let norm = norm(of: candidate)
                var score = 0.0
                for clause in included where clause.current == candidate {
                    score += self.score(clause, at: candidate, norm: norm)
                }
                collect(candidate, score: score)
            }
            for position in included.indices where included[position].current == candidate {
                advanceIncluded(position, to: candidate + 1)
            }
        }
    }
}
