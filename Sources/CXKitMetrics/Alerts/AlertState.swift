import Foundation

/// The memory of one alert rule between ticks.
public struct AlertState: Hashable, Sendable, Codable {
    /// Quiet or firing.
    public var status: AlertStatus
    /// Breaching evaluations in a row while normal.
    public var breachStreak: Int
    /// When the rule last triggered.
    public var lastTriggeredAt: Date?
    /// When it last resolved.
    public var lastResolvedAt: Date?
    /// Breaches that would have triggered but fell inside the cooldown.
    public var suppressedCount: Int

    /// A quiet alert that never fired.
    public static let initial = AlertState(
        status: .normal, breachStreak: 0, lastTriggeredAt: nil, lastResolvedAt: nil, suppressedCount: 0)

    /// Creates a state.
    ///
    /// - Parameters:
    ///   - status: Quiet or firing.
    ///   - breachStreak: Breaches in a row.
    ///   - lastTriggeredAt: Last trigger.
    ///   - lastResolvedAt: Last resolution.
    ///   - suppressedCount: Breaches suppressed by the cooldown.
    public init(
        status: AlertStatus, breachStreak: Int, lastTriggeredAt: Date?, lastResolvedAt: Date?,
        suppressedCount: Int
    ) {
        self.status = status
        self.breachStreak = breachStreak
        self.lastTriggeredAt = lastTriggeredAt
        self.lastResolvedAt = lastResolvedAt
        self.suppressedCount = suppressedCount
    }
}
