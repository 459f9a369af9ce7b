import Testing

@testable import CXKitCore

@Suite("Posting encoding and interning")
struct PostingEncodingTests {
    /// A value of 1 to 5 varint bytes.
    func varintSized(_ random: SeededRandomSource) -> UInt32 {
        let bits = [3, 10, 17, 24, 31][Int(random.next(below: 5))]
        return UInt32(truncatingIfNeeded: random.next(below: 1 << UInt64(bits)))
    }

    @Test("Single-position postings encode exactly as the general encoder encodes them")
    func singlePositionEncoding() {
        let random = SeededRandomSource(seed: 0x9057)
        var direct = PostingList()
        var general = PostingList()
        var encoded: [UInt8] = []
        var ordinal: UInt32 = 0
        for step in 0..<700 {
            ordinal &+= 1 + UInt32(random.next(below: step % 7 == 0 ? 300_000 : 50))
            let frequency = 1 + UInt32(random.next(below: step % 5 == 0 ? 40_000 : 30))
            let length = UInt32(random.next(below: 100_000))
            let code = LengthCode.code(for: length, floors: LengthCode.floors)
            let position = varintSized(random) >> 1
            direct.append(
                ordinal: ordinal, weightedFrequency: frequency, length: length, lengthCode: code,
                position: position)
            [position].withUnsafeBufferPointer { positions in
                general.append(
                    ordinal: ordinal, weightedFrequency: frequency, length: length, lengthCode: code,
                    positions: positions, encoded: &encoded)
            }
        }
        #expect(direct.bytes == general.bytes)
        #expect(direct.skips == general.skips)
        #expect(direct.blockBounds == general.blockBounds)
        #expect(direct.count == general.count)
        #expect(direct.lastOrdinal == general.lastOrdinal)
        #expect(direct.documentFrequency == general.documentFrequency)
        var cursor = PostingCursor(direct)
        var read = 0
        while cursor.ordinal != PostingCursor.end {
            #expect(cursor.singlePosition() != nil)
            cursor.next()
            read += 1
        }
        #expect(read == 700)
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
