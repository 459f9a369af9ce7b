import Foundation

/// Evaluates a parsed query against one ``TenantSearchIndex`` document-at-a-time: clause
/// cursors move in ordinal order (leapfrogging for AND, merging for OR) and a bounded heap
/// keeps the requested page.
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
/// Totals and pruning:
/// - Single-term queries without filters, exclusions or tombstones know their total (the
///   document frequency) and skip posting blocks whose score bound cannot enter the page
///   (block-max).
/// - AND queries (and any query with one positive clause) count every match exactly when
///   their leading (smallest) source has at most 4 × `exactCountBudget` postings, or while
///   it has given at most `exactCountBudget` candidates. Past that, once the page is full,
///   they prune: a lead block is skipped when its score bound
///   plus the best block bounds of the other words over the same ordinals cannot enter the
///   page; a candidate is dropped before the other words are moved when its exact lead
///   score plus their block bounds (with the document's own length) cannot; positions of
///   phrases and exclusions are only checked for documents whose exact score can enter the
///   page. The total then becomes an estimate: the matches counted exactly, scaled by the
///   share of the lead's postings consumed by then, and never below the matches found.
/// - OR queries with several positive clauses count every match exactly.
///
/// Pruning only drops documents whose score is strictly below the page's worst, with a
/// relative slack of 1e-9 on every bound, so the page is exactly what exhaustive scoring
/// gives.
///
/// Prefix clauses merge their words' cursors through a binary heap on ordinals, so a
/// prefix of hundreds of words costs O(log words) per posting.
struct QueryEvaluator {
    /// BM25 term-frequency saturation.
    static let k1 = 1.2
    /// BM25 length normalisation.
    static let b = 0.75
    /// The most words one prefix clause expands to (lexicographically first).
    static let maximumPrefixExpansion = 1024
    /// The lead candidates an AND query examines with exact counting before it may prune
    /// (it never prunes when its lead has at most four times as many postings).
    static let defaultExactCountBudget = 2048
    /// The factor applied to score bounds so rounding never prunes a document that could
    /// tie with the page's worst.
    static let boundSlack = 1 + 1e-9

