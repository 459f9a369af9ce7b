import Foundation
import Testing

@testable import CXKitCore

@Suite("OrderedKeyTree")
struct OrderedKeyTreeTests {
    /// Every key of `tree`, in ascending order.
    private func contents(of tree: OrderedKeyTree<Int>) -> [Int] {
        var keys: [Int] = []
        tree.visitAscending(from: nil) {
            keys.append($0)
            return true
        }
        return keys
    }

    /// Whether every node's noted key count (which searches place their probes by) equals
    /// its key buffer's count.
    private func keyCountsMatch(_ node: OrderedKeyTreeNode<Int>) -> Bool {
        node.keyCount == node.keys.count && node.children.allSatisfy(keyCountsMatch)
    }

    /// Runs random insertions, removals and scans against a sorted array.
    private func checkAgainstModel(seed: UInt64, operations: Int, keySpace: UInt64) {
        let random = SeededRandomSource(seed: seed)
        let tree = OrderedKeyTree<Int>()
        var model: [Int] = []
        for step in 0..<operations {
            let key = Int(random.next(below: keySpace))
            let context = "seed \(seed), step \(step), key \(key)"
            switch random.next(below: 12) {
            case 10, 11:
                // Replace a present (or absent) key by a near or far one.
                let old =
                    model.isEmpty || random.next(below: 4) == 0
                    ? key : model[Int(random.next(below: UInt64(model.count)))]
                let delta = Int(random.next(below: 7)) - 3
                let new = random.next(below: 3) == 0 ? Int(random.next(below: keySpace)) : old + delta
                if let position = model.firstIndex(of: old) { model.remove(at: position) }
                if !model.contains(new) {
                    model.insert(new, at: model.firstIndex { $0 > new } ?? model.count)
                }
                tree.replace(old, with: new)
            case 0..<5:
                let expected = !model.contains(key)
                if expected { model.insert(key, at: model.firstIndex { $0 > key } ?? model.count) }
                #expect(tree.insert(key) == expected, "insert: \(context)")
            case 5..<8:
                let expected = model.firstIndex(of: key)
                if let expected { model.remove(at: expected) }
                #expect(tree.remove(key) == (expected != nil), "remove: \(context)")
            case 8:
                var ascending: [Int] = []
                let isBefore: (Int) -> Bool = { $0 < key }
                tree.visitAscending(from: isBefore) {
                    ascending.append($0)
                    return ascending.count < 20
                }
                #expect(ascending == Array(model.filter { $0 >= key }.prefix(20)), "ascending: \(context)")
            default:
                var descending: [Int] = []
                let isAfter: (Int) -> Bool = { $0 > key }
                tree.visitDescending(from: isAfter) {
                    descending.append($0)
                    return descending.count < 20
                }
                #expect(
                    descending == Array(model.filter { $0 <= key }.reversed().prefix(20)),
                    "descending: \(context)")
            }
            #expect(tree.count == model.count, "count: \(context)")
            if tree.count != model.count { return }
            if step % 97 == 0 {
                #expect(keyCountsMatch(tree), "node key counts: \(context)")
            }
        }
        let all = contents(of: tree)
        #expect(all == model, "final contents, seed \(seed)")
        #expect(keyCountsMatch(tree), "final node key counts, seed \(seed)")
        var reversed: [Int] = []
        tree.visitDescending(from: nil) {
            reversed.append($0)
            return true
        }
        #expect(reversed == model.reversed(), "final reverse contents, seed \(seed)")
        #expect(tree.first == model.first && tree.last == model.last, "ends, seed \(seed)")
    }

    @Test(
        "matches a sorted array under random insertions, removals and scans", arguments: [1, 2, 3, 42, 2026])
    func matchesSortedArrayModel(seed: UInt64) {
        checkAgainstModel(seed: seed, operations: 6000, keySpace: 2000)
    }

    @Test("stays consistent while it grows large and shrinks to empty")
    func growsAndShrinks() {
        let tree = OrderedKeyTree<Int>()
        let random = SeededRandomSource(seed: 7)
        var generator = RandomSourceGenerator(random)
        let keys = (0..<20_000).map { $0 }.shuffled(using: &generator)
        for key in keys { tree.insert(key) }
        #expect(tree.count == 20_000)
        let all = contents(of: tree)
        #expect(all == Array(0..<20_000))
        for key in keys.shuffled(using: &generator) { #expect(tree.remove(key)) }
        #expect(tree.isEmpty)
        #expect(tree.first == nil)
        tree.insert(5)
        #expect(tree.contains(5))
    }

    @Test("replacing keys by nearby ones keeps a deep tree ordered and its separators right")
    func replacesInDeepTree() {
        let tree = OrderedKeyTree<Int>()
        let random = SeededRandomSource(seed: 11)
        var model = Set<Int>()
        for _ in 0..<20_000 {
            let key = Int(random.next(below: 1_000_000))
            if model.insert(key).inserted { tree.insert(key) }
        }
        var keys = Array(model)
        for step in 0..<20_000 {
            let position = Int(random.next(below: UInt64(keys.count)))
            let old = keys[position]
            let new = old + Int(random.next(below: 41)) - 20
            model.remove(old)
            model.insert(new)
            tree.replace(old, with: new)
            keys[position] = new
            if model.count != keys.count { keys = Array(model) }
            if step % 2_000 == 0 {
                #expect(tree.count == model.count, "seed 11, step \(step)")
                // Every key is still found, which needs right separators on the way down.
                #expect(keys.allSatisfy { tree.contains($0) }, "seed 11, step \(step)")
            }
        }
        let all = contents(of: tree)
        #expect(all == model.sorted())
        #expect(tree.last == model.max())
    }

    @Test("keys at the tree's two ends move outwards in place, and inner leaves' ends still move correctly")
    func replacesAtTheEdges() {
        // A single leaf: its only key may move anywhere.
        let small = OrderedKeyTree<Int>()
        small.insert(10)
        small.replace(10, with: 1_000)
        small.replace(1_000, with: -5)
        #expect(small.count == 1 && small.first == -5 && small.last == -5 && small.contains(-5))

        // A deep tree: the largest key moves further up, the smallest further down, and the
        // last key of an inner leaf moves past the next leaf's keys.
        let tree = OrderedKeyTree<Int>()
        var model = Array(stride(from: 0, to: 20_000, by: 10))
        for key in model { tree.insert(key) }
        for step in 1...50 {
            let largest = model[model.count - 1]
            tree.replace(largest, with: largest + step * 7)
            model[model.count - 1] = largest + step * 7
            let smallest = model[0]
            tree.replace(smallest, with: smallest - step * 3)
            model[0] = smallest - step * 3
        }
        // Keys in the middle move 25 up, past two neighbours: some of them are the last key
        // of a leaf that is not the rightmost, and must not be replaced in place.
        for position in stride(from: 1, to: model.count - 1, by: 7) {
            let old = model[position]
            tree.replace(old, with: old + 25)
            model[position] = old + 25
        }
        model.sort()
        let all = contents(of: tree)
        #expect(all == model)
        #expect(tree.first == model.first && tree.last == model.last)
        #expect(model.allSatisfy { tree.contains($0) })
        // Inserting above the largest still takes the rightmost path correctly.
        let above = (model.last ?? 0) + 1
        #expect(tree.insert(above) && tree.last == above)
    }

    @Test("ascending insertions mixed with removals and inner insertions keep a deep tree ordered")
    func ascendingInsertionsStayOrdered() {
        let tree = OrderedKeyTree<Int>()
        let random = SeededRandomSource(seed: 13)
        var model = Set<Int>()
        var next = 0
        for step in 0..<40_000 {
            switch random.next(below: 10) {
            case 0..<7:
                // Above every key: the rightmost path, with no search.
                next += 1 + Int(random.next(below: 3))
                #expect(tree.insert(next), "seed 13, step \(step)")
                model.insert(next)
            case 7:
                let key = Int(random.next(below: UInt64(next + 1)))
                #expect(tree.insert(key) == model.insert(key).inserted, "seed 13, step \(step)")
            default:
                let key = Int(random.next(below: UInt64(next + 1)))
                #expect(tree.remove(key) == (model.remove(key) != nil), "seed 13, step \(step)")
            }
            if step % 4_000 == 0 {
                #expect(tree.last == model.max(), "seed 13, step \(step)")
                #expect(model.allSatisfy { tree.contains($0) }, "seed 13, step \(step)")
            }
        }
        let all = contents(of: tree)
        #expect(all == model.sorted())
        #expect(tree.count == model.count)
        #expect(keyCountsMatch(tree))
    }

    @Test("a one-key tree reserves room for one key, and a growing leaf adds at least four at a time")
    func leafRoom() {
        let tree = OrderedKeyTree<Int>()
        tree.insert(10)
        #expect(tree.keys.capacity < 4, "room for one key, rounded up by the allocator")
        tree.insert(20)
        #expect(tree.keys.capacity >= 5)
        for key in 3..<40 { tree.insert(key * 100) }
        #expect(tree.keys.capacity <= OrderedKeyTree<Int>.maximumFill + 1)
        #expect(tree.count == 39)
    }

    @Test("rejects duplicate insertions and ignores missing removals")
    func duplicatesAndMissing() {
        let tree = OrderedKeyTree<Int>()
        #expect(tree.insert(1))
        #expect(!tree.insert(1))
        #expect(!tree.remove(2))
        #expect(tree.count == 1)
    }
}

