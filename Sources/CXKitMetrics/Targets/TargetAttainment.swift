/// How a KPI stands against its target.
public struct TargetAttainment: Hashable, Sendable, Codable {
    /// The target.
    public let target: MetricTarget
    /// The KPI, `nil` when n = 0.
    public let value: KPIValue?
    /// Whether the goal is met; `nil` when there is no value.
    public let isMet: Bool?
    /// How far the KPI is on the good side of the goal (positive = met with room to spare,
    /// negative = short by that much), in the KPI's unit.
    public let margin: Double?
    /// Attainment as a ratio: value ÷ goal for "at least", goal ÷ value for "at most"
    /// (1 = exactly on goal, above 1 = better); `nil` when undefined (no value, or a zero
    /// or negative denominator).
    public let ratio: Double?
    /// Whether the interval lies entirely on the good side of the goal (met beyond doubt),
    /// `nil` without an interval.
    public let isMetWithConfidence: Bool?

    /// Measures a value against a target.
    ///
    /// - Parameters:
    ///   - target: The target.
    ///   - value: The KPI, if any.
    public init(target: MetricTarget, value: KPIValue?) {
        self.target = target
        self.value = value
        guard let value else {
            isMet = nil
            margin = nil
            ratio = nil
            isMetWithConfidence = nil
            return
        }
        switch target.goal {
        case .atLeast(let goal):
            margin = value.value - goal
            isMet = value.value >= goal
            ratio = goal > 0 && value.value >= 0 ? value.value / goal : nil
            isMetWithConfidence = value.lowerBound.map { $0 >= goal }
        case .atMost(let goal):
            margin = goal - value.value
            isMet = value.value <= goal
            ratio = value.value > 0 && goal >= 0 ? goal / value.value : nil
            isMetWithConfidence = value.upperBound.map { $0 <= goal }
        }
    }
}
