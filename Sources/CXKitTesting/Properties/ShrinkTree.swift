/// A generated value together with its lazily computed smaller candidates, each of which
/// has its own candidates (a rose tree). Generators build these so that `map`, `flatMap`,
/// `zip` and collections shrink without needing an inverse function (integrated
/// shrinking, as in Hedgehog).
struct ShrinkTree<Value> {
    /// The value at this node.
    let value: Value
    /// The smaller candidates, most aggressive first.
    let children: () -> [ShrinkTree<Value>]

    init(value: Value, children: @escaping () -> [ShrinkTree<Value>] = { [] }) {
        self.value = value
        self.children = children
    }

    /// A tree built by applying a value-based shrinker again and again.
    static func unfold(_ value: Value, shrink: @escaping (Value) -> [Value]) -> ShrinkTree<Value> {
        ShrinkTree(value: value) { shrink(value).map { unfold($0, shrink: shrink) } }
    }

    func map<T>(_ transform: @escaping (Value) -> T) -> ShrinkTree<T> {
        let children = self.children
        return ShrinkTree<T>(value: transform(value)) { children().map { $0.map(transform) } }
    }

    /// The tree with every candidate that fails `isIncluded` (and its subtree) removed.
    func filtered(_ isIncluded: @escaping (Value) -> Bool) -> ShrinkTree<Value> {
        let children = self.children
        return ShrinkTree(value: value) {
            children().filter { isIncluded($0.value) }.map { $0.filtered(isIncluded) }
        }
    }

    /// Monadic bind: shrink the outer value first (regenerating the inner tree for each
    /// candidate), then the inner value.
    func bind<T>(_ transform: @escaping (Value) -> ShrinkTree<T>?) -> ShrinkTree<T>? {
        guard let inner = transform(value) else { return nil }
        let children = self.children
        return ShrinkTree<T>(value: inner.value) {
            children().compactMap { $0.bind(transform) } + inner.children()
        }
    }

    /// Pairs two trees: shrink the first while keeping the second, then the second.
    func zip<T>(_ other: ShrinkTree<T>) -> ShrinkTree<(Value, T)> {
        let children = self.children
        return ShrinkTree<(Value, T)>(value: (value, other.value)) {
            children().map { $0.zip(other) } + other.children().map { self.zip($0) }
        }
    }

    /// A list of trees as a tree of lists: candidates remove chunks (the largest first,
    /// never going below `minimumCount`), then shrink one element at a time.
    static func list<Element>(_ trees: [ShrinkTree<Element>], minimumCount: Int) -> ShrinkTree<[Element]>
    where Value == [Element] {
        ShrinkTree<[Element]>(value: trees.map(\.value)) {
            var candidates: [ShrinkTree<[Element]>] = []
            let count = trees.count
            var chunk = count - minimumCount
            while chunk > 0 {
                var start = 0
                while start + chunk <= count {
                    var smaller = trees
                    smaller.removeSubrange(start..<(start + chunk))
                    candidates.append(list(smaller, minimumCount: minimumCount))
                    start += chunk
                }
                chunk /= 2
            }
            for index in trees.indices {
                for child in trees[index].children() {
                    var shrunk = trees
                    shrunk[index] = child
                    candidates.append(list(shrunk, minimumCount: minimumCount))
                }
            }
            return candidates
        }
    }
}
