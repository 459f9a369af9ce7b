/// The postings of one term in one tenant, appended in document-ordinal order.
///
/// Encoding, per posting: varint(ordinal − previous ordinal), varint(weighted term
/// frequency × 16 + 1), the document's ``LengthCode`` (one byte, so pruning bounds scores
/// without reading the length table), then the one position as a varint when the word
/// occurs once; or varint(weighted term frequency × 16), the length code, varint(byte
/// length of the positions) and the positions as varint deltas (first one absolute). Every
/// ``PostingList/skipInterval`` postings a skip entry `(ordinal of the previous posting,
/// byte offset)` lets cursors jump ahead, and per block a few (frequency, length) pairs
/// bounding every posting of the block let queries skip blocks that cannot reach the
/// page. Postings of removed documents stay until the tenant is compacted; queries skip
/// them through the liveness flags.
struct PostingList: Sendable {
    /// Postings between skip entries.
    static let skipInterval: UInt32 = 64

    /// The encoded postings.
    var bytes: [UInt8] = []
    /// Skip entries as pairs `(ordinal of posting k·interval − 1, byte offset of posting k·interval)`.
    var skips: [UInt32] = []
    /// Postings stored, including those of removed documents.
    var count: UInt32 = 0
    /// The ordinal of the last posting.
    var lastOrdinal: UInt32 = 0
    /// Live documents containing the term (the BM25 document frequency).
    var documentFrequency: UInt32 = 0
    /// Per block of ``skipInterval`` postings, ``boundPairs`` pairs (weighted frequency × 8,
    /// document length × 8) such that every posting of the block has a pair with at least
    /// its frequency and at most its length: the block's best BM25 score is the best score
    /// of its pairs. Unused pairs are `(0, UInt32.max)`. The pairs are the block's Pareto
    /// front of (higher frequency, shorter document) while it fits; beyond that the new
    /// posting merges with the pair of nearest frequency into their joint maximum and
    /// minimum, which still bounds both.
    var blockBounds: [UInt32] = []

    /// Bound pairs per block.
    static let boundPairs = 4

