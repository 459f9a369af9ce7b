/// A per-metric goal — "chat first reply p90 ≤ 2 min", "NPS ≥ 40" — measured on a KPI of
/// a metric, optionally for one segment (`channel = chat`).
public struct MetricTarget: Hashable, Sendable, Codable {
    /// The target's name (`"chat-first-reply"`).
    public let name: String
    /// The metric.
    public let kind: MetricKind
    /// The KPI measured.
    public let kpi: KPIDefinition
    /// The goal.
    public let goal: TargetGoal
    /// The segment the target applies to (default: everything).
    public let segment: DimensionSet

    /// Creates a target.
    ///
    /// - Parameters:
    ///   - name: 1 to 64 characters from `a–z A–Z 0–9 . _ -`.
    ///   - kind: The metric.
    ///   - kpi: The KPI measured.
    ///   - goal: The goal; its value must be finite.
    ///   - segment: The segment it applies to.
    /// - Throws: ``MetricsError`` naming `name` or `goal`.
    public init(
        name: String, kind: MetricKind, kpi: KPIDefinition, goal: TargetGoal, segment: DimensionSet = .empty
    )
        throws(MetricsError)
    {
        guard !name.isEmpty, name.utf8.count <= 64, name.utf8.allSatisfy(MetricName.isAllowed) else {
            throw .validation(
                field: "name", reason: "must be 1 to 64 characters from A-Z, a-z, 0-9, '.', '_', '-'")
        }
        guard goal.value.isFinite else { throw .validation(field: "goal", reason: "must be a finite number") }
        self.name = name
        self.kind = kind
        self.kpi = kpi
        self.goal = goal
        self.segment = segment
    }

    /// How the KPI in an aggregate stands against the goal.
    ///
    /// - Parameters:
    ///   - aggregate: The aggregate of ``kind`` for the period (and segment).
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The attainment (with no value when n = 0).
    /// - Throws: ``MetricsError`` naming `aggregate` when the KPI does not fit.
    public func attainment(of aggregate: MetricAggregate, confidenceLevel: Double = 0.95) throws(MetricsError)
        -> TargetAttainment
    {
        TargetAttainment(target: self, value: try kpi.value(of: aggregate, confidenceLevel: confidenceLevel))
    }
}
