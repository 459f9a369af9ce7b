import Testing

@testable import CXKitCore

@Suite("IdentifierSlotMap")
struct IdentifierSlotMapTests {
    @Test("matches a dictionary under random sets, replacements and removals, through growth and tombstones")
    func matchesDictionary() {
        for seed: UInt64 in [1, 2, 3] {
            let random = SeededRandomSource(seed: seed)
            var map = IdentifierSlotMap()
            var model: [Identifier: Int] = [:]
            // A small key space forces replacements, removals of present keys and tombstone reuse.
            let keys = (0..<2_000).map { _ in
                Identifier(high: random.next(below: 3), low: random.next(below: 1_000_000))
            }
            for step in 0..<40_000 {
                let key = keys[Int(random.next(below: UInt64(keys.count)))]
                switch random.next(below: 3) {
                case 0, 1:
                    let slot = Int(random.next(below: 1_000_000))
                    map.set(slot, for: key)
                    model[key] = slot
                default:
                    #expect(map.remove(key) == model.removeValue(forKey: key), "seed \(seed) step \(step)")
                }
                if step % 997 == 0 {
                    #expect(map.count == model.count, "seed \(seed) step \(step)")
                    for probe in keys.prefix(200) { #expect(map.slot(of: probe) == model[probe]) }
                }
            }
            for key in keys { #expect(map.slot(of: key) == model[key], "seed \(seed)") }
        }
    }
}
