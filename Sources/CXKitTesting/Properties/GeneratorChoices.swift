import CXKitCore

extension Generator {
    /// One of the given values, uniformly; shrinks towards the first.
    ///
    /// - Parameter values: The values to choose from.
    /// - Returns: The generator; making a value throws ``GenerationFailure`` when `values`
    ///   is empty.
    public static func element(of values: [Value]) -> Generator<Value> {
        guard !values.isEmpty else { return failing("element(of:) was given no values") }
        return Generator<Int>.int(in: 0...(values.count - 1)).map { values[$0] }
    }

    /// A value from one of the given generators, chosen uniformly; shrinks towards the
    /// first generator, then within the chosen one.
    ///
    /// - Parameter generators: The generators to choose from.
    /// - Returns: The generator; making a value throws ``GenerationFailure`` when
    ///   `generators` is empty.
    public static func oneOf(_ generators: [Generator<Value>]) -> Generator<Value> {
        guard !generators.isEmpty else { return failing("oneOf(_:) was given no generators") }
        return Generator<Int>.int(in: 0...(generators.count - 1)).flatMap { generators[$0] }
    }

    /// A value from one of the given generators, chosen uniformly.
    ///
    /// - Parameter generators: The generators to choose from.
    /// - Returns: The generator.
    public static func oneOf(_ generators: Generator<Value>...) -> Generator<Value> {
        oneOf(generators)
    }

    /// A value from one of the given generators, chosen with the given relative weights;
    /// shrinks towards the first generator.
    ///
    /// - Parameter choices: Pairs of a weight and a generator; weights below 1 are never chosen.
    /// - Returns: The generator; making a value throws ``GenerationFailure`` when no
    ///   weight is positive.
    public static func frequency(_ choices: [(weight: Int, generator: Generator<Value>)]) -> Generator<Value>
    {
        let usable = choices.filter { $0.weight > 0 }
        let total = usable.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return failing("frequency(_:) was given no positive weight") }
        var bounds: [Int] = []
        var running = 0
        for choice in usable {
            running += choice.weight
            bounds.append(running)
        }
        let cumulative = bounds
        let generators = usable.map(\.generator)
        return Generator<Int>.int(in: 0...(total - 1)).flatMap { ticket in
            let index = cumulative.firstIndex { ticket < $0 } ?? (generators.count - 1)
            return generators[index]
        }
    }

    static func failing(_ reason: String) -> Generator<Value> {
        Generator(tree: { _, _ throws(GenerationFailure) in throw GenerationFailure(reason: reason) })
    }
}
