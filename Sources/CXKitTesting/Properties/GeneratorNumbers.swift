import CXKitCore

extension Generator {
    /// Uniformly distributed integers in a range, shrinking towards zero (or towards the
    /// bound nearest zero when the range excludes it) by halving the distance.
    ///
    /// - Parameter range: The allowed values; any width up to the full range of `Value`.
    /// - Returns: The generator.
    public static func integer(in range: ClosedRange<Value>) -> Generator<Value>
    where Value: FixedWidthInteger {
        let lower = range.lowerBound
        let upper = range.upperBound
        let span = UInt64(truncatingIfNeeded: Value.Magnitude(truncatingIfNeeded: upper &- lower))
        let origin: Value = range.contains(0) ? 0 : (lower > 0 ? lower : upper)
        return Generator(tree: { random, _ in
            let offset = span == .max ? random.nextUInt64() : random.next(below: span &+ 1)
            let value = lower &+ Value(truncatingIfNeeded: offset)
            return ShrinkTree.unfold(value) { towards(origin, from: $0) }
        })
    }

    /// Candidates between `origin` and `value`: the origin, then `value` moved towards it by
    /// halving distances (so the last candidate is one step away).
    static func towards(_ origin: Value, from value: Value) -> [Value] where Value: FixedWidthInteger {
        guard value != origin else { return [] }
        var candidates = [origin]
        var distance = value / 2 - origin / 2
        while distance != 0 {
            let candidate = value - distance
            if candidate != origin && candidate != value { candidates.append(candidate) }
            distance /= 2
        }
        let oneStep = value > origin ? value - 1 : value + 1
        if oneStep != origin && candidates.last != oneStep { candidates.append(oneStep) }
        return candidates
    }

    /// Uniformly distributed `Int`s in a range, shrinking towards zero.
    ///
    /// - Parameter range: The allowed values.
    /// - Returns: The generator.
    public static func int(in range: ClosedRange<Int>) -> Generator<Int> where Value == Int {
        integer(in: range)
    }

    /// Uniformly distributed doubles in a range, shrinking towards zero (or the bound
    /// nearest zero), whole numbers and halved distances.
    ///
    /// - Parameter range: The allowed values; infinite bounds are clamped to the largest
    ///   finite magnitude.
    /// - Returns: The generator.
    public static func double(in range: ClosedRange<Double>) -> Generator<Double> where Value == Double {
        let lower = max(range.lowerBound, -Double.greatestFiniteMagnitude)
        let upper = min(range.upperBound, Double.greatestFiniteMagnitude)
        let origin: Double = (lower...upper).contains(0) ? 0 : (lower > 0 ? lower : upper)
        return Generator(tree: { random, _ in
            let unit = random.nextUnitInterval()
            var value = lower * (1 - unit) + upper * unit
            if !(lower...upper).contains(value) { value = lower }
            return ShrinkTree.unfold(value) { current in
                guard current != origin, current.isFinite else { return [] }
                var candidates = [origin]
                let whole = current.rounded(.towardZero)
                if whole != current && (lower...upper).contains(whole) { candidates.append(whole) }
                var distance = (current - origin) / 2
                for _ in 0..<8 where distance != 0 {
                    candidates.append(current - distance)
                    distance /= 2
                }
                return candidates.filter { $0 != current && (lower...upper).contains($0) }
            }
        })
    }
}

extension Generator where Value == UInt64 {
    /// Any 64-bit unsigned integer, shrinking towards zero.
    public static var uint64: Generator<UInt64> { integer(in: 0...UInt64.max) }
}

extension Generator where Value == Bool {
    /// `false` or `true` with equal odds; shrinks to `false`.
    public static var bool: Generator<Bool> { element(of: [false, true]) }
}
