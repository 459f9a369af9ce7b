/// A generator could not produce a value: a `filter` rejected every attempt, or a choice
/// was made from an empty collection. ``forAll(_:count:seed:shrinkLimit:fileID:line:isolation:_:)``
/// rethrows it with the seed and case filled in.
public struct GenerationFailure: Error, CustomStringConvertible {
    /// What went wrong.
    public let reason: String
    /// The run's seed, when known.
    public let seed: UInt64?
    /// The case being generated, when known.
    public let caseIndex: Int?

    /// Creates a failure.
    ///
    /// - Parameters:
    ///   - reason: What went wrong.
    ///   - seed: The run's seed, when known.
    ///   - caseIndex: The case being generated, when known.
    public init(reason: String, seed: UInt64? = nil, caseIndex: Int? = nil) {
        self.reason = reason
        self.seed = seed
        self.caseIndex = caseIndex
    }

    /// The reason, with the seed and case when known.
    public var description: String {
        var text = "Generation failed: \(reason)"
        if let seed { text += " (seed \(seed)" + (caseIndex.map { ", case \($0)" } ?? "") + ")" }
        return text
    }
}
