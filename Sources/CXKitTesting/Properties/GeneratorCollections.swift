import CXKitCore

extension Generator {
    /// Arrays of values from `element`.
    ///
    /// The length is uniform between the range's lower bound and the smaller of its upper
    /// bound and lower bound + size, so early cases of a run are short. A failing array
    /// shrinks by removing chunks (the whole removable part first, then halves, quarters …
    /// down to single elements, never below the lower bound), then by shrinking single
    /// elements.
    ///
    /// - Parameters:
    ///   - element: The generator of elements.
    ///   - count: The allowed lengths; a negative lower bound counts as zero.
    /// - Returns: The generator.
    public static func array<Element>(of element: Generator<Element>, count: ClosedRange<Int> = 0...100)
        -> Generator<[Element]>
    where Value == [Element] {
        let minimum = max(0, count.lowerBound)
        let maximum = max(minimum, count.upperBound)
        let makeElement = element.makeTree
        return Generator(tree: { random, size throws(GenerationFailure) in
            let grown = minimum.addingReportingOverflow(max(0, size))
            let upper = grown.overflow ? maximum : min(maximum, grown.partialValue)
            let length = minimum + Int(random.next(below: UInt64(upper - minimum + 1)))
            var trees: [ShrinkTree<Element>] = []
            trees.reserveCapacity(length)
            for _ in 0..<length { trees.append(try makeElement(random, size)) }
            return ShrinkTree<[Element]>.list(trees, minimumCount: minimum)
        })
    }

    /// Sequences of commands for model-based tests: arrays whose shrinking removes commands
    /// (chunks first, then single commands anywhere in the sequence) before simplifying
    /// the remaining ones. See ``StatefulProperty``.
    ///
    /// - Parameters:
    ///   - command: The generator of single commands.
    ///   - length: The allowed sequence lengths.
    /// - Returns: The generator.
    public static func commands<Command>(
        _ command: Generator<Command>, length: ClosedRange<Int> = 0...50
    ) -> Generator<[Command]> where Value == [Command] {
        array(of: command, count: length)
    }
}
