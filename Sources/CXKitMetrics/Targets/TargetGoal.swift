/// The goal of a target, in the KPI's unit.
public enum TargetGoal: Hashable, Sendable, Codable {
    /// The KPI must be at least the value (NPS ≥ 40, CSAT ≥ 85 %).
    case atLeast(Double)
    /// The KPI must be at most the value (chat first reply ≤ 120 s).
    case atMost(Double)

    /// The goal's value.
    public var value: Double {
        switch self {
        case .atLeast(let value), .atMost(let value): value
        }
    }
}
