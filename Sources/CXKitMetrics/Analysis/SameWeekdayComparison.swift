import CXKitCore

/// A day's KPI against the same weekday in the weeks before (seasonality-aware: Mondays
/// against Mondays).
public struct SameWeekdayComparison: Hashable, Sendable, Codable {
    /// The day.
    public let day: ReportingPeriod
    /// The KPI on that day, `nil` when n = 0.
    public let value: KPIValue?
    /// The mean KPI of the same weekday in the previous weeks that had a value, `nil` when
    /// none had.
    public let baseline: Double?
    /// How many previous weeks contributed to the baseline.
    public let baselineWeeks: Int
    /// value − baseline, when both exist.
    public let difference: Double?

    /// Creates a comparison.
    ///
    /// - Parameters:
    ///   - day: The day.
    ///   - value: Its KPI.
    ///   - baseline: The same-weekday mean.
    ///   - baselineWeeks: Weeks behind the baseline.
    public init(day: ReportingPeriod, value: KPIValue?, baseline: Double?, baselineWeeks: Int) {
        self.day = day
        self.value = value
        self.baseline = baseline
        self.baselineWeeks = baselineWeeks
        if let value, let baseline { difference = value.value - baseline } else { difference = nil }
    }
}