    @inline(__always)
    static func appendVarint(_ value: UInt32, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    @inline(__always)
    static func varintLength(_ value: UInt32) -> Int {
        value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : value < 1 << 28 ? 4 : 5
    }

    /// Adds a posting's (frequency, length) to the bound pairs of the last block.
    @inline(__always)
    private mutating func include(frequency: UInt32, length: UInt32) {
        let base = blockBounds.count - 2 * Self.boundPairs
        var pair = 0
        while pair < Self.boundPairs {
            if blockBounds[base + 2 * pair] >= frequency && blockBounds[base + 2 * pair + 1] <= length {
                return
            }
            pair += 1
        }
        // Drop the pairs the posting dominates (unused ones included), then take a free one.
        var free = -1
        var nearest = 0
        var nearestGap = UInt32.max
        pair = 0
        while pair < Self.boundPairs {
            let pairFrequency = blockBounds[base + 2 * pair]
            if pairFrequency <= frequency && blockBounds[base + 2 * pair + 1] >= length {
                blockBounds[base + 2 * pair] = 0
                blockBounds[base + 2 * pair + 1] = UInt32.max
                if free < 0 { free = pair }
            } else {
                let gap = pairFrequency > frequency ? pairFrequency - frequency : frequency - pairFrequency
                if gap < nearestGap {
                    nearestGap = gap
                    nearest = pair
                }
            }
            pair += 1
        }
        if free >= 0 {
            blockBounds[base + 2 * free] = frequency
            blockBounds[base + 2 * free + 1] = length
        } else {
            blockBounds[base + 2 * nearest] = Swift.max(frequency, blockBounds[base + 2 * nearest])
            blockBounds[base + 2 * nearest + 1] = Swift.min(length, blockBounds[base + 2 * nearest + 1])
        }
    }

    /// Starts a new block (skip entry and bound pairs) or widens the last block's bounds;
    /// `offset` is the byte offset the posting will be stored at.
    @inline(__always)
    private mutating func enterBlock(frequency: UInt32, length: UInt32, offset: Int) {
        if count % Self.skipInterval == 0 {
            if count > 0 {
                skips.append(lastOrdinal)
                skips.append(UInt32(truncatingIfNeeded: offset))
            }
            blockBounds.append(frequency)
            blockBounds.append(length)
            for _ in 1..<Self.boundPairs {
                blockBounds.append(0)
                blockBounds.append(UInt32.max)
            }
        } else {
            include(frequency: frequency, length: length)
        }
    }

    /// Writes `value` as a varint at `offset` of `buffer`, returning the offset after it.
    @inline(__always)
    private static func writeVarint(
        _ value: UInt32, to buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int
    ) -> Int {
        var value = value
        var offset = offset
        while value >= 0x80 {
            buffer[offset] = UInt8(truncatingIfNeeded: value) | 0x80
            value >>= 7
            offset += 1
        }
        buffer[offset] = UInt8(value)
        return offset + 1
    }

    /// The bytes a run encodes before they are copied to the list at once.
    private static let runBufferSize = 2048

    /// Appends postings of one term with ascending ordinals (all above every ordinal
    /// already stored), encoded exactly as
    /// ``append(ordinal:weightedFrequency:length:lengthCode:positions:encoded:)`` encodes
    /// them one by one, but with single-position postings written through a stack buffer
    /// that is copied to the list once per run (or per 2 KiB).
    ///
    /// - Parameters:
    ///   - run: The postings; a posting with one position holds it in `positionsStart`.
    ///   - positions: The positions of postings with several.
    ///   - encoded: A reusable buffer for postings with several positions.
    mutating func append(
        run: UnsafeBufferPointer<TenantSearchIndex.PendingPosting>, positions: UnsafeBufferPointer<UInt32>,
        encoded: inout [UInt8]
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.runBufferSize) { buffer in
            var fill = 0
            for posting in run {
                if posting.positionsCount != 1 {
                    if fill > 0 {
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<fill]))
                        fill = 0
                    }
                    let start = Int(posting.positionsStart)
                    append(
                        ordinal: posting.ordinal, weightedFrequency: posting.frequency,
                        length: posting.length,
                        lengthCode: posting.lengthCode,
                        positions: UnsafeBufferPointer(
                            rebasing: positions[start..<(start + Int(posting.positionsCount))]),
                        encoded: &encoded)
                    continue
                }
                // A single-position posting takes at most 5 + 5 + 1 + 5 bytes.
                if fill > Self.runBufferSize - 16 {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<fill]))
                    fill = 0
                }
                enterBlock(frequency: posting.frequency, length: posting.length, offset: bytes.count + fill)
                fill = Self.writeVarint(
                    posting.ordinal &- (count == 0 ? 0 : lastOrdinal), to: buffer, at: fill)
                fill = Self.writeVarint(posting.frequency << 1 | 1, to: buffer, at: fill)
                buffer[fill] = posting.lengthCode
                fill = Self.writeVarint(posting.positionsStart, to: buffer, at: fill + 1)
                count += 1
                lastOrdinal = posting.ordinal
                documentFrequency += 1
            }
            if fill > 0 { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<fill])) }
        }
    }

    /// Appends a posting; `ordinal` must be above every ordinal already stored. `encoded`
    /// is a reusable buffer, so the list grows by one append per posting.
    mutating func append(
        ordinal: UInt32, weightedFrequency: UInt32, length: UInt32, lengthCode: UInt8,
        positions: UnsafeBufferPointer<UInt32>, encoded: inout [UInt8]
    ) {
        enterBlock(frequency: weightedFrequency, length: length, offset: bytes.count)
        encoded.removeAll(keepingCapacity: true)
        Self.appendVarint(ordinal &- (count == 0 ? 0 : lastOrdinal), to: &encoded)
        if positions.count == 1 {
            Self.appendVarint(weightedFrequency << 1 | 1, to: &encoded)
            encoded.append(lengthCode)
            Self.appendVarint(positions[0], to: &encoded)
        } else {
            Self.appendVarint(weightedFrequency << 1, to: &encoded)
            encoded.append(lengthCode)
            var length = 0
            var previous: UInt32 = 0
            for position in positions {
                length += Self.varintLength(position &- previous)
                previous = position
            }
            Self.appendVarint(UInt32(length), to: &encoded)
            previous = 0
            for position in positions {
                Self.appendVarint(position &- previous, to: &encoded)
                previous = position
            }
        }
        bytes.append(contentsOf: encoded)
        count += 1
        lastOrdinal = ordinal
        documentFrequency += 1
    }
}

/// Walks a ``PostingList`` in ordinal order.
struct PostingCursor {
    /// The ordinal of an exhausted cursor.
    static let end = UInt32.max

