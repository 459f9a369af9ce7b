/// A score computed from a sample, with its uncertainty: NPS in points (−100…100),
/// shares in percent (0…100), means in scale units.
///
/// Produced by ``ScoreStatistics`` and ``ScoreDistribution``; an empty sample produces no
/// estimate at all (`nil`), never NaN.
public struct ScoreEstimate: Hashable, Sendable {
    /// How many answers the estimate is based on.
    public let sampleSize: Int64
    /// The observed score (for the adjusted-Wald NPS interval too: the raw NPS).
    public let value: Double
    /// The standard error in the same unit; `nil` when the sample cannot show variability
    /// (a mean from one answer).
    public let standardError: Double?
    /// The confidence level of the interval (0.95 for 95%).
    public let confidenceLevel: Double
    /// The half-width of the interval before any clamping to the metric's range; `nil` with
    /// ``standardError``.
    public let marginOfError: Double?
    /// The interval's lower end; `nil` with ``standardError``.
    public let lowerBound: Double?
    /// The interval's upper end; `nil` with ``standardError``.
    public let upperBound: Double?

    /// Creates an estimate.
    ///
    /// - Parameters:
    ///   - sampleSize: The number of answers.
    ///   - value: The observed score.
    ///   - standardError: Its standard error, if defined.
    ///   - confidenceLevel: The interval's confidence level.
    ///   - marginOfError: The interval's half-width, if defined.
    ///   - lowerBound: The interval's lower end, if defined.
    ///   - upperBound: The interval's upper end, if defined.
    public init(
        sampleSize: Int64, value: Double, standardError: Double?, confidenceLevel: Double,
        marginOfError: Double?, lowerBound: Double?, upperBound: Double?
    ) {
        self.sampleSize = sampleSize
        self.value = value
        self.standardError = standardError
        self.confidenceLevel = confidenceLevel
        self.marginOfError = marginOfError
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// The confidence interval, when defined.
    public var interval: ClosedRange<Double>? {
        guard let lowerBound, let upperBound, lowerBound <= upperBound else { return nil }
        return lowerBound...upperBound
    }
}