@Suite("IndexEntry order")
struct IndexEntryOrderTests {
    @Test("orders like IndexValue arrays then identifiers, for mixed and Unicode keys")
    func matchesReferenceOrder() {
        let random = SeededRandomSource(seed: 77)
        let strings = [
            "", "a", "ab", "b", "é", "e\u{301}", "z", "ä", "😀", "a\u{0}", "a\u{0}b", "a\u{1}",
            String(repeating: "long ", count: 9), String(repeating: "long ", count: 9) + "x",
        ]
        func value() -> IndexValue {
            switch random.next(below: 6) {
            case 0: .bool(random.next(below: 2) == 0)
            case 1: .int(Int64(random.next(below: 5)) - 2)
            case 2: .double(Double(random.next(below: 5)) / 2)
            case 3: .string(strings[Int(random.next(below: UInt64(strings.count)))])
            case 4: .identifier(Identifier(high: random.next(below: 3), low: 0))
            default: .date(Date(timeIntervalSince1970: Double(random.next(below: 3))))
            }
        }
        for step in 0..<5000 {
            let a = (0..<Int(random.next(below: 4))).map { _ in value() }
            let b = random.next(below: 3) == 0 ? a : (0..<Int(random.next(below: 4))).map { _ in value() }
            let (idA, idB) = (
                Identifier(high: 0, low: random.next(below: 2)),
                Identifier(high: 0, low: random.next(below: 2))
            )
            let sameSort = !a.precedes(b) && !b.precedes(a)
            let reference = sameSort ? idA < idB : a.precedes(b)
            let entryA = IndexEntry(key: IndexKey(sort: a).encoded, id: idA)
            let entryB = IndexEntry(key: IndexKey(sort: b).encoded, id: idB)
            #expect(entryA.key.sortValues == a, "seed 77, step \(step)")
            #expect((entryA < entryB) == reference, "seed 77, step \(step)")
            #expect((entryA == entryB) == (sameSort && idA == idB), "seed 77, step \(step)")
        }
    }

