import CXKitCore

/// Makes random values of one type for property tests, and knows how to make a failing
/// value smaller.
///
/// A generator is a function from a ``RandomSource`` and a *size* (a hint, growing from
/// 0 to ``PropertyCheck/maxSize`` over a run, that bounds collection lengths) to a value,
/// plus a shrinker producing smaller candidates. Generators compose with ``map(_:)``,
/// ``flatMap(_:)``, ``filter(maxAttempts:_:)`` and ``zip(_:)``, and the composition keeps
/// shrinking (each value remembers how it was made), so a failing
/// `Generator.int(in: 0...1000).map { Order(quantity: $0) }` shrinks the quantity.
///
/// ```swift
/// let quantities = Generator.int(in: 1...99)
/// let baskets = Generator.array(of: quantities, count: 0...20)
/// try await forAll(baskets) { basket in
///     try PropertyCheck.expect(basket.reduce(0, +) >= 0, "sum is never negative")
/// }
/// ```
public struct Generator<Value: Sendable>: Sendable {
    let makeTree: @Sendable (any RandomSource, Int) throws(GenerationFailure) -> ShrinkTree<Value>

    init(tree: @escaping @Sendable (any RandomSource, Int) throws(GenerationFailure) -> ShrinkTree<Value>) {
        self.makeTree = tree
    }

    /// Creates a generator from a generating function and a shrinker.
    ///
    /// - Parameters:
    ///   - generate: Makes a value from random bits and the current size.
    ///   - shrink: Returns smaller candidates for a value, most aggressive first; the
    ///     candidates are shrunk again in turn. Defaults to no shrinking.
    public init(
        generate: @escaping @Sendable (any RandomSource, Int) -> Value,
        shrink: @escaping @Sendable (Value) -> [Value] = { _ in [] }
    ) {
        self.makeTree = { random, size in ShrinkTree.unfold(generate(random, size), shrink: shrink) }
    }

    /// Makes one value.
    ///
    /// - Parameters:
    ///   - random: The source of random bits.
    ///   - size: The size hint (collection lengths grow with it).
    /// - Returns: The value.
    /// - Throws: ``GenerationFailure`` when a filter rejected every attempt or a choice was
    ///   made from an empty collection.
    public func generate(using random: any RandomSource, size: Int = 30) throws(GenerationFailure) -> Value {
        try makeTree(random, max(0, size)).value
    }

    /// Makes `count` values from a seed: the same seed always gives the same values.
    ///
    /// - Parameters:
    ///   - seed: The seed.
    ///   - count: How many values to make.
    ///   - size: The size hint for every value.
    /// - Returns: The values.
    /// - Throws: ``GenerationFailure`` when a value cannot be made.
    public func samples(seed: UInt64, count: Int, size: Int = 30) throws(GenerationFailure) -> [Value] {
        let random = SeededRandomSource(seed: seed)
        var values: [Value] = []
        values.reserveCapacity(max(0, count))
        for _ in 0..<max(0, count) { values.append(try makeTree(random, max(0, size)).value) }
        return values
    }

    /// A generator that always makes `value` and never shrinks.
    ///
    /// - Parameter value: The value.
    /// - Returns: The generator.
    public static func constant(_ value: Value) -> Generator<Value> {
        Generator(tree: { _, _ in ShrinkTree(value: value) })
    }

    /// A generator whose shape depends on the size hint.
    ///
    /// - Parameter make: Returns the generator to use for a size.
    /// - Returns: The generator.
    public static func sized(_ make: @escaping @Sendable (Int) -> Generator<Value>) -> Generator<Value> {
        Generator(tree: { random, size throws(GenerationFailure) in try make(size).makeTree(random, size) })
    }

    /// Transforms every value; shrinking shrinks the original and transforms the candidates.
    ///
    /// - Parameter transform: The transformation.
    /// - Returns: The transformed generator.
    public func map<T>(_ transform: @escaping @Sendable (Value) -> T) -> Generator<T> {
        let makeTree = self.makeTree
        return Generator<T>(tree: { random, size throws(GenerationFailure) in
            try makeTree(random, size).map(transform)
        })
    }

