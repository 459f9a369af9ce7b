import Foundation

/// A change of an alert's status, delivered as an outbox event
/// (`metrics.alert.triggered` / `metrics.alert.resolved`).
public struct AlertTransition: Hashable, Sendable, Codable {
    /// What changed.
    public enum Change: String, Hashable, Sendable, Codable {
        /// The rule started firing.
        case triggered
        /// The rule stopped firing.
        case resolved
    }

    /// The rule's name.
    public let rule: String
    /// The metric watched.
    public let kind: MetricKind
    /// What changed.
    public let change: Change
    /// When.
    public let at: Date
    /// The KPI that caused it.
    public let value: KPIValue
    /// The threshold in force.
    public let threshold: Double

    /// Creates a transition.
    ///
    /// - Parameters:
    ///   - rule: The rule's name.
    ///   - kind: The metric.
    ///   - change: Triggered or resolved.
    ///   - at: When.
    ///   - value: The KPI that caused it.
    ///   - threshold: The threshold in force.
    public init(rule: String, kind: MetricKind, change: Change, at: Date, value: KPIValue, threshold: Double)
    {
        self.rule = rule
        self.kind = kind
        self.change = change
        self.at = at
        self.value = value
        self.threshold = threshold
    }
}