    @Test("a partition's keys sort together, after shorter partitions' and bounded by its successor")
    func partitionsAreContiguous() {
        let random = SeededRandomSource(seed: 78)
        for step in 0..<2000 {
            let partition: [IndexValue] = (0..<Int(random.next(below: 3))).map { _ in
                .int(Int64(random.next(below: 3)))
            }
            var writer = IndexKeyWriter(partitionCount: partition.count)
            for value in partition { writer.append(value) }
            let sort: [IndexValue] = [.int(Int64(random.next(below: 5)) - 2), .string("x")]
            let key = IndexKey(partition: partition, sort: sort).encoded
            #expect(EncodedIndexKey.compare(writer.key, key) < 0, "seed 78, step \(step)")
            #expect(EncodedIndexKey.compare(key, writer.successorOfPrefix) < 0, "seed 78, step \(step)")
            #expect(key.sortValues == sort, "seed 78, step \(step)")
            // A key whose partition has one component fewer never falls inside the range.
            let shorter = IndexKey(partition: Array(partition.dropLast()), sort: partition.suffix(1) + sort)
                .encoded
            if !partition.isEmpty {
                let inside =
                    EncodedIndexKey.compare(writer.key, shorter) <= 0
                    && EncodedIndexKey.compare(shorter, writer.successorOfPrefix) < 0
                #expect(!inside, "seed 78, step \(step)")
            }
        }
    }
}