    /// Chooses the next generator from a generated value (also called *bind*).
    ///
    /// Shrinking first shrinks the first value (regenerating the second from the same
    /// random bits), then the second.
    ///
    /// - Parameter transform: Returns the generator for the second value.
    /// - Returns: The combined generator.
    public func flatMap<T>(_ transform: @escaping @Sendable (Value) -> Generator<T>) -> Generator<T> {
        let makeTree = self.makeTree
        return Generator<T>(tree: { random, size throws(GenerationFailure) in
            let outer = try makeTree(random, size)
            let innerSeed = random.nextUInt64()
            let first = try transform(outer.value).makeTree(SeededRandomSource(seed: innerSeed), size)
            let regenerate: (Value) -> ShrinkTree<T>? = { value in
                try? transform(value).makeTree(SeededRandomSource(seed: innerSeed), size)
            }
            let children = outer.children
            return ShrinkTree<T>(value: first.value) {
                children().compactMap { $0.bind(regenerate) } + first.children()
            }
        })
    }

    /// Keeps only values that satisfy `isIncluded`, retrying a bounded number of times;
    /// shrink candidates that fail it are skipped.
    ///
    /// - Parameters:
    ///   - maxAttempts: How many values to try before giving up.
    ///   - isIncluded: The condition values must meet.
    /// - Returns: The filtered generator; making a value throws ``GenerationFailure`` when
    ///   `maxAttempts` values in a row were rejected.
    public func filter(
        maxAttempts: Int = 100, _ isIncluded: @escaping @Sendable (Value) -> Bool
    ) -> Generator<Value> {
        let makeTree = self.makeTree
        return Generator(tree: { random, size throws(GenerationFailure) in
            for attempt in 0..<max(1, maxAttempts) {
                // Grow the size a little on every retry, as small sizes may make the
                // condition impossible.
                let grown = size.addingReportingOverflow(attempt / 10)
                let tree = try makeTree(random, grown.overflow ? size : grown.partialValue)
                if isIncluded(tree.value) { return tree.filtered(isIncluded) }
            }
            throw GenerationFailure(reason: "filter rejected \(max(1, maxAttempts)) values in a row")
        })
    }

    /// Pairs the values of two generators; each shrinks independently.
    ///
    /// - Parameter other: The second generator.
    /// - Returns: A generator of pairs.
    public func zip<T>(_ other: Generator<T>) -> Generator<(Value, T)> {
        let makeTree = self.makeTree
        let makeOther = other.makeTree
        return Generator<(Value, T)>(tree: { random, size throws(GenerationFailure) in
            try makeTree(random, size).zip(try makeOther(random, size))
        })
    }

    /// Replaces how values shrink.
    ///
    /// - Parameter shrink: Returns smaller candidates for a value, most aggressive first.
    /// - Returns: A generator making the same values with the new shrinker.
    public func shrinking(with shrink: @escaping @Sendable (Value) -> [Value]) -> Generator<Value> {
        let makeTree = self.makeTree
        return Generator(tree: { random, size throws(GenerationFailure) in
            ShrinkTree.unfold(try makeTree(random, size).value, shrink: shrink)
        })
    }

    /// The same values, never shrunk.
    ///
    /// - Returns: A generator without shrinking.
    public func withoutShrinking() -> Generator<Value> {
        let makeTree = self.makeTree
        return Generator(tree: { random, size throws(GenerationFailure) in
            ShrinkTree(value: try makeTree(random, size).value)
        })
    }

    /// Makes `nil` about one time in `nilOneIn`, a value otherwise; shrinks to `nil` first.
    ///
    /// - Parameter nilOneIn: The odds of `nil` (default 1 in 5); values below 2 are treated as 2.
    /// - Returns: A generator of optionals.
    public func optional(nilOneIn: Int = 5) -> Generator<Value?> {
        let makeTree = self.makeTree
        let odds = UInt64(max(2, nilOneIn))
        return Generator<Value?>(tree: { random, size throws(GenerationFailure) in
            guard random.next(below: odds) != 0 else { return ShrinkTree(value: nil) }
            let tree = try makeTree(random, size).map { Optional($0) }
            let children = tree.children
            return ShrinkTree(value: tree.value) { [ShrinkTree(value: nil)] + children() }
        })
    }

    /// Makes arrays of this generator's values.
    ///
    /// - Parameter count: The allowed lengths; see ``array(of:count:)``.
    /// - Returns: A generator of arrays.
    public func array(count: ClosedRange<Int> = 0...100) -> Generator<[Value]> {
        .array(of: self, count: count)
    }
}
