/// The entries of one partition of a secondary index: a lone entry held as it is, or a
/// tree once the partition has had two.
///
/// Many indexes partition by a value most records do not share (an index by order, by
/// customer or by tracking number), so most of their partitions hold one entry. Keeping
/// that entry in the partition map spares the tree, its root node and their key buffer:
/// three allocations when the record is stored, and three dependent loads each time the
/// entry is read or moved.
enum IndexPartition {
    /// A partition with exactly one entry.
    case one(IndexEntry)
    /// A partition that has held two entries or more (it may be down to one again).
    case many(OrderedKeyTree<IndexEntry>)

    /// The number of entries.
    var count: Int {
        switch self {
        case .one: 1
        case .many(let tree): tree.count
        }
    }
}
