import CXKitCore

/// Which number to compute from an aggregate, as a value that comparisons, alerts, targets
/// and reports can carry (and encode): NPS, CSAT, CES, an outcome share, or a duration
/// statistic.
public enum KPIDefinition: Hashable, Sendable, Codable {
    /// ``KPI/netPromoterScore(_:confidenceLevel:interval:)-(MetricAggregate,_,_)`` in points.
    case netPromoterScore
    /// ``KPI/customerSatisfaction(_:confidenceLevel:)``, top-2-box percent.
    case customerSatisfaction
    /// ``KPI/customerSatisfactionMean(_:confidenceLevel:)`` on the scale.
    case customerSatisfactionMean
    /// ``KPI/customerEffort(_:confidenceLevel:)``, percent agree.
    case customerEffort
    /// The share of `true` outcomes in percent (FCR, SLA compliance, reopen, return,
    /// answered), named `name`.
    case share(name: String)
    /// The mean of a duration metric in seconds, named `name`.
    case durationMean(name: String)
    /// A quantile (0 … 1) of a duration metric in seconds, named `name`.
    case durationQuantile(name: String, quantile: Double)

    /// The KPI's value for an aggregate, `nil` when n = 0. Duration means carry a t interval
    /// (from the aggregate's sum of squares), duration quantiles a distribution-free
    /// order-statistic interval (ranks n·q ∓ z·√(n·q·(1 − q)), read from the sketch).
    ///
    /// - Parameters:
    ///   - aggregate: The aggregate.
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The value with n and, for scores and shares, its interval.
    /// - Throws: ``MetricsError`` naming `aggregate` when the aggregate does not fit the
    ///   KPI, `quantile` for a quantile outside 0 … 1.
    public func value(of aggregate: MetricAggregate, confidenceLevel: Double = 0.95) throws(MetricsError)
        -> KPIValue?
    {
        switch self {
        case .netPromoterScore:
            return try KPI.netPromoterScore(aggregate, confidenceLevel: confidenceLevel)
        case .customerSatisfaction:
            return try KPI.customerSatisfaction(aggregate, confidenceLevel: confidenceLevel)
        case .customerSatisfactionMean:
            return try KPI.customerSatisfactionMean(aggregate, confidenceLevel: confidenceLevel)
        case .customerEffort:
            return try KPI.customerEffort(aggregate, confidenceLevel: confidenceLevel)
        case .share(let name):
            guard let (successes, trials) = try KPI.outcomes(aggregate, kpi: name) else { return nil }
            return try KPI.share(name: name, successes: successes, trials: trials, confidenceLevel)
        case .durationMean(let name):
            guard try KPI.durations(aggregate, name: name) != nil, let mean = aggregate.mean else {
                return nil
            }
            guard let deviation = aggregate.standardDeviation else {
                return KPIValue(name: name, value: mean, unit: .seconds, sampleSize: aggregate.count)
            }
            let z = try KPI.core { try StandardNormal.criticalValue(confidenceLevel: confidenceLevel) }
            let t = Trend.studentCritical(
                z: z, confidenceLevel: confidenceLevel, degrees: Int(clamping: aggregate.count - 1))
            let standardError = deviation / Double(aggregate.count).squareRoot()
            return KPIValue(
                name: name, value: mean, unit: .seconds, sampleSize: aggregate.count,
                standardError: standardError,
                confidenceLevel: confidenceLevel, marginOfError: t * standardError,
                lowerBound: Swift.max(0, mean - t * standardError), upperBound: mean + t * standardError)
        case .durationQuantile(let name, let quantile):
            guard try KPI.durations(aggregate, name: name) != nil, let sketch = aggregate.durations,
                let value = try KPI.core({ try sketch.quantile(quantile) })
            else { return nil }
            // Distribution-free interval from order statistics: ranks n·q ∓ z·√(n·q·(1 − q)).
            let z = try KPI.core { try StandardNormal.criticalValue(confidenceLevel: confidenceLevel) }
            let n = Double(sketch.count)
            let spread = z * (n * quantile * (1 - quantile)).squareRoot()
            let lowerRank = Swift.max(0, (n * quantile - spread) / n)
            let upperRank = Swift.min(1, (n * quantile + spread + 1) / n)
            return KPIValue(
                name: name, value: value, unit: .seconds, sampleSize: Int64(clamping: sketch.count),
                confidenceLevel: confidenceLevel, lowerBound: try KPI.core { try sketch.quantile(lowerRank) },
                upperBound: try KPI.core { try sketch.quantile(upperRank) })
        }
    }

    /// The z-test of the change between two aggregates: the NPS test
    /// z = (NPS₁ − NPS₂)/√(SE₁² + SE₂²) for NPS, the pooled two-proportion test for shares;
    /// `nil` for duration KPIs and when either sample is empty or without variance.
    ///
    /// - Parameters:
    ///   - current: The later aggregate.
    ///   - previous: The earlier aggregate.
    /// - Returns: The test (difference = current − previous), or `nil`.
    /// - Throws: ``MetricsError`` naming `aggregate` when an aggregate does not fit the KPI.
    public func changeTest(from previous: MetricAggregate, to current: MetricAggregate) throws(MetricsError)
        -> SignificanceTest?
    {
        switch self {
        case .netPromoterScore:
            guard let now = try KPI.scores(current, family: .netPromoter, kpi: "nps"),
                let then = try KPI.scores(previous, family: .netPromoter, kpi: "nps")
            else { return nil }
            return try KPI.core { try now.netScoreDifference(from: then) }
        case .customerSatisfaction, .customerEffort, .share:
            guard let now = try proportion(of: current), let then = try proportion(of: previous) else {
                return nil
            }
            return try KPI.core { try ScoreStatistics.shareDifference(now, then) }
        case .customerSatisfactionMean, .durationMean, .durationQuantile:
            return nil
        }
    }

    /// The successes and trials behind a share KPI, `nil` when empty or not a share.
    ///
    /// - Parameter aggregate: The aggregate.
    /// - Returns: `(successes, trials)`.
    /// - Throws: ``MetricsError`` naming `aggregate` when it does not fit the KPI.
    public func proportion(of aggregate: MetricAggregate) throws(MetricsError) -> (
        successes: Int64, trials: Int64
    )? {
        switch self {
        case .customerSatisfaction:
            guard let scores = try KPI.scores(aggregate, family: .satisfaction, kpi: "csat") else {
                return nil
            }
            return (scores.counts.suffix(2).reduce(0, +), scores.total)
        case .customerEffort:
            guard let scores = try KPI.scores(aggregate, family: .effort, kpi: "ces") else { return nil }
            return (scores.positiveCount, scores.total)
        case .share(let name):
            guard let (successes, trials) = try KPI.outcomes(aggregate, kpi: name) else { return nil }
            return (successes, trials)
        default:
            return nil
        }
    }

    /// A short label for reports (`"NPS"`, `"CSAT"`, or the share's name).
    public var label: String {
        switch self {
        case .netPromoterScore: "NPS"
        case .customerSatisfaction: "CSAT"
        case .customerSatisfactionMean: "CSAT (mean)"
        case .customerEffort: "CES"
        case .share(let name), .durationMean(let name): name
        case .durationQuantile(let name, let quantile): "\(name) p\(Int((quantile * 100).rounded()))"
        }
    }
}
