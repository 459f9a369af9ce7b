import CXKitCore

/// Convenience draws over a seeded random source for fixture generation.
struct FixtureRandom {
    let source: SeededRandomSource

    init(seed: UInt64) { self.source = SeededRandomSource(seed: seed) }

    /// A uniform integer in `range`.
    func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(source.next(below: UInt64(range.upperBound - range.lowerBound) + 1))
    }

    /// `true` with the given probability in percent.
    func chance(_ percent: Int) -> Bool { int(in: 0...99) < percent }

    /// A uniformly chosen element of a non-empty array.
    func pick<Element>(_ elements: [Element]) -> Element {
        elements[int(in: 0...(elements.count - 1))]
    }

    /// An index chosen with the given positive weights.
    func weightedIndex(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var ticket = int(in: 0...(total - 1))
        for (index, weight) in weights.enumerated() {
            if ticket < weight { return index }
            ticket -= weight
        }
        return weights.count - 1
    }

    /// A whole number of seconds in `range`.
    func seconds(in range: ClosedRange<Int>) -> Double { Double(int(in: range)) }
}
