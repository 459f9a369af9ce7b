/// The inverted index of one tenant inside ``InMemorySearchIndex``.
///
/// Documents get increasing ordinals; a replaced or removed document keeps its postings as
/// a tombstone (skipped at query time) while document frequencies, the live count and the
/// total length are corrected at once, so BM25 statistics are always exact. When tombstones
/// outnumber live documents (and exceed 1024) the tenant is rebuilt from its live
/// documents, keeping their order.
struct TenantSearchIndex: Sendable {
    /// A keyword field value, the key of a keyword posting list.
    struct KeywordKey: Hashable, Sendable {
        let field: String
        let value: String
    }

    /// One word of the document being indexed, before its term is looked up: its key is
    /// `Scratch.tokenBytes[previous token's end..<end]`.
    struct PendingToken: Sendable {
        var hash: UInt64
        var end: UInt32
        var position: UInt32
        var weight: UInt32
    }

    /// One posting collected while indexing, written to its list when the batch flushes.
    struct PendingPosting: Sendable {
        var term: UInt32
        var ordinal: UInt32
        var frequency: UInt32
        var length: UInt32
        /// The only position when `positionsCount` is 1 (most postings), otherwise where the
        /// positions start in `Scratch.pendingPositions`.
        var positionsStart: UInt32
        var positionsCount: UInt32
        var lengthCode: UInt8
    }

    /// Reusable buffers for indexing, so a bulk add allocates once.
    struct Scratch: Sendable {
        /// The document's words as `term << 32 | index into tokens`, sorted by term.
        var occurrences: [UInt64] = []
        var tokens: [PendingToken] = []
        var tokenBytes: [UInt8] = []
        /// Folds the dictionary slots read ahead of interning, so the reads are kept.
        var touchedSlots: UInt64 = 0
        var terms: [UInt32] = []
        var encoded: [UInt8] = []
        var pending: [PendingPosting] = []
        var pendingPositions: [UInt32] = []
        var sorted: [PendingPosting] = []
        var termOffsets: [UInt32] = []
    }

    /// Pending postings above which a batch flushes before continuing.
    static let flushThreshold = 1 << 18

    var terms = TermDictionary()
    var postings: [PostingList] = []
    /// Ordinal → identifier.
    var ids: [Identifier] = []
    /// Ordinal → weighted length × 8 (Σ field weight × words in the field).
    var lengths: [UInt32] = []
    /// Ordinal → stored text fields (for snippets and removal); emptied once removed.
    var fields: [[SearchField]] = []
    /// Ordinal → whether the document is live.
    var live: [Bool] = []
    var ordinals = LiveOrdinalTable()
    var keywordPostings: [KeywordKey: [UInt32]] = [:]
    var liveCount = 0
    var totalLength: UInt64 = 0
    var deadCount = 0

    private let tokenizer = Tokenizer()
    private let lengthFloors = LengthCode.floors

    /// A field weight in eighths, at least 1.
    @inline(__always)
    static func quantized(_ weight: Double) -> UInt32 {
        let eighths = (weight * 8).rounded()
        return eighths < 1 ? 1 : eighths > 512 ? 512 : UInt32(eighths)
    }

    /// Whether the document at `ordinal` is live.
    @inline(__always)
    func isLive(_ ordinal: UInt32) -> Bool { live[Int(ordinal)] }

    /// Adds a validated document, replacing a live one with the same identifier.
    ///
    /// Postings are collected in `scratch` and written by ``flushPending(_:)``, which the
    /// caller must run before the index is read.
    mutating func upsert(_ document: SearchDocument, scratch: inout Scratch) {
        if let existing = ordinals.ordinal(of: document.id, ids: ids) {
            flushPending(&scratch)
            removeOrdinal(existing, scratch: &scratch)
        }
        let ordinal = indexText(id: document.id, fields: document.fields, scratch: &scratch)
        for (field, values) in document.keywords {
            for value in values {
                let key = KeywordKey(field: field, value: value)
                if keywordPostings[key]?.last != ordinal {
                    keywordPostings[key, default: []].append(ordinal)
                }
            }
        }
    }