    /// The page, best first, and the total.
    struct Outcome {
        /// The kept matches, best first (the caller drops the offset).
        var entries: [RankedOrdinals.Entry]
        /// The number of matches, exact or estimated.
        var total: Int
        /// Whether ``total`` is exact.
        var isTotalExact: Bool
    }

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
        /// The heap merging a prefix clause's cursors, or -1 (one cursor, term, phrase).
        var group = -1
    }

    /// A source of AND candidates: one cursor (a term or a phrase word) or a prefix union.
    private struct Unit {
        let cursor: Int
        let group: Int
        let size: UInt32
    }

    /// A min-heap of keys `ordinal << 32 | cursor index` in the store's keys
    /// `start..<(start + size)`; exhausted cursors leave it.
    private struct UnionGroup {
        let start: Int
        var size: Int
    }

    /// The cursors of every clause, in manually managed memory so hot loops move them
    /// without array uniqueness checks or reference counting.
    private let store = CursorStore()
    private var cursors: UnsafeMutablePointer<PostingCursor> { store.base }
    /// Length × 8 → BM25 norm, filled once a query starts pruning.
    private var normByLength: [Double] = []
    /// ``LengthCode`` → the norm of its floor, a lower bound of the norm of every length with
    /// that code; filled once a query starts pruning.
    private var normByCode: [Double] = []
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
    private var groups: [UnionGroup] = []
    /// How many cursors ``collectGroup(_:at:)`` found; they are the store's first scratch
    /// entries.
    private var foundCount = 0
    private let exactCountBudget: Int
    private var isPruning = false
    private var estimatedTotal = 0

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
    ///
    /// - Parameter exactCountBudget: The lead candidates an AND query examines with exact
    ///   counting before it may prune (tests lower it to exercise pruning on small corpora).
    static func run(
        _ parsed: ParsedSearchQuery, _ query: SearchQuery, on index: inout TenantSearchIndex,
        exactCountBudget: Int = defaultExactCountBudget
    ) -> Outcome {
        let nothing = Outcome(entries: [], total: 0, isTotalExact: true)
        guard index.liveCount > 0 else { return nothing }
        var evaluator = QueryEvaluator(
            capacity: query.offset + query.limit, exactCountBudget: exactCountBudget)
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
                    return nothing
                }
            }
        }
        if hasIncluded && evaluator.included.isEmpty { return nothing }
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
        } else if evaluator.included.count == 1 && evaluator.included[0].shape == .term
            && evaluator.excluded.isEmpty
            && !evaluator.hasFilter && !evaluator.hasTombstones
        {
            evaluator.runSingleTerm()
        } else if query.mode == .all || evaluator.included.count == 1 {
            evaluator.runAll()
        } else {
            for position in evaluator.included.indices { evaluator.advanceIncluded(position, to: 0) }
            evaluator.runAny()
        }
        let isExact = !evaluator.isPruning
        return Outcome(
            entries: evaluator.ranked.sorted(),
            total: isExact ? evaluator.total : Swift.max(evaluator.total, evaluator.estimatedTotal),
            isTotalExact: isExact)
    }

    private init(capacity: Int, exactCountBudget: Int) {
        ranked = RankedOrdinals(capacity: capacity)
        self.exactCountBudget = exactCountBudget
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
        let first = store.count
        let documentCount = index.liveCount
        func addCursor(_ term: UInt32) {
            let list = index.postings[Int(term)]
            store.append(PostingCursor(list))
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
            var clause = Clause(shape: .prefix, first: first, count: termIDs.count, estimatedSize: size)
            if termIDs.count > 1 { clause.group = makeGroup(first: first, count: termIDs.count) }
            return clause
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
            if clause.group >= 0 {
                advanceGroup(clause.group, to: target)
                clause.current = groupOrdinal(clause.group)
            } else {
                cursors[clause.first].advance(to: target)
                clause.current = cursors[clause.first].ordinal
            }
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
    private mutating func score(_ clause: Clause, at ordinal: UInt32, norm: Double) -> Double {
        var total = 0.0
        if clause.group >= 0 {
            collectGroup(clause.group, at: ordinal)
            for slot in 0..<foundCount {
                let index = store.scratch[slot]
                let frequency = Double(cursors[index].weightedFrequency) / 8
                total += Self.termScore(idf: idfs[index], frequency: frequency, norm: norm)
            }
            return total
        }
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

    /// A lower bound of the norm of the document the cursor `index` is on, from the length
    /// code in its posting (only once ``normByCode`` is filled).
    @inline(__always)
    private func lowNorm(cursor index: Int) -> Double { normByCode[Int(cursors[index].lengthCode)] }

    /// Whether ``normByCode`` is filled.
    private var hasLowNorms: Bool { !normByCode.isEmpty }

    /// A cursor of `clause` on the document the clause is on (for its length code).
    @inline(__always)
    private func postingCursor(of clause: Clause) -> Int {
        clause.group >= 0
            ? Int(truncatingIfNeeded: store.keys[groups[clause.group].start] & 0xFFFF_FFFF) : clause.first
    }

    /// Fills ``normByCode`` (once).
    private mutating func prepareLowNorms() {
        guard normByCode.isEmpty else { return }
        let floors = LengthCode.floors
        normByCode = floors.map { Self.norm(length: Double($0) / 8, averageLength: averageLength) }
    }

    @inline(__always)
    private func norm(of ordinal: UInt32) -> Double {
        let length = Int(lengths[Int(ordinal)])
        if length < normByLength.count { return normByLength[length] }
        return Self.norm(length: Double(length) / 8, averageLength: averageLength)
    }

    /// One term, no filters, exclusions or tombstones: the total is the document
    /// frequency, and blocks whose best possible score cannot enter a full page are
    /// skipped (block-max).
    private mutating func runSingleTerm() {
        let lead = included[0].first
        var cursor = cursors[lead]
        let idf = idfs[lead]
        var checkedBlock = -1
        var matches = 0
        let weight = idf * (Self.k1 + 1)
        let bounded = cursor.postingCount > 1024
        if bounded { prepareLowNorms() }
        var blockShortestNorm = 0.0
        let inverseSlack = 1 / Self.boundSlack
        while cursor.ordinal != PostingCursor.end {
            if ranked.isFull {
                let block = cursor.block
                if block != checkedBlock {
                    checkedBlock = block
                    blockShortestNorm = shortestNorm(lead, block: block)
                    if ranked.rejects(blockScore(lead, block: block) * Self.boundSlack) {
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
            if bounded && ranked.isFull {
                // Even for the block's shortest document, or with the shortest length of its
                // own length code, the score cannot enter the page.
                let need = ranked.worstScore * inverseSlack
                if weight * frequency < need * (frequency + blockShortestNorm)
                    || weight * frequency < need * (frequency + normByCode[Int(cursor.lengthCode)])
                {
                    matches += 1
                    cursor.next()
                    continue
                }
            }
            let score = Self.termScore(idf: idf, frequency: frequency, norm: norm(of: ordinal))
            matches += 1
            if !ranked.rejects(score) { ranked.offer(score: score, id: ids[Int(ordinal)], ordinal: ordinal) }
            cursor.next()
        }
        total = matches
    }

    // MARK: AND with pruning

    /// The ordinal of a unit's current posting.
    @inline(__always)
    private func ordinal(of unit: Unit) -> UInt32 {
        unit.group >= 0 ? groupOrdinal(unit.group) : cursors[unit.cursor].ordinal
    }

    /// Moves a unit to its first posting at or after `target`.
    @inline(__always)
    private mutating func advance(_ unit: Unit, to target: UInt32) {
        if unit.group >= 0 {
            advanceGroup(unit.group, to: target)
        } else {
            cursors[unit.cursor].advance(to: target)
        }
    }

    /// Moves a unit past `ordinal`, its current posting.
    @inline(__always)
    private mutating func moveNext(_ unit: Unit, from ordinal: UInt32) {
        if unit.group >= 0 { advanceGroup(unit.group, to: ordinal &+ 1) } else { cursors[unit.cursor].next() }
    }

    /// The exact score contribution of the cursor `index`, on the document it is on.
    @inline(__always)
    private func exactScore(_ index: Int, norm: Double) -> Double {
        Self.termScore(idf: idfs[index], frequency: Double(cursors[index].weightedFrequency) / 8, norm: norm)
    }

    /// The best score the cursor `index` can give any document of `block`: the best over
    /// the block's bound pairs.
    @inline(__always)
    private func blockScore(_ index: Int, block: Int) -> Double {
        var best = 0.0
        for pair in 0..<PostingList.boundPairs {
            let bound = cursors[index].boundPair(pair, ofBlock: block)
            guard bound.frequency > 0 else { continue }
            let norm =
                bound.length < normByLength.count
                ? normByLength[Int(bound.length)]
                : Self.norm(length: Double(bound.length) / 8, averageLength: averageLength)
            best = Swift.max(
                best, Self.termScore(idf: idfs[index], frequency: Double(bound.frequency) / 8, norm: norm))
        }
        return best
    }

    /// Bounds for every document from `first` to the end of the lead's `block`: `bound`
    /// is the lead's block bound plus `followers`, the sum over followers of the best bound
    /// of the blocks holding their postings over those ordinals; 0 when a follower has
    /// none left.
    private mutating func blockBound(lead: Int, block: Int, from first: UInt32, followers: [Unit])
        -> (bound: Double, followers: Double)
    {
        let last = cursors[lead].lastOrdinal(ofBlock: block)
        var sum = 0.0
        for position in 0..<followers.count {
            let follower = followers[position].cursor
            guard var current = cursors[follower].block(covering: first) else { return (0, 0) }
            var best = 0.0
            let blocks = cursors[follower].blockCount
            while current < blocks {
                best = Swift.max(best, blockScore(follower, block: current))
                if cursors[follower].lastOrdinal(ofBlock: current) >= last { break }
                current += 1
            }
            sum += best
        }
        return ((blockScore(lead, block: block) + sum) * Self.boundSlack, sum)
    }

    /// The smallest weighted frequency × 8 `w` for which `weight · f / (f + norm)` with
    /// `f = w / 8` can reach `need` (rounded so that it never exceeds the exact solution).
    private static func leastFrequency(weight: Double, need: Double, norm: Double) -> UInt32 {
        guard need > 0 else { return 0 }
        guard weight > need else { return UInt32.max }
        let exact = 8 * need * norm / (weight - need) * (1 - 1e-12)
        return exact >= 4e9 ? UInt32.max : UInt32(exact.rounded(.up))
    }

    /// The norm of the shortest document of the cursor `index`'s `block`.
    private func shortestNorm(_ index: Int, block: Int) -> Double {
        var shortest = UInt32.max
        for pair in 0..<PostingList.boundPairs {
            let bound = cursors[index].boundPair(pair, ofBlock: block)
            if bound.frequency > 0 { shortest = Swift.min(shortest, bound.length) }
        }
        return Self.norm(length: Double(shortest) / 8, averageLength: averageLength)
    }

    /// Switches to pruning, estimating the total from the lead's progress so far.
    private mutating func startPruning(lead: Unit) {
        isPruning = true
        normByLength = (0..<4096).map { Self.norm(length: Double($0) / 8, averageLength: averageLength) }
        prepareLowNorms()
        var consumed = 0.0
        var count = 0.0
        if lead.group >= 0 {
            for clause in included where clause.group == lead.group {
                for index in clause.first..<(clause.first + clause.count) {
                    consumed += Double(cursors[index].postingsConsumed)
                    count += Double(cursors[index].postingCount)
                }
            }
        } else {
            consumed = Double(cursors[lead.cursor].postingsConsumed)
            count = Double(cursors[lead.cursor].postingCount)
        }
        let scaled = consumed > 0 ? (Double(total) * count / consumed).rounded() : Double(total)
        estimatedTotal = scaled < Double(Int.max / 2) ? Int(scaled) : Int.max / 2
    }

    /// AND (or a single positive clause): the smallest unit leads, the others follow it;
    /// see the type's documentation for when it prunes.
    private mutating func runAll() {
        if included.contains(where: { $0.estimatedSize > 1024 }) { prepareLowNorms() }
        var units: [Unit] = []
        for clause in included {
            if clause.group >= 0 {
                units.append(Unit(cursor: -1, group: clause.group, size: clause.estimatedSize))
            } else {
                for index in clause.first..<(clause.first + clause.count) {
                    units.append(Unit(cursor: index, group: -1, size: cursors[index].postingCount))
                }
            }
        }
        units.sort { ($0.size, $0.cursor, $0.group) < ($1.size, $1.cursor, $1.group) }
        let lead = units[0]
        let followers = Array(units.dropFirst())
        let followersAreCursors = followers.allSatisfy { $0.group < 0 }
        let skipsBlocks = lead.group < 0 && followersAreCursors
        let phrases = included.filter { $0.shape == .phrase }
        var checkedBlock = -1
        var followerBound = Double.infinity
        let inverseSlack = 1 / Self.boundSlack
        var leadShortestNorm = 0.0
        var minimumFrequency: UInt32 = 0
        let leadWeight = lead.group >= 0 ? 0 : idfs[lead.cursor] * (Self.k1 + 1)
        var examined = 0
        // The norms by length code once pruning starts, held apart from `self` so a cursor
        // can read them while it moves.
        var lowNorms: [Double] = []
        candidates: while true {
            let candidate = ordinal(of: lead)
            if candidate == PostingCursor.end { return }
            if !isPruning {
                if examined >= exactCountBudget && ranked.isFull && lead.size > exactCountBudget * 4 {
                    startPruning(lead: lead)
                    lowNorms = normByCode
                }
                examined += 1
            }
            if isPruning {
                if skipsBlocks {
                    let block = cursors[lead.cursor].block
                    if block != checkedBlock {
                        checkedBlock = block
                        let bounds = blockBound(
                            lead: lead.cursor, block: block, from: candidate, followers: followers)
                        if ranked.rejects(bounds.bound) {
                            cursors[lead.cursor].skip(toBlock: block + 1)
                            continue
                        }
                        followerBound = bounds.followers
                        leadShortestNorm = shortestNorm(lead.cursor, block: block)
                        minimumFrequency = Self.leastFrequency(
                            weight: leadWeight, need: ranked.worstScore * inverseSlack - followerBound,
                            norm: leadShortestNorm)
                    }
                    // Runs over the block's postings that cannot reach the page: first by
                    // frequency (the check below, solved for the frequency once per block),
                    // then with the shortest length of each posting's length code (the
                    // check after the filters below).
                    let blockEnd = UInt32(block + 1) * PostingList.skipInterval
                    let need = ranked.worstScore * inverseSlack - followerBound
                    let skipped = lowNorms.withUnsafeBufferPointer { norms in
                        cursors[lead.cursor].skipPostings(
                            withFrequencyBelow: minimumFrequency, orScoreBelow: need, weight: leadWeight,
                            norms: norms, endingAt: blockEnd)
                    }
                    if skipped { continue }
                }
                // The lead's score idf·f·(k1 + 1)/(f + norm) must reach the page's worst score
                // (less the slack) minus the followers' best over the lead block: checked
                // first with the block's shortest document, then with this one's length
                // code, without moving the followers or dividing.
                let need = ranked.worstScore * inverseSlack - followerBound
                if skipsBlocks {
                    let frequency = Double(cursors[lead.cursor].weightedFrequency) / 8
                    if leadWeight * frequency < need * (frequency + leadShortestNorm) {
                        cursors[lead.cursor].next()
                        continue
                    }
                }
                if !passes(candidate) {
                    moveNext(lead, from: candidate)
                    continue
                }
                if followersAreCursors {
                    var bound = 0.0
                    let norm: Double
                    if lead.group >= 0 {
                        collectGroup(lead.group, at: candidate)
                        norm = foundCount > 0 ? lowNorm(cursor: store.scratch[0]) : 0
                        for slot in 0..<foundCount { bound += exactScore(store.scratch[slot], norm: norm) }
                    } else {
                        norm = lowNorm(cursor: lead.cursor)
                        let frequency = Double(cursors[lead.cursor].weightedFrequency) / 8
                        if skipsBlocks && leadWeight * frequency < need * (frequency + norm) {
                            cursors[lead.cursor].next()
                            continue
                        }
                        bound = exactScore(lead.cursor, norm: norm)
                    }
                    for position in 0..<followers.count {
                        let follower = followers[position]
                        let ordinal = cursors[follower.cursor].ordinal
                        if ordinal == candidate {
                            bound += exactScore(follower.cursor, norm: norm)
                        } else if ordinal > candidate {
                            if ordinal == PostingCursor.end { return }
                            advance(lead, to: ordinal)
                            continue candidates
                        } else {
                            guard let block = cursors[follower.cursor].block(covering: candidate) else {
                                return
                            }
                            let frequency =
                                Double(cursors[follower.cursor].largestFrequency(ofBlock: block)) / 8
                            bound += Self.termScore(
                                idf: idfs[follower.cursor], frequency: frequency, norm: norm)
                        }
                    }
                    if ranked.rejects(bound * Self.boundSlack) {
                        moveNext(lead, from: candidate)
                        continue
                    }
                }
            }
            for position in 0..<followers.count {
                let follower = followers[position]
                advance(follower, to: candidate)
                let ordinal = ordinal(of: follower)
                if ordinal == PostingCursor.end { return }
                if ordinal > candidate {
                    advance(lead, to: ordinal)
                    continue candidates
                }
            }
            consider(candidate, phrases: phrases)
            moveNext(lead, from: candidate)
        }
    }

    /// Whether a document is live and passes the filters.
    @inline(__always)
    private func passes(_ ordinal: UInt32) -> Bool {
        if hasTombstones && !live[Int(ordinal)] { return false }
        return !hasFilter || filter[Int(ordinal >> 6)] & (1 << UInt64(ordinal & 63)) != 0
    }

    /// Scores a document every AND unit is on, then checks phrases and exclusions (only
    /// when the score can enter the page while pruning) and collects it.
    private mutating func consider(_ candidate: UInt32, phrases: [Clause]) {
        guard passes(candidate) else { return }
        if hasLowNorms && ranked.isFull {
            // A bound from the posting's length code first: a document that cannot enter
            // the page is only counted, without reading its exact length.
            let low = normByCode[Int(cursors[postingCursor(of: included[0])].lengthCode)]
            var bound = 0.0
            for position in included.indices {
                bound += self.score(included[position], at: candidate, norm: low)
            }
            if ranked.rejects(bound * Self.boundSlack) {
                if isPruning { return }
                for phrase in phrases where !phraseOccurs(phrase) { return }
                if !excluded.isEmpty && isExcluded(candidate) { return }
                total += 1
                return
            }
        }
        let norm = norm(of: candidate)
        var score = 0.0
        for position in included.indices {
            score += self.score(included[position], at: candidate, norm: norm)
        }
        if isPruning && ranked.rejects(score) { return }
        for phrase in phrases where !phraseOccurs(phrase) { return }
        if !excluded.isEmpty && isExcluded(candidate) { return }
        collect(candidate, score: score)
    }

    // MARK: Prefix unions

    /// Builds the heap of the cursors `first..<(first + count)`.
    private mutating func makeGroup(first: Int, count: Int) -> Int {
        let start = store.keyCount
        for index in first..<(first + count) where cursors[index].ordinal != PostingCursor.end {
            store.appendKey(UInt64(cursors[index].ordinal) << 32 | UInt64(index))
        }
        store.reserveScratch(2 * count)
        let size = store.keyCount - start
        var node = size / 2 - 1
        while node >= 0 {
            siftDown(store.keys + start, size: size, from: node)
            node -= 1
        }
        groups.append(UnionGroup(start: start, size: size))
        return groups.count - 1
    }

    /// The smallest ordinal among a group's cursors, or ``PostingCursor/end``.
    @inline(__always)
    private func groupOrdinal(_ group: Int) -> UInt32 {
        let union = groups[group]
        return union.size == 0 ? PostingCursor.end : UInt32(truncatingIfNeeded: store.keys[union.start] >> 32)
    }

    /// Moves every cursor of a group below `target` to its first posting at or after it.
    private mutating func advanceGroup(_ group: Int, to target: UInt32) {
        let union = groups[group]
        let keys = store.keys + union.start
        var size = union.size
        while size > 0 {
            let top = keys[0]
            if top >> 32 >= UInt64(target) { break }
            let index = Int(truncatingIfNeeded: top & 0xFFFF_FFFF)
            cursors[index].advance(to: target)
            let ordinal = cursors[index].ordinal
            if ordinal == PostingCursor.end {
                size -= 1
                keys[0] = keys[size]
            } else {
                keys[0] = UInt64(ordinal) << 32 | UInt64(index)
            }
            siftDown(keys, size: size, from: 0)
        }
        if size != union.size { groups[group].size = size }
    }

    /// Restores the heap order of `keys[0..<size]` below `node`.
    @inline(__always)
    private func siftDown(_ keys: UnsafeMutablePointer<UInt64>, size: Int, from node: Int) {
        var parent = node
        let moving = keys[parent]
        while true {
            let left = parent * 2 + 1
            guard left < size else { break }
            var smallest = left
            if left + 1 < size && keys[left + 1] < keys[left] { smallest = left + 1 }
            guard keys[smallest] < moving else { break }
            keys[parent] = keys[smallest]
            parent = smallest
        }
        keys[parent] = moving
    }

    /// Puts the group's cursors on `ordinal`, in cursor order, in the store's first
    /// ``foundCount`` scratch entries.
    private mutating func collectGroup(_ group: Int, at ordinal: UInt32) {
        foundCount = 0
        let union = groups[group]
        let keys = store.keys + union.start
        guard union.size > 0, UInt32(truncatingIfNeeded: keys[0] >> 32) == ordinal else { return }
        let found = store.scratch
        let pending = store.scratch + union.size
        var pendingCount = 1
        pending[0] = 0
        var count = 0
        while pendingCount > 0 {
            pendingCount -= 1
            let node = pending[pendingCount]
            let key = keys[node]
            guard UInt32(truncatingIfNeeded: key >> 32) == ordinal else { continue }
            // Keep the found cursors sorted (usually one or two).
            var slot = count
            let index = Int(truncatingIfNeeded: key & 0xFFFF_FFFF)
            while slot > 0 && found[slot - 1] > index {
                found[slot] = found[slot - 1]
                slot -= 1
            }
            found[slot] = index
            count += 1
            let left = node * 2 + 1
            if left < union.size {
                pending[pendingCount] = left
                pendingCount += 1
            }
            if left + 1 < union.size {
                pending[pendingCount] = left + 1
                pendingCount += 1
            }
        }
        foundCount = count
    }

    private mutating func runAny() {
        if included.reduce(0, { $0 + Int($1.estimatedSize) }) > 1024 { prepareLowNorms() }
        while true {
            var candidate = PostingCursor.end
            for clause in included where clause.current < candidate { candidate = clause.current }
            if candidate == PostingCursor.end { return }
            if accepts(candidate) {
                var bound = Double.infinity
                if hasLowNorms && ranked.isFull {
                    // A bound from the posting's length code first: a document that cannot
                    // enter the page is only counted, without reading its exact length.
                    var low = 0.0
                    for clause in included where clause.current == candidate {
                        low = normByCode[Int(cursors[postingCursor(of: clause)].lengthCode)]
                        break
                    }
                    bound = 0.0
                    for position in included.indices where included[position].current == candidate {
                        bound += self.score(included[position], at: candidate, norm: low)
                    }
                }
                if ranked.rejects(bound * Self.boundSlack) {
                    total += 1
                } else {
                    let norm = norm(of: candidate)
                    var score = 0.0
                    for position in included.indices where included[position].current == candidate {
                        score += self.score(included[position], at: candidate, norm: norm)
                    }
                    collect(candidate, score: score)
                }
            }
            for position in included.indices where included[position].current == candidate {
                advanceIncluded(position, to: candidate + 1)
            }
        }
    }
}

/// Owns the cursors of one query, the heap keys of its prefix unions and a scratch
/// buffer in manually managed memory.
private final class CursorStore {
    private(set) var base: UnsafeMutablePointer<PostingCursor>
    private(set) var count = 0
    private var capacity = 8
    /// Heap keys of prefix unions: ordinal << 32 | cursor index.
    private(set) var keys: UnsafeMutablePointer<UInt64>
    private(set) var keyCount = 0
    private var keyCapacity = 8
    private(set) var scratch: UnsafeMutablePointer<Int>
    private var scratchCapacity = 8

    init() {
        base = .allocate(capacity: 8)
        keys = .allocate(capacity: 8)
        scratch = .allocate(capacity: 8)
    }

    func appendKey(_ key: UInt64) {
        if keyCount == keyCapacity { keys = Self.doubled(keys, count: keyCount, capacity: &keyCapacity) }
        (keys + keyCount).initialize(to: key)
        keyCount += 1
    }

    /// Makes the scratch buffer hold at least `needed` entries.
    func reserveScratch(_ needed: Int) {
        guard needed > scratchCapacity else { return }
        scratch.deallocate()
        scratch = .allocate(capacity: needed)
        scratchCapacity = needed
    }

    func append(_ cursor: PostingCursor) {
        if count == capacity { base = Self.doubled(base, count: count, capacity: &capacity) }
        (base + count).initialize(to: cursor)
        count += 1
    }

    /// Moves the `count` elements of `buffer` into a new buffer of twice `capacity`, frees
    /// the old one and doubles `capacity`.
    private static func doubled<Element>(
        _ buffer: UnsafeMutablePointer<Element>, count: Int, capacity: inout Int
    ) -> UnsafeMutablePointer<Element> {
        capacity *= 2
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        grown.moveInitialize(from: buffer, count: count)
        buffer.deallocate()
        return grown
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
        keys.deallocate()
        scratch.deallocate()
    }
}
