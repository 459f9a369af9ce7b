import Testing

@testable import CXKitCore

@Suite("IdentifierSlotMap")
struct IdentifierSlotMapTests {
    /// A small key space forces replacements, removals of present keys and tombstone reuse.
    private static func keys(_ random: SeededRandomSource) -> [Identifier] {
        (0..<2_000).map { _ in Identifier(high: random.next(below: 3), low: random.next(below: 1_000_000)) }
    }

    @Test("matches a dictionary under random sets, replacements and removals, through growth and tombstones")
    func matchesDictionary() {
        for seed: UInt64 in [1, 2, 3] {
            let random = SeededRandomSource(seed: seed)
            var map = IdentifierSlotMap()
            var model: [Identifier: UInt64] = [:]
            let keys = Self.keys(random)
            for step in 0..<40_000 {
                let key = keys[Int(random.next(below: UInt64(keys.count)))]
                switch random.next(below: 3) {
                case 0, 1:
                    let value = random.next(below: 1_000_000)
                    map.set(value, for: key)
                    model[key] = value
                default:
                    #expect(
                        (map.remove(key) != nil) == (model.removeValue(forKey: key) != nil),
                        "seed \(seed) step \(step)")
                }
                if step % 997 == 0 {
                    #expect(map.count == model.count, "seed \(seed) step \(step)")
                    for probe in keys.prefix(200) { #expect(map.value(for: probe) == model[probe]) }
                }
            }
            for key in keys { #expect(map.value(for: key) == model[key], "seed \(seed)") }
        }
    }

    @Test("keeps each identifier's slot until a rebuild, which reports every move")
    func slotsMoveOnlyInRebuilds() {
        for seed: UInt64 in [4, 5] {
            let random = SeededRandomSource(seed: seed)
            var map = IdentifierSlotMap()
            // What an owner keeps beside the cells: the identifier stored at each slot.
            var beside = [Identifier?](repeating: nil, count: map.capacity)
            var model: [Identifier: UInt64] = [:]
            let keys = Self.keys(random)
            var rebuilds = 0
            for step in 0..<20_000 {
                let key = keys[Int(random.next(below: UInt64(keys.count)))]
                if random.next(below: 3) < 2 {
                    if map.isFull {
                        var rebuilt = map
                        var moves: [(Int, Int)] = []
                        rebuilt.rebuild(capacity: map.capacityForRebuild) { moves.append(($0, $1)) }
                        var moved = [Identifier?](repeating: nil, count: rebuilt.capacity)
                        for (from, to) in moves { moved[to] = beside[from] }
                        #expect(moves.count == map.count, "seed \(seed) step \(step)")
                        map = rebuilt
                        beside = moved
                        rebuilds += 1
                    }
                    let value = random.next(below: IdentifierSlotMap.largestValue)
                    let (slot, claimed) = map.claim(key, value: value)
                    #expect(claimed == (model[key] == nil), "seed \(seed) step \(step)")
                    if claimed {
                        beside[slot] = key
                        model[key] = value
                    }
                } else if let slot = map.remove(key) {
                    #expect(beside[slot] == key, "seed \(seed) step \(step)")
                    #expect(model.removeValue(forKey: key) != nil)
                    beside[slot] = nil
                } else {
                    #expect(model[key] == nil)
                }
                if step % 499 == 0 {
                    for (key, value) in model {
                        let slot = map.slot(of: key)
                        #expect(slot.map { beside[$0] } == key, "seed \(seed) step \(step)")
                        #expect(slot.map { map.value(at: $0) } == value)
                    }
                    var occupied = 0
                    map.forEachOccupiedSlot { slot in
                        occupied += 1
                        #expect(beside[slot] != nil)
                    }
                    #expect(occupied == model.count)
                }
            }
            #expect(rebuilds > 3, "seed \(seed)")
        }
    }

    @Test("stores the largest value and zero, which sit next to the cell marks")
    func storesEdgeValues() {
        var map = IdentifierSlotMap()
        let low = Identifier(high: 0, low: 1)
        let high = Identifier(high: 0, low: 2)
        map.set(0, for: low)
        map.set(IdentifierSlotMap.largestValue, for: high)
        #expect(map.value(for: low) == 0)
        #expect(map.value(for: high) == IdentifierSlotMap.largestValue)
        map.remove(low)
        #expect(map.value(for: low) == nil)
        #expect(map.value(for: high) == IdentifierSlotMap.largestValue)
        #expect(map.count == 1)
    }
}
