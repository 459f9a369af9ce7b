/// The partitions of one secondary index: a hash map from an encoded partition key to the
/// tree of that partition's entries, stored flat.
///
/// Each cell holds the key's inline words and the tree together, so finding a partition
/// costs about one cache miss, where a `Dictionary` touches its bitmap, key and value
/// arrays separately; an index by customer has as many partitions as customers, and a
/// commit that moves a record within one pays that lookup for every such index. The hash
/// is a multiply-xor mix of the inline words rather than a seeded SipHash: partition keys
/// come from the host's own records, and a collision only costs a longer probe.
///
/// Open addressing with linear probing; removal shifts the following cells back, so no
/// tombstones accumulate. The table doubles at 70 % load.
struct PartitionTreeMap {
    private struct Cell {
        var key: EncodedIndexKey
        /// `nil` marks an empty cell.
        var tree: OrderedKeyTree<IndexEntry>?
    }

    private var cells: ContiguousArray<Cell>
    private var mask: Int
    private(set) var count = 0

    /// An empty map.
    init() {
        cells = ContiguousArray(repeating: Cell(key: .minimum, tree: nil), count: 8)
        mask = 7
    }

    @inline(__always)
    private static func hash(_ key: EncodedIndexKey) -> Int {
        var x = key.w0 &* 0x9E37_79B9_7F4A_7C15
        x ^= (key.w1 ^ (x >> 29)) &* 0xBF58_476D_1CE4_E5B9
        x ^= (key.w2 ^ (x >> 31)) &* 0x94D0_49BB_1331_11EB
        x ^= (key.w3 ^ (x >> 27)) &* 0x9E37_79B9_7F4A_7C15
        if let overflow = key.overflow {
            for byte in overflow { x = (x ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        x ^= x >> 32
        return Int(truncatingIfNeeded: x)
    }

    /// The tree of the partition `key`, or `nil` when the partition has no entry.
    @inline(__always)
    subscript(key: EncodedIndexKey) -> OrderedKeyTree<IndexEntry>? {
        var index = Self.hash(key) & mask
        while true {
            guard let tree = cells[index].tree else { return nil }
            if cells[index].key == key { return tree }
            index = (index &+ 1) & mask
        }
    }

    /// Stores `tree` as the partition `key`'s tree; the key must not be present yet.
    mutating func insert(_ tree: OrderedKeyTree<IndexEntry>, for key: EncodedIndexKey) {
        if (count + 1) * 10 > cells.count * 7 { grow() }
        var index = Self.hash(key) & mask
        while cells[index].tree != nil { index = (index &+ 1) & mask }
        cells[index] = Cell(key: key, tree: tree)
        count += 1
    }

    /// Removes the partition `key`, if present.
    mutating func remove(_ key: EncodedIndexKey) {
        var index = Self.hash(key) & mask
        while true {
            guard cells[index].tree != nil else { return }
            if cells[index].key == key { break }
            index = (index &+ 1) & mask
        }
        // Backward-shift deletion: pull each following cell of the run into the hole when
        // its home position does not lie strictly between the hole and the cell.
        var hole = index
        var next = (hole &+ 1) & mask
        while cells[next].tree != nil {
            let home = Self.hash(cells[next].key) & mask
            let distanceToNext = (next &- home) & mask
            let distanceToHole = (hole &- home) & mask
            if distanceToHole < distanceToNext {
                cells[hole] = cells[next]
                hole = next
            }
            next = (next &+ 1) & mask
        }
        cells[hole] = Cell(key: .minimum, tree: nil)
        count -= 1
    }

    /// Every partition's tree, in no particular order.
    var trees: [OrderedKeyTree<IndexEntry>] { cells.compactMap(\.tree) }

    private mutating func grow() {
        let old = cells
        let capacity = old.count * 2
        cells = ContiguousArray(repeating: Cell(key: .minimum, tree: nil), count: capacity)
        mask = capacity - 1
        for cell in old where cell.tree != nil {
            var index = Self.hash(cell.key) & mask
            while cells[index].tree != nil { index = (index &+ 1) & mask }
            cells[index] = cell
        }
    }
}
