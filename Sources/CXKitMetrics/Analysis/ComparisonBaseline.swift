/// What a period is compared with.
public enum ComparisonBaseline: String, Hashable, Sendable, Codable {
    /// The period of the same length just before it.
    case previousPeriod
    /// The same period one year earlier (ISO week 53 maps to 52, 29 February to 28).
    case yearAgo
}
