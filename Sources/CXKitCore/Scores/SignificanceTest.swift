/// The result of a two-sided z-test comparing two samples (this period against the last,
/// one segment against another).
public struct SignificanceTest: Hashable, Sendable {
    /// The first sample's score minus the second's, in the metric's unit.
    public let difference: Double
    /// The z statistic.
    public let z: Double
    /// The two-sided p-value, P(|Z| ≥ |z|).
    public let pValue: Double

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - difference: The difference between the scores.
    ///   - z: The z statistic.
    public init(difference: Double, z: Double) {
        self.difference = difference
        self.z = z
        self.pValue = StandardNormal.twoSidedPValue(z)
    }

    /// Whether the difference is significant at a confidence level (0.95: p < 0.05).
    ///
    /// - Parameter confidenceLevel: The level, strictly between 0 and 1.
    /// - Returns: `true` when the p-value is below `1 − confidenceLevel`.
    public func isSignificant(at confidenceLevel: Double = 0.95) -> Bool {
        pValue < 1 - confidenceLevel
    }
}