    /// Indexes the text of a new document and returns its ordinal.
    private mutating func indexText(
        id: Identifier, fields documentFields: [SearchField], scratch: inout Scratch
    )
        -> UInt32
    {
        let ordinal = UInt32(ids.count)
        ids.append(id)
        fields.append(documentFields)
        live.append(true)
        ordinals.insert(id, ordinal: ordinal, ids: ids)
        // Tokenize and hash every word first, read the dictionary slots of all of them
        // (independent loads, so their cache misses overlap), then intern.
        scratch.tokens.removeAll(keepingCapacity: true)
        scratch.tokenBytes.removeAll(keepingCapacity: true)
        var base: UInt32 = 0
        var length: UInt32 = 0
        for field in documentFields {
            let weight = Self.quantized(field.weight)
            var fieldWords: UInt32 = 0
            tokenizer.forEachToken(in: field.text) { key, position, _ in
                scratch.tokenBytes.append(contentsOf: key)
                scratch.tokens.append(
                    PendingToken(
                        hash: terms.hash(key), end: UInt32(truncatingIfNeeded: scratch.tokenBytes.count),
                        position: base &+ UInt32(truncatingIfNeeded: position), weight: weight))
                fieldWords = UInt32(truncatingIfNeeded: position) &+ 1
            }
            length &+= weight &* fieldWords
            base &+= fieldWords &+ 1
        }
        var touched: UInt64 = 0
        for token in scratch.tokens { touched ^= terms.touchSlot(ofHash: token.hash) }
        scratch.touchedSlots ^= touched
        scratch.occurrences.removeAll(keepingCapacity: true)
        scratch.tokenBytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for token in scratch.tokens {
                let end = Int(token.end)
                let (term, isNew) = terms.intern(
                    UnsafeBufferPointer(rebasing: bytes[start..<end]), hash: token.hash)
                if isNew { postings.append(PostingList()) }
                scratch.occurrences.append(UInt64(term) << 32 | UInt64(scratch.occurrences.count))
                start = end
            }
        }
        lengths.append(length)
        let lengthCode = LengthCode.code(for: length, floors: lengthFloors)
        Self.sortByTerm(&scratch.occurrences)
        var start = 0
        let occurrences = scratch.occurrences
        let tokens = scratch.tokens
        while start < occurrences.count {
            let term = occurrences[start] >> 32
            let first = tokens[Int(UInt32(truncatingIfNeeded: occurrences[start]))]
            var end = start + 1
            var frequency = first.weight
            while end < occurrences.count && occurrences[end] >> 32 == term {
                frequency &+= tokens[Int(UInt32(truncatingIfNeeded: occurrences[end]))].weight
                end += 1
            }
            var positionsStart = first.position
            if end - start > 1 {
                positionsStart = UInt32(scratch.pendingPositions.count)
                for occurrence in occurrences[start..<end] {
                    scratch.pendingPositions.append(
                        tokens[Int(UInt32(truncatingIfNeeded: occurrence))].position)
                }
            }
            scratch.pending.append(
                PendingPosting(
                    term: UInt32(term), ordinal: ordinal, frequency: frequency, length: length,
                    positionsStart: positionsStart, positionsCount: UInt32(end - start),
                    lengthCode: lengthCode))
            start = end
        }
        liveCount += 1
        totalLength += UInt64(length)
        return ordinal
    }

    /// Writes the pending postings to their lists, grouped by term (a counting sort), so
    /// each list is touched once per flush instead of once per document.
    mutating func flushPending(_ scratch: inout Scratch) {
        guard !scratch.pending.isEmpty else { return }
        if scratch.pending.count < 256 {
            writePostings(scratch.pending, scratch: &scratch)
        } else {
            let termCount = postings.count
            scratch.termOffsets.removeAll(keepingCapacity: true)
            scratch.termOffsets.append(contentsOf: repeatElement(0, count: termCount + 1))
            for posting in scratch.pending { scratch.termOffsets[Int(posting.term) + 1] += 1 }
            for term in 0..<termCount { scratch.termOffsets[term + 1] += scratch.termOffsets[term] }
            let placeholder = PendingPosting(
                term: 0, ordinal: 0, frequency: 0, length: 0, positionsStart: 0, positionsCount: 0,
                lengthCode: 0)
            scratch.sorted.removeAll(keepingCapacity: true)
            scratch.sorted.append(contentsOf: repeatElement(placeholder, count: scratch.pending.count))
            for posting in scratch.pending {
                let slot = Int(scratch.termOffsets[Int(posting.term)])
                scratch.sorted[slot] = posting
                scratch.termOffsets[Int(posting.term)] += 1
            }
            let sorted = scratch.sorted
            writePostings(sorted, scratch: &scratch)
        }
        scratch.pending.removeAll(keepingCapacity: true)
        scratch.pendingPositions.removeAll(keepingCapacity: true)
    }

    /// Writes postings grouped into runs of one term, one list access per run.
    private mutating func writePostings(_ pending: [PendingPosting], scratch: inout Scratch) {
        let positions = scratch.pendingPositions
        positions.withUnsafeBufferPointer { positions in
            pending.withUnsafeBufferPointer { pending in
                var start = 0
                while start < pending.count {
                    let term = pending[start].term
                    var end = start + 1
                    while end < pending.count && pending[end].term == term { end += 1 }
                    postings[Int(term)].append(
                        run: UnsafeBufferPointer(rebasing: pending[start..<end]), positions: positions,
                        encoded: &scratch.encoded)
                    start = end
                }
            }
        }
    }

    /// Sorts occurrences (`term << 32 | token index`) by term, then by token index, which
    /// is position order.
    private static func sortByTerm(_ occurrences: inout [UInt64]) {
        if occurrences.count <= 48 {
            occurrences.withUnsafeMutableBufferPointer { occurrences in
                var index = 1
                while index < occurrences.count {
                    let item = occurrences[index]
                    var slot = index
                    while slot > 0 && occurrences[slot - 1] > item {
                        occurrences[slot] = occurrences[slot - 1]
                        slot -= 1
                    }
                    occurrences[slot] = item
                    index += 1
                }
            }
        } else {
            occurrences.sort()
        }
    }

    /// Removes the live document with `id`, if any.
    mutating func remove(_ id: Identifier, scratch: inout Scratch) {
        guard let ordinal = ordinals.ordinal(of: id, ids: ids) else { return }
        removeOrdinal(ordinal, scratch: &scratch)
    }

    private mutating func removeOrdinal(_ ordinal: UInt32, scratch: inout Scratch) {
        guard live[Int(ordinal)] else { return }
        scratch.terms.removeAll(keepingCapacity: true)
        for field in fields[Int(ordinal)] {
            tokenizer.forEachToken(in: field.text) { key, _, _ in
                if let term = terms.find(key) { scratch.terms.append(term) }
            }
        }
        scratch.terms.sort()
        var previous: UInt32? = nil
        for term in scratch.terms where term != previous {
            postings[Int(term)].documentFrequency -= 1
            previous = term
        }
        live[Int(ordinal)] = false
        fields[Int(ordinal)] = []
        ordinals.remove(ids[Int(ordinal)], ids: ids)
        liveCount -= 1
        totalLength -= UInt64(lengths[Int(ordinal)])
        deadCount += 1
    }

    /// Rebuilds the tenant from its live documents when tombstones dominate; ordinals keep
    /// their relative order, so keyword postings are remapped rather than rebuilt.
    mutating func compactIfNeeded(scratch: inout Scratch) {
        guard deadCount > Swift.max(1024, liveCount) else { return }
        var rebuilt = TenantSearchIndex()
        var remap = [UInt32](repeating: UInt32.max, count: ids.count)
        for ordinal in ids.indices where live[ordinal] {
            remap[ordinal] = rebuilt.indexText(id: ids[ordinal], fields: fields[ordinal], scratch: &scratch)
            if scratch.pending.count >= Self.flushThreshold { rebuilt.flushPending(&scratch) }
        }
        rebuilt.flushPending(&scratch)
        for (key, list) in keywordPostings {
            var mapped: [UInt32] = []
            for ordinal in list where remap[Int(ordinal)] != UInt32.max { mapped.append(remap[Int(ordinal)]) }
            if !mapped.isEmpty { rebuilt.keywordPostings[key] = mapped }
        }
        self = rebuilt
    }

    /// Trims spare capacity of posting lists after a large batch, leaving 1/8 headroom so
    /// the next incremental adds do not copy long lists.
    mutating func trimPostings() {
        for term in postings.indices {
            let count = postings[term].bytes.count
            guard postings[term].bytes.capacity > count + count / 4 + 64 else { continue }
            var trimmed: [UInt8] = []
            trimmed.reserveCapacity(count + count / 8 + 16)
            trimmed.append(contentsOf: postings[term].bytes)
            postings[term].bytes = trimmed
        }
    }
}

