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

    @Test("A cursor reads every field of postings on both sides of the one-byte boundaries")
    func decodesOneByteBoundaries() {
        // Deltas, weighted frequencies (a one-position header is frequency × 2 + 1), length
        // codes and single positions just below and at 128, and postings with two positions.
        let deltas: [UInt32] = [1, 127, 128, 300]
        let frequencies: [UInt32] = [8, 56, 63, 64, 200]
        let codes: [UInt8] = [0, 127, 128, 255]
        let positionSets: [[UInt32]] = [[0], [127], [128], [3, 9], [200, 70_000]]
        var list = PostingList()
        var encoded: [UInt8] = []
        var expected: [(ordinal: UInt32, frequency: UInt32, code: UInt8, positions: [UInt32])] = []
        var ordinal: UInt32 = 0
        for delta in deltas {
            for frequency in frequencies {
                for code in codes {
                    for positions in positionSets {
                        ordinal += delta
                        positions.withUnsafeBufferPointer { positions in
                            list.append(
                                ordinal: ordinal, weightedFrequency: frequency, length: 40, lengthCode: code,
                                positions: positions, encoded: &encoded)
                        }
                        expected.append((ordinal, frequency, code, positions))
                    }
                }
            }
        }
        var cursor = PostingCursor(list)
        var read: [UInt32] = []
        for posting in expected {
            #expect(cursor.ordinal == posting.ordinal)
            #expect(cursor.weightedFrequency == posting.frequency)
            #expect(cursor.lengthCode == posting.code)
            cursor.positions(into: &read)
            #expect(read == posting.positions)
            #expect(cursor.singlePosition() == (posting.positions.count == 1 ? posting.positions[0] : nil))
            cursor.next()
        }
        #expect(cursor.ordinal == PostingCursor.end)
        // Skipping low frequencies and advancing land on the same postings as reading.
        // The cursor refuses to skip exactly the postings whose frequency is 64 or more.
        var skipping = PostingCursor(list)
        var frequent: [UInt32] = []
        while skipping.ordinal != PostingCursor.end {
            let blockEnd = UInt32(skipping.block + 1) * PostingList.skipInterval
            if !skipping.skipPostings(withFrequencyBelow: 64, endingAt: blockEnd) {
                frequent.append(skipping.ordinal)
                skipping.next()
            }
        }
        #expect(frequent == expected.filter { $0.frequency >= 64 }.map(\.ordinal))
        var advancing = PostingCursor(list)
        for posting in expected where posting.ordinal % 3 == 0 {
            advancing.advance(to: posting.ordinal)
            #expect(advancing.ordinal == posting.ordinal)
            #expect(advancing.weightedFrequency == posting.frequency)
            #expect(advancing.lengthCode == posting.code)
        }
    }

    /// A list of `count` postings with random gaps, frequencies and position counts, and
    /// the (ordinal, weighted frequency) of each, in order.
    func randomList(count: Int, seed: UInt64) -> (PostingList, [(ordinal: UInt32, frequency: UInt32)]) {
        let random = SeededRandomSource(seed: seed)
        var list = PostingList()
        var encoded: [UInt8] = []
        var postings: [(ordinal: UInt32, frequency: UInt32)] = []
        var ordinal: UInt32 = 0
        for step in 0..<count {
            ordinal &+= 1 + UInt32(random.next(below: step % 9 == 0 ? 100_000 : 20))
            let frequency = 8 * (1 + UInt32(random.next(below: random.next(below: 4) == 0 ? 6 : 1)))
            let positions = (0..<(1 + Int(random.next(below: 3)))).map { UInt32($0 * 7 + step % 5) }
            positions.withUnsafeBufferPointer { positions in
                list.append(
                    ordinal: ordinal, weightedFrequency: frequency, length: 40, lengthCode: 3,
                    positions: positions, encoded: &encoded)
            }
            postings.append((ordinal, frequency))
        }
        return (list, postings)
    }

    @Test("A cursor's advance lands where stepping one posting at a time lands, skips included")
    func advanceMatchesStepping() {
        let (list, postings) = randomList(count: 5_000, seed: 0xADA)
        let random = SeededRandomSource(seed: 0xADB)
        var cursor = PostingCursor(list)
        var model = 0
        while model < postings.count {
            // Targets just ahead (decoded in place) and far ahead (through skip entries).
            let jump: UInt64 = random.next(below: 3) == 0 ? 5_000 : 40
            let target = postings[model].ordinal &+ 1 &+ UInt32(random.next(below: jump))
            cursor.advance(to: target)
            while model < postings.count && postings[model].ordinal < target { model += 1 }
            let expected = model < postings.count ? postings[model].ordinal : PostingCursor.end
            #expect(cursor.ordinal == expected, "seed 0xADB, target \(target)")
            if model < postings.count {
                #expect(cursor.weightedFrequency == postings[model].frequency)
                #expect(cursor.postingsConsumed == UInt32(model + 1))
            }
        }
        cursor.advance(to: PostingCursor.end)
        #expect(cursor.ordinal == PostingCursor.end)
    }

    @Test("Skipping low frequencies stops at the first frequent posting or after the block's last")
    func skipLowFrequencies() {
        let (list, postings) = randomList(count: 3_000, seed: 0x5C1)
        for minimum: UInt32 in [16, 24, 48] {
            var cursor = PostingCursor(list)
            var model = 0
            while model < postings.count {
                let blockEnd = (UInt32(model) / PostingList.skipInterval + 1) * PostingList.skipInterval
                let moved = cursor.skipPostings(withFrequencyBelow: minimum, endingAt: blockEnd)
                // The model steps one posting at a time, as the evaluator's loop once did.
                var modelMoved = false
                while model < postings.count && postings[model].frequency < minimum {
                    let wasLastOfBlock = UInt32(model + 1) >= blockEnd
                    model += 1
                    modelMoved = true
                    if wasLastOfBlock { break }
                }
                #expect(moved == modelMoved, "minimum \(minimum), posting \(model)")
                let expected = model < postings.count ? postings[model].ordinal : PostingCursor.end
                #expect(cursor.ordinal == expected, "minimum \(minimum), posting \(model)")
                if !moved {
                    cursor.next()
                    model += 1
                }
            }
            #expect(cursor.ordinal == PostingCursor.end)
        }
    }

    @Test("Skipping by score stops at the first posting that can reach the page, or after the block's last")
    func skipByScore() {
        let random = SeededRandomSource(seed: 0x5C2)
        var list = PostingList()
        var encoded: [UInt8] = []
        var postings: [(ordinal: UInt32, frequency: UInt32, code: UInt8)] = []
        var ordinal: UInt32 = 0
        for step in 0..<3_000 {
            ordinal &+= 1 + UInt32(random.next(below: 30))
            let frequency = 8 * (1 + UInt32(random.next(below: random.next(below: 3) == 0 ? 5 : 1)))
            let code = UInt8(random.next(below: 256))
            let positions: [UInt32] = [UInt32(step % 11)]
            positions.withUnsafeBufferPointer { positions in
                list.append(
                    ordinal: ordinal, weightedFrequency: frequency, length: LengthCode.floors[Int(code)],
                    lengthCode: code, positions: positions, encoded: &encoded)
            }
            postings.append((ordinal, frequency, code))
        }
        // Norms growing with the length code, as BM25's do.
        let norms = (0..<256).map { 0.3 + Double($0) / 64 }
        let weight = 2.2
        for (minimum, need) in [(UInt32(8), 1.2), (16, 0.9), (8, 1.6), (0, 0.0)] {
            func cannotScore(_ posting: (ordinal: UInt32, frequency: UInt32, code: UInt8)) -> Bool {
                let frequency = Double(posting.frequency) / 8
                return posting.frequency < minimum
                    || weight * frequency < need * (frequency + norms[Int(posting.code)])
            }
            var cursor = PostingCursor(list)
            var model = 0
            var passed = 0
            while model < postings.count {
                let blockEnd = (UInt32(model) / PostingList.skipInterval + 1) * PostingList.skipInterval
                let moved = norms.withUnsafeBufferPointer { norms in
                    cursor.skipPostings(
                        withFrequencyBelow: minimum, orScoreBelow: need, weight: weight, norms: norms,
                        endingAt: blockEnd)
                }
                var modelMoved = false
                while model < postings.count && cannotScore(postings[model]) {
                    let wasLastOfBlock = UInt32(model + 1) >= blockEnd
                    model += 1
                    modelMoved = true
                    if wasLastOfBlock { break }
                }
                #expect(moved == modelMoved, "minimum \(minimum), need \(need), posting \(model)")
                let expected = model < postings.count ? postings[model].ordinal : PostingCursor.end
                #expect(cursor.ordinal == expected, "minimum \(minimum), need \(need), posting \(model)")
                if !moved {
                    if model < postings.count && !cannotScore(postings[model]) { passed += 1 }
                    cursor.next()
                    model += 1
                }
            }
            #expect(cursor.ordinal == PostingCursor.end)
            // Each setting lets some postings through and (but the last) holds some back.
            #expect(passed > 0)
            if need > 0 { #expect(passed < postings.count / 2) }
        }
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
