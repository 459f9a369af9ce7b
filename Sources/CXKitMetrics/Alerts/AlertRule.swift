import Foundation

/// A metric alert: which KPI of which metric, the condition, and the guards that keep it
/// from crying wolf — minimum n, significance awareness (the interval, not just the point,
/// must clear the threshold), consecutive breaches, hysteresis and cooldown.
public struct AlertRule: Hashable, Sendable, Codable {
    /// The rule's stable name, its identity (`"nps-weekly-drop"`).
    public let name: String
    /// The metric watched.
    public let kind: MetricKind
    /// The KPI computed from it.
    public let kpi: KPIDefinition
    /// When it is breached.
    public let condition: AlertCondition
    /// The minimum n for an evaluation to count at all.
    public let minimumSampleSize: Int64
    /// Fire only when the confidence interval clears the threshold (for KPIs with one).
    public let isSignificanceAware: Bool
    /// The intervals' level.
    public let confidenceLevel: Double
    /// How far back over the threshold the KPI must come before the alert resolves.
    public let hysteresis: Double
    /// The least time between two triggers of this rule.
    public let cooldown: TimeInterval
    /// How many breaching evaluations in a row it takes to trigger.
    public let consecutiveBreaches: Int
    /// For relative conditions, how many previous points form the baseline (7 for daily,
    /// 4 for weekly = 28 days).
    public let baselinePoints: Int

    /// Creates a rule.
    ///
    /// - Parameters:
    ///   - name: 1 to 64 characters from `a–z A–Z 0–9 . _ -`.
    ///   - kind: The metric.
    ///   - kpi: The KPI.
    ///   - condition: When it is breached; its number must be finite.
    ///   - minimumSampleSize: At least 1 (default 30).
    ///   - isSignificanceAware: Whether the interval must clear the threshold (default true).
    ///   - confidenceLevel: Strictly between 0 and 1 (default 0.95).
    ///   - hysteresis: Non-negative, in the KPI's unit (default 0).
    ///   - cooldown: Non-negative seconds (default 24 h).
    ///   - consecutiveBreaches: At least 1 (default 1).
    ///   - baselinePoints: At least 1 (default 7).
    /// - Throws: ``MetricsError`` with `ErrorCode.validationFailed` naming the
    ///   offending parameter (`condition` for a non-finite threshold).
    public init(
        name: String, kind: MetricKind, kpi: KPIDefinition, condition: AlertCondition,
        minimumSampleSize: Int64 = 30,
        isSignificanceAware: Bool = true, confidenceLevel: Double = 0.95, hysteresis: Double = 0,
        cooldown: TimeInterval = 86_400, consecutiveBreaches: Int = 1, baselinePoints: Int = 7
    ) throws(MetricsError) {
        guard !name.isEmpty, name.utf8.count <= 64, name.utf8.allSatisfy(MetricName.isAllowed) else {
            throw .validation(
                field: "name", reason: "must be 1 to 64 characters from A-Z, a-z, 0-9, '.', '_', '-'")
        }
        guard condition.parameter.isFinite else {
            throw .validation(field: "condition", reason: "must be a finite number")
        }
        guard minimumSampleSize >= 1 else {
            throw .validation(field: "minimumSampleSize", reason: "must be at least 1")
        }
        guard confidenceLevel.isFinite, confidenceLevel > 0, confidenceLevel < 1 else {
            throw .validation(field: "confidenceLevel", reason: "must be strictly between 0 and 1")
        }
        guard hysteresis.isFinite, hysteresis >= 0 else {
            throw .validation(field: "hysteresis", reason: "must be a finite, non-negative number")
        }
        guard cooldown.isFinite, cooldown >= 0 else {
            throw .validation(field: "cooldown", reason: "must be a finite, non-negative duration")
        }
        guard consecutiveBreaches >= 1 else {
            throw .validation(field: "consecutiveBreaches", reason: "must be at least 1")
        }
        guard baselinePoints >= 1 else {
            throw .validation(field: "baselinePoints", reason: "must be at least 1")
        }
        self.name = name
        self.kind = kind
        self.kpi = kpi
        self.condition = condition
        self.minimumSampleSize = minimumSampleSize
        self.isSignificanceAware = isSignificanceAware
        self.confidenceLevel = confidenceLevel
        self.hysteresis = hysteresis
        self.cooldown = cooldown
        self.consecutiveBreaches = consecutiveBreaches
        self.baselinePoints = baselinePoints
    }
}
