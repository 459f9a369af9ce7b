import CXKitCore

/// A KPI value with its sample size and, for scores and proportions, its confidence
/// interval. KPI functions return `nil` instead of a value when n = 0, so no KPI is ever
/// NaN or a division by zero.
public struct KPIValue: Hashable, Sendable, Codable {
    /// The KPI and variant (`"nps"`, `"fcr.oneTouch"`, `"churn.stripe"`).
    public let name: String
    /// The value in ``unit``.
    public let value: Double
    /// The unit of ``value`` and the bounds.
    public let unit: KPIUnit
    /// How many observations (answers, tickets, customers, orders) it is based on.
    public let sampleSize: Int64
    /// The standard error, when defined.
    public let standardError: Double?
    /// The interval's confidence level (0.95), when there is an interval.
    public let confidenceLevel: Double?
    /// The half-width of the interval before clamping, when defined.
    public let marginOfError: Double?
    /// The interval's lower end, when defined.
    public let lowerBound: Double?
    /// The interval's upper end, when defined.
    public let upperBound: Double?

    /// Creates a value.
    ///
    /// - Parameters:
    ///   - name: The KPI and variant.
    ///   - value: The value.
    ///   - unit: Its unit.
    ///   - sampleSize: Its n.
    ///   - standardError: Its standard error, if defined.
    ///   - confidenceLevel: The interval's level, if there is one.
    ///   - marginOfError: The interval's half-width, if defined.
    ///   - lowerBound: The interval's lower end, if defined.
    ///   - upperBound: The interval's upper end, if defined.
    public init(
        name: String, value: Double, unit: KPIUnit, sampleSize: Int64, standardError: Double? = nil,
        confidenceLevel: Double? = nil, marginOfError: Double? = nil, lowerBound: Double? = nil,
        upperBound: Double? = nil
    ) {
        self.name = name
        self.value = value
        self.unit = unit
        self.sampleSize = sampleSize
        self.standardError = standardError
        self.confidenceLevel = confidenceLevel
        self.marginOfError = marginOfError
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// Wraps a core `ScoreEstimate`.
    ///
    /// - Parameters:
    ///   - name: The KPI and variant.
    ///   - unit: Its unit.
    ///   - estimate: The estimate.
    public init(name: String, unit: KPIUnit, estimate: ScoreEstimate) {
        self.init(
            name: name, value: estimate.value, unit: unit, sampleSize: estimate.sampleSize,
            standardError: estimate.standardError, confidenceLevel: estimate.confidenceLevel,
            marginOfError: estimate.marginOfError, lowerBound: estimate.lowerBound,
            upperBound: estimate.upperBound)
    }

    /// The confidence interval, when defined.
    public var interval: ClosedRange<Double>? {
        guard let lowerBound, let upperBound, lowerBound <= upperBound else { return nil }
        return lowerBound...upperBound
    }

    /// Whether n reaches `minimumSampleSize`, the threshold below which a number should be
    /// shown as unreliable (greyed out, "n too small").
    ///
    /// - Parameter minimumSampleSize: The minimum n.
    /// - Returns: `true` when `sampleSize >= minimumSampleSize`.
    public func isReliable(minimumSampleSize: Int64) -> Bool {
        sampleSize >= minimumSampleSize
    }
}