    private let bytes: [UInt8]
    private let skips: [UInt32]
    private let count: UInt32
    private var offset = 0
    private var consumed: UInt32 = 0
    /// The current ordinal, or ``end``.
    private(set) var ordinal: UInt32 = 0
    /// The current posting's weighted frequency × 8.
    private(set) var weightedFrequency: UInt32 = 0
    /// The ``LengthCode`` of the current posting's document.
    private(set) var lengthCode: UInt8 = 0
    private var positionsOffset = 0
    private var positionsLength = 0
    /// The block ``block(covering:)`` found last; targets only grow, so searches resume here.
    private var shallowBlock = 0
    private let lastOrdinal: UInt32

    /// The block bounds of the list (see ``PostingList/blockBounds``).
    let blockBounds: [UInt32]

    /// The number of postings in the list.
    var postingCount: UInt32 { count }

    /// The postings read or skipped so far (the current one included).
    var postingsConsumed: UInt32 { ordinal == Self.end ? count : consumed }

    /// The block of the current posting.
    var block: Int { Int((consumed &- 1) / PostingList.skipInterval) }

    /// The number of blocks.
    var blockCount: Int { blockBounds.count / (2 * PostingList.boundPairs) }

    /// Creates a cursor positioned on the first posting.
    init(_ list: PostingList) {
        bytes = list.bytes
        skips = list.skips
        blockBounds = list.blockBounds
        count = list.count
        lastOrdinal = list.lastOrdinal
        if count == 0 {
            ordinal = Self.end
        } else {
            ordinal = 0
            read()
        }
    }

    /// Where a cursor stands: its decoding state, copied into locals while a loop decodes
    /// many postings, so the loop keeps it in registers instead of reading and writing the
    /// cursor (which lives in the evaluator's cursor store, behind a pointer) on every byte.
    private struct Position {
        var offset: Int
        var consumed: UInt32
        var ordinal: UInt32
        var weightedFrequency: UInt32
        var lengthCode: UInt8
        var positionsOffset: Int
        var positionsLength: Int
    }

    private var position: Position {
        @inline(__always) get {
            Position(
                offset: offset, consumed: consumed, ordinal: ordinal, weightedFrequency: weightedFrequency,
                lengthCode: lengthCode, positionsOffset: positionsOffset, positionsLength: positionsLength)
        }
        @inline(__always) set {
            offset = newValue.offset
            consumed = newValue.consumed
            ordinal = newValue.ordinal
            weightedFrequency = newValue.weightedFrequency
            lengthCode = newValue.lengthCode
            positionsOffset = newValue.positionsOffset
            positionsLength = newValue.positionsLength
        }
    }

    /// Reads a varint at `offset`, or returns `nil` when the bytes end inside it.
    @inline(__always)
    private static func readVarint(_ bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int) -> UInt32? {
        guard offset < bytes.count else { return nil }
        var byte = bytes[offset]
        offset &+= 1
        if byte < 0x80 { return UInt32(byte) }
        var value = UInt32(byte & 0x7F)
        var shift: UInt32 = 7
        repeat {
            guard offset < bytes.count else { return nil }
            byte = bytes[offset]
            offset &+= 1
            value |= UInt32(byte & 0x7F) << shift
            shift &+= 7
        } while byte >= 0x80 && shift < 35
        return value
    }

