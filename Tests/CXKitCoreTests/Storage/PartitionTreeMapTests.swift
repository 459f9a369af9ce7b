import Testing

@testable import CXKitCore

@Suite("PartitionTreeMap")
struct PartitionTreeMapTests {
    /// A partition key from a small space of customer identifiers and statuses, some long
    /// enough to spill past the inline words.
    private static func partition(_ number: UInt64) -> EncodedIndexKey {
        switch number % 3 {
        case 0: IndexKey(partition: [.identifier(Identifier(high: 1, low: number))]).encodedPartition
        case 1: IndexKey(partition: [.int(Int64(number))]).encodedPartition
        default:
            IndexKey(partition: [.string("a partition name longer than thirty-two bytes \(number)")])
                .encodedPartition
        }
    }

    @Test("matches a dictionary under random inserts and removals, through growth and backward shifts")
    func matchesDictionary() {
        for seed: UInt64 in [1, 2, 3] {
            let random = SeededRandomSource(seed: seed)
            var map = PartitionTreeMap()
            var model: [EncodedIndexKey: OrderedKeyTree<IndexEntry>] = [:]
            // A small key space makes removals hit present keys and runs of colliding cells.
            let keys = (0..<600).map { Self.partition($0) }
            for step in 0..<20_000 {
                let key = keys[Int(random.next(below: UInt64(keys.count)))]
                if random.next(below: 3) < 2 {
                    if model[key] == nil {
                        let tree = OrderedKeyTree<IndexEntry>()
                        map.insert(tree, for: key)
                        model[key] = tree
                    }
                } else {
                    map.remove(key)
                    model[key] = nil
                }
                if step % 499 == 0 {
                    #expect(map.count == model.count, "seed \(seed) step \(step)")
                    for probe in keys { #expect(map[probe] === model[probe], "seed \(seed) step \(step)") }
                }
            }
            #expect(map.trees.count == model.count)
            for key in keys { #expect(map[key] === model[key], "seed \(seed)") }
        }
    }
}
