import Testing

@testable import CXKitCore

@Suite("LiveOrdinalTable")
struct LiveOrdinalTableTests {
    @Test("Random inserts and removals agree with a dictionary")
    func agreesWithDictionary() {
        let random = SeededRandomSource(seed: 5)
        var table = LiveOrdinalTable()
        var ids: [Identifier] = []
        var expected: [Identifier: UInt32] = [:]
        var present: [Identifier] = []
        for _ in 0..<20_000 {
            if random.next(below: 3) == 0, !present.isEmpty {
                let victim = present.remove(at: Int(random.next(below: UInt64(present.count))))
                table.remove(victim, ids: ids)
                expected[victim] = nil
            } else {
                // A small identifier space makes collisions and long probe runs likely.
                let id = Identifier(high: random.next(below: 4), low: random.next(below: 5000))
                if let old = expected[id] {
                    #expect(table.ordinal(of: id, ids: ids) == old)
                    table.remove(id, ids: ids)
                } else {
                    present.append(id)
                }
                let ordinal = UInt32(ids.count)
                ids.append(id)
                table.insert(id, ordinal: ordinal, ids: ids)
                expected[id] = ordinal
            }
        }
        #expect(table.count == expected.count)
        for (id, ordinal) in expected { #expect(table.ordinal(of: id, ids: ids) == ordinal) }
        for number in 0..<200 {
            let absent = Identifier(high: 99, low: UInt64(number))
            #expect(table.ordinal(of: absent, ids: ids) == nil)
        }
    }
}