extension TenantSearchIndex {
    /// Adds validated documents in order, then compacts if tombstones dominate.
    mutating func upsertAll(_ documents: [SearchDocument], scratch: inout Scratch) {
        let needed = ids.count + documents.count
        if ids.capacity < needed {
            // Grow geometrically, but at least to the batch, so a bulk load allocates once.
            let capacity = Swift.max(needed, ids.count * 2)
            ids.reserveCapacity(capacity)
            lengths.reserveCapacity(capacity)
            live.reserveCapacity(capacity)
            fields.reserveCapacity(capacity)
            ordinals.reserveCapacity(needed, ids: ids)
        }
        // Each document's identifier slot is read one document ahead, so its cache miss
        // overlaps the indexing of the previous document.
        var touched: UInt32 = 0
        for index in documents.indices {
            if index + 1 < documents.count { touched ^= ordinals.touchSlot(of: documents[index + 1].id) }
            upsert(documents[index], scratch: &scratch)
            if scratch.pending.count >= Self.flushThreshold { flushPending(&scratch) }
        }
        scratch.touchedSlots ^= UInt64(touched)
        flushPending(&scratch)
        if documents.count >= 4096 {
            trimPostings()
            scratch = Scratch()
        }
        compactIfNeeded(scratch: &scratch)
    }

    /// Removes documents by identifier, then compacts if tombstones dominate.
    mutating func removeAll(_ ids: [Identifier], scratch: inout Scratch) {
        for id in ids { remove(id, scratch: &scratch) }
        compactIfNeeded(scratch: &scratch)
    }
}