    /// Decodes the posting at `position.offset`, whose delta is relative to
    /// `position.ordinal`; `false` when the bytes end inside it (which the list's own
    /// encoding never does).
    ///
    /// Most postings of common words are four bytes, each varint a single byte: a delta
    /// below 128, a one-position header below 128 (a weighted frequency below 8), the length
    /// code and a position below 128. Those are decoded from one 32-bit load, without the
    /// byte-by-byte varint loop.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Position) -> Bool {
        var offset = position.offset
        if offset &+ 4 <= bytes.count, let base = bytes.baseAddress {
            let word = UInt32(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt32.self))
            // Bytes 0, 1 and 3 are single-byte varints, and byte 1 flags a single position.
            if word & 0x8000_8080 == 0 && word & 0x100 != 0 {
                position.ordinal &+= word & 0x7F
                position.weightedFrequency = (word >> 9) & 0x3F
                position.lengthCode = UInt8(truncatingIfNeeded: word >> 16)
                position.positionsOffset = offset &+ 3
                position.positionsLength = 1
                position.offset = offset &+ 4
                position.consumed &+= 1
                return true
            }
        }
        guard let delta = readVarint(bytes, at: &offset), let header = readVarint(bytes, at: &offset),
            offset < bytes.count
        else { return false }
        position.ordinal &+= delta
        position.weightedFrequency = header >> 1
        position.lengthCode = bytes[offset]
        offset &+= 1
        if header & 1 == 1 {
            let start = offset
            guard readVarint(bytes, at: &offset) != nil else { return false }
            position.positionsOffset = start
            position.positionsLength = offset &- start
        } else {
            guard let length = readVarint(bytes, at: &offset), Int(length) <= bytes.count &- offset else {
                return false
            }
            position.positionsOffset = offset
            position.positionsLength = Int(length)
            offset &+= Int(length)
        }
        position.offset = offset
        position.consumed &+= 1
        return true
    }

    /// Decodes the posting at `offset`, whose delta is relative to `ordinal`; a cursor whose
    /// bytes end inside the posting becomes exhausted.
    private mutating func read() {
        var position = self.position
        let decoded = bytes.withUnsafeBufferPointer { Self.decode($0, &position) }
        self.position = position
        if !decoded { ordinal = Self.end }
    }

    /// Moves to the next posting.
    @inline(__always)
    mutating func next() {
        guard ordinal != Self.end else { return }
        if consumed >= count {
            ordinal = Self.end
            return
        }
        read()
    }

    /// Moves to the first posting with an ordinal of at least `target`.
    mutating func advance(to target: UInt32) {
        guard ordinal < target else { return }
        // Skip entry k covers posting (k + 1) · interval and holds the ordinal before it.
        // Use the entries only when the target lies beyond the next one.
        let nextEntry = Int(consumed / PostingList.skipInterval)
        if nextEntry * 2 < skips.count && skips[nextEntry * 2] < target {
            // Gallop from the next entry, then binary search inside the last step: targets
            // are usually close, so this touches few entries.
            let entryCount = skips.count / 2
            var low = nextEntry + 1
            var step = 1
            while low + step - 1 < entryCount && skips[(low + step - 1) * 2] < target {
                low += step
                step *= 2
            }
            var high = Swift.min(low + step - 1, entryCount)
            while low < high {
                let middle = (low + high) / 2
                if skips[middle * 2] < target { low = middle + 1 } else { high = middle }
            }
            let entry = low - 1
            ordinal = skips[entry * 2]
            offset = Int(skips[entry * 2 + 1])
            consumed = UInt32(entry + 1) * PostingList.skipInterval
            read()
        }
        guard ordinal < target else { return }
        var position = self.position
        let count = self.count
        let reached = bytes.withUnsafeBufferPointer { bytes in
            while position.ordinal < target {
                if position.consumed >= count || !Self.decode(bytes, &position) { return false }
            }
            return true
        }
        self.position = position
        if !reached { ordinal = Self.end }
    }

    /// Moves past the current posting and the following ones while their weighted
    /// frequency × 8 is below `minimum`, stopping at the latest after posting number
    /// `blockEnd` (counting from 1, the last of a block).
    ///
    /// - Returns: Whether the cursor moved (it does only when the current posting's
    ///   frequency is below `minimum`).
    mutating func skipPostings(withFrequencyBelow minimum: UInt32, endingAt blockEnd: UInt32) -> Bool {
        skipPostings(endingAt: blockEnd) { frequency, _ in frequency < minimum }
    }

    /// Moves past the current posting and the following ones while none of them can score
    /// `need`: while a posting's weighted frequency × 8 is below `minimum`, or its BM25
    /// numerator `weight · f` for frequency `f` stays below `need · (f + norms[code])` with
    /// the norm of the shortest length its length code stands for. Stops at the latest
    /// after posting number `blockEnd` (counting from 1, the last of a block).
    ///
    /// The pruned AND passes most postings of its leading term this way: in the tight loop
    /// here, a posting costs its decoding and two comparisons.
    ///
    /// - Parameter norms: 256 norms, one per length code.
    /// - Returns: Whether the cursor moved (it does only when the current posting fails the
    ///   test).
    mutating func skipPostings(
        withFrequencyBelow minimum: UInt32, orScoreBelow need: Double, weight: Double,
        norms: UnsafeBufferPointer<Double>, endingAt blockEnd: UInt32
    ) -> Bool {
        guard norms.count == 256 else { return skipPostings(withFrequencyBelow: minimum, endingAt: blockEnd) }
        return skipPostings(endingAt: blockEnd) { weightedFrequency, code in
            if weightedFrequency < minimum { return true }
            let frequency = Double(weightedFrequency) * 0.125
            return weight * frequency < need * (frequency + norms[Int(code)])
        }
    }

    /// Moves past postings while `cannotScore(weighted frequency × 8, length code)` holds,
    /// stopping at the latest after posting number `blockEnd`; whether the cursor moved.
    @inline(__always)
    private mutating func skipPostings(
        endingAt blockEnd: UInt32, while cannotScore: (UInt32, UInt8) -> Bool
    ) -> Bool {
        guard ordinal != Self.end, cannotScore(weightedFrequency, lengthCode) else { return false }
        var position = self.position
        let count = self.count
        let exhausted = bytes.withUnsafeBufferPointer { bytes in
            while true {
                let wasLastOfBlock = position.consumed >= blockEnd
                if position.consumed >= count || !Self.decode(bytes, &position) { return true }
                if wasLastOfBlock || !cannotScore(position.weightedFrequency, position.lengthCode) {
                    return false
                }
            }
        }
        self.position = position
        if exhausted { ordinal = Self.end }
        return true
    }

    /// The ordinal of the last posting of `block`.
    @inline(__always)
    func lastOrdinal(ofBlock block: Int) -> UInt32 {
        block * 2 < skips.count ? skips[block * 2] : lastOrdinal
    }

    /// The largest weighted frequency × 8 of `block`.
    @inline(__always)
    func largestFrequency(ofBlock block: Int) -> UInt32 {
        let base = block * 2 * PostingList.boundPairs
        var largest: UInt32 = 0
        for pair in 0..<PostingList.boundPairs { largest = Swift.max(largest, blockBounds[base + 2 * pair]) }
        return largest
    }

    /// Bound pair `pair` (frequency × 8, length × 8) of `block` (see
    /// ``PostingList/blockBounds``).
    @inline(__always)
    func boundPair(_ pair: Int, ofBlock block: Int) -> (frequency: UInt32, length: UInt32) {
        let index = (block * PostingList.boundPairs + pair) * 2
        return (blockBounds[index], blockBounds[index + 1])
    }

    /// The block holding the first posting at or after `target` without decoding anything,
    /// or `nil` when every posting lies before it. Targets must not decrease between calls.
    @inline(__always)
    mutating func block(covering target: UInt32) -> Int? {
        var block = Swift.max(shallowBlock, consumed == 0 ? 0 : self.block)
        let blocks = blockCount
        while block < blocks && lastOrdinal(ofBlock: block) < target { block += 1 }
        shallowBlock = block
        return block < blocks ? block : nil
    }

    /// Moves to the first posting of block `block` (or to the end).
    mutating func skip(toBlock block: Int) {
        let entry = block - 1
        guard entry >= 0, entry * 2 + 1 < skips.count else {
            ordinal = Self.end
            return
        }
        ordinal = skips[entry * 2]
        offset = Int(skips[entry * 2 + 1])
        consumed = UInt32(block) * PostingList.skipInterval
        read()
    }

    /// The only position of the current posting, or `nil` when it has several.
    @inline(__always)
    func singlePosition() -> UInt32? {
        var index = positionsOffset
        let end = positionsOffset + positionsLength
        var value: UInt32 = 0
        var shift: UInt32 = 0
        while index < end {
            let byte = bytes[index]
            index += 1
            value |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { return index == end ? value : nil }
            shift += 7
            if shift >= 35 { return nil }
        }
        return nil
    }

    /// The positions of the current posting, appended to `output` (cleared first).
    func positions(into output: inout [UInt32]) {
        output.removeAll(keepingCapacity: true)
        var index = positionsOffset
        let end = positionsOffset + positionsLength
        var position: UInt32 = 0
        while index < end {
            var byte = bytes[index]
            index += 1
            var value = UInt32(byte & 0x7F)
            var shift: UInt32 = 7
            while byte >= 0x80 && shift < 35 && index < end {
                byte = bytes[index]
                index += 1
                value |= UInt32(byte & 0x7F) << shift
                shift += 7
            }
            position &+= value
            output.append(position)
        }
    }
}
