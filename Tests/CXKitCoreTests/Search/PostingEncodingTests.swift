import Testing

@testable import CXKitCore

@Suite("Posting encoding and interning")
struct PostingEncodingTests {
    /// A value of 1 to 5 varint bytes.
    func varintSized(_ random: SeededRandomSource) -> UInt32 {
        let bits = [3, 10, 17, 24, 31][Int(random.next(below: 5))]
        return UInt32(truncatingIfNeeded: random.next(below: 1 << UInt64(bits)))
    }

    @Test("Runs of postings encode exactly as the one-by-one encoder encodes them")
    func runEncoding() {
        let random = SeededRandomSource(seed: 0x9057)
        var runs = PostingList()
        var general = PostingList()
        var encoded: [UInt8] = []
        var ordinal: UInt32 = 0
        var pending: [TenantSearchIndex.PendingPosting] = []
        var positions: [UInt32] = []
        for step in 0..<1_500 {
            ordinal &+= 1 + UInt32(random.next(below: step % 7 == 0 ? 300_000 : 50))
            let frequency = 1 + UInt32(random.next(below: step % 5 == 0 ? 40_000 : 30))
            let length = UInt32(random.next(below: 100_000))
            let code = LengthCode.code(for: length, floors: LengthCode.floors)
            let count = random.next(below: 4) == 0 ? 2 + Int(random.next(below: 5)) : 1
            var own: [UInt32] = []
            var position: UInt32 = 0
            for _ in 0..<count {
                position &+= varintSized(random) >> 4
                own.append(position)
            }
            own.withUnsafeBufferPointer { own in
                general.append(
                    ordinal: ordinal, weightedFrequency: frequency, length: length, lengthCode: code,
                    positions: own, encoded: &encoded)
            }
            pending.append(
                TenantSearchIndex.PendingPosting(
                    term: 0, ordinal: ordinal, frequency: frequency, length: length,
                    positionsStart: count == 1 ? own[0] : UInt32(positions.count),
                    positionsCount: UInt32(count), lengthCode: code))
            if count > 1 { positions += own }
            // Runs of every size, some longer than the run buffer.
            if random.next(below: 200) == 0 || step == 1_499 {
                pending.withUnsafeBufferPointer { run in
                    positions.withUnsafeBufferPointer { positions in
                        runs.append(run: run, positions: positions, encoded: &encoded)
                    }
                }
                pending.removeAll()
                positions.removeAll()
            }
        }
        #expect(runs.bytes == general.bytes)
        #expect(runs.skips == general.skips)
        #expect(runs.blockBounds == general.blockBounds)
        #expect(runs.count == general.count)
        #expect(runs.lastOrdinal == general.lastOrdinal)
        #expect(runs.documentFrequency == general.documentFrequency)
        var cursor = PostingCursor(runs)
        var read = 0
        while cursor.ordinal != PostingCursor.end {
            cursor.next()
            read += 1
        }
        #expect(read == 1_500)
    }

    @Test("Interning with a precomputed hash and reading slots ahead give the same IDs")
    func internWithHash() {
        let random = SeededRandomSource(seed: 0x1D)
        var plain = TermDictionary()
        var hashed = TermDictionary()
        var touched: UInt64 = 0
        for _ in 0..<5_000 {
            let length = 1 + Int(random.next(below: 20))
            var key = (0..<length).map { _ in UInt8(0x61 + random.next(below: 4)) }
            key.withUnsafeMutableBufferPointer { mutable in
                let key = UnsafeBufferPointer(mutable)
                let hash = hashed.hash(key)
                touched ^= hashed.touchSlot(ofHash: hash)
                let expected = plain.intern(key)
                let actual = hashed.intern(key, hash: hash)
                #expect(expected.id == actual.id)
                #expect(expected.isNew == actual.isNew)
                #expect(hashed.find(key) == actual.id)
            }
        }
        #expect(plain.count == hashed.count)
        _ = touched
    }
}
