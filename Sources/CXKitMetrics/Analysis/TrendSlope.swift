/// A least-squares linear trend through a series, with the slope's confidence interval.
public struct TrendSlope: Hashable, Sendable, Codable {
    /// Change per period (per point of the series) in the KPI's unit.
    public let slope: Double
    /// The fitted value at the first point.
    public let intercept: Double
    /// The slope's standard error.
    public let standardError: Double
    /// The interval's confidence level.
    public let confidenceLevel: Double
    /// The interval's lower end.
    public let lowerBound: Double
    /// The interval's upper end.
    public let upperBound: Double
    /// How many points were fitted.
    public let sampleSize: Int

    /// Creates a trend.
    ///
    /// - Parameters:
    ///   - slope: Change per period.
    ///   - intercept: Fitted value at the first point.
    ///   - standardError: The slope's standard error.
    ///   - confidenceLevel: The interval's level.
    ///   - lowerBound: The interval's lower end.
    ///   - upperBound: The interval's upper end.
    ///   - sampleSize: Points fitted.
    public init(
        slope: Double, intercept: Double, standardError: Double, confidenceLevel: Double, lowerBound: Double,
        upperBound: Double, sampleSize: Int
    ) {
        self.slope = slope
        self.intercept = intercept
        self.standardError = standardError
        self.confidenceLevel = confidenceLevel
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.sampleSize = sampleSize
    }

    /// Whether the interval excludes zero: the series is really rising or falling.
    public var isSignificant: Bool { lowerBound > 0 || upperBound < 0 }
}
