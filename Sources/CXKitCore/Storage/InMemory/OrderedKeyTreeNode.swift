/// A node of an ``OrderedKeyTree``: a leaf holds keys in order; an inner node holds its
/// children and, for each child, the largest key below it. The tree object is its own
/// root node.
///
/// Not thread-safe: the tree's owner guards it.
class OrderedKeyTreeNode<Key: Comparable> {
    // The tree is only ever touched under its owner's lock and never re-entered, so the
    // dynamic exclusivity checks class properties would otherwise pay are skipped.

    /// Leaf: the keys. Inner node: the largest key of each child.
    @exclusivity(unchecked) final var keys: ContiguousArray<Key> {
        didSet { keyCount = keys.count }
    }
    /// `keys.count`, kept in the node itself: a search reads it from the line it has just
    /// loaded to reach the keys, and so places its first probes without waiting for the
    /// key buffer's header, which usually lies in another line not yet in cache.
    @exclusivity(unchecked) final private(set) var keyCount: Int
    /// Inner node: the children (as many as `keys`). Leaf: empty.
    @exclusivity(unchecked) final var children: ContiguousArray<OrderedKeyTreeNode<Key>>

    init(keys: ContiguousArray<Key> = [], children: ContiguousArray<OrderedKeyTreeNode<Key>> = []) {
        self.keys = keys
        self.keyCount = keys.count
        self.children = children
    }

    /// Whether the node is a leaf.
    final var isLeaf: Bool { children.isEmpty }
}
