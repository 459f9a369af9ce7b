/// When an alert rule is breached, in the KPI's unit.
public enum AlertCondition: Hashable, Sendable, Codable {
    /// The KPI rises above a fixed threshold (first reply time above 120 s).
    case above(Double)
    /// The KPI falls below a fixed threshold (NPS below 30).
    case below(Double)
    /// The KPI rises more than `by` above its baseline (the mean of the previous points:
    /// 7 days for a daily series, 28 days = 4 points for a weekly one).
    case aboveBaseline(by: Double)
    /// The KPI falls more than `by` below its baseline.
    case belowBaseline(by: Double)

    /// Whether a breach is a rise (`true`) or a fall.
    public var isUpward: Bool {
        switch self {
        case .above, .aboveBaseline: true
        case .below, .belowBaseline: false
        }
    }

    /// The threshold in force, given the baseline; `nil` for a relative condition without
    /// a baseline.
    ///
    /// - Parameter baseline: The baseline value, if any.
    /// - Returns: The threshold.
    public func threshold(baseline: Double?) -> Double? {
        switch self {
        case .above(let value), .below(let value): value
        case .aboveBaseline(let margin): baseline.map { $0 + margin }
        case .belowBaseline(let margin): baseline.map { $0 - margin }
        }
    }

    var isRelative: Bool {
        switch self {
        case .above, .below: false
        case .aboveBaseline, .belowBaseline: true
        }
    }

    var parameter: Double {
        switch self {
        case .above(let value), .below(let value), .aboveBaseline(let value), .belowBaseline(let value): value
        }
    }
}
