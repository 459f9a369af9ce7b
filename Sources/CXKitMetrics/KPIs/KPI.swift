import CXKitCore

/// Every KPI as a documented, pure function over rollup aggregates (or plain counts).
///
/// Each function returns `nil` when its denominator is zero (n = 0 → no score, never NaN)
/// and carries n and, for scores and proportions, a confidence interval computed by the
/// core's `ScoreStatistics` (adjusted-Wald for NPS, Wilson for shares, t for
/// means). Variants are named in ``KPIValue/name``.
public enum KPI {
    // MARK: - Survey scores

    /// Net Promoter Score: NPS = 100·(P − D)/n over **answered** responses only (promoters
    /// 9–10, detractors 0–6), −100 … 100.
    ///
    /// Standard error: score each answer +1/0/−1; Var = p_P + p_D − (p_P − p_D)²,
    /// SE = 100·√(Var/n), 95 % margin = 1.96·SE. Example: n = 200, 50 % promoters,
    /// 20 % detractors → NPS 30 ± 10.8 (Wald). The default interval is adjusted-Wald (Rocks
    /// 2016: add ¾ to P and D and 3 to n), which covers better at small n; the value stays
    /// the observed NPS. Dismissed or unanswered surveys must not be observed at all.
    ///
    /// - Parameters:
    ///   - aggregate: A score aggregate on the NPS scale.
    ///   - confidenceLevel: The interval's level (default 0.95).
    ///   - interval: Wald or adjusted-Wald (default).
    /// - Returns: The NPS in points, or `nil` without answers.
    /// - Throws: ``MetricsError`` naming `aggregate` when it is not an NPS score aggregate,
    ///   `confidence` for a level outside (0, 1).
    public static func netPromoterScore(
        _ aggregate: MetricAggregate, confidenceLevel: Double = 0.95,
        interval: ScoreStatistics.NetScoreInterval = .adjustedWald
    ) throws(MetricsError) -> KPIValue? {
        guard let scores = try scores(aggregate, family: .netPromoter, kpi: "nps") else { return nil }
        return try netPromoterScore(scores, confidenceLevel: confidenceLevel, interval: interval)
    }

    /// Net Promoter Score of a score distribution on the NPS scale; see
    /// ``netPromoterScore(_:confidenceLevel:interval:)-(MetricAggregate,_,_)``.
    ///
    /// - Parameters:
    ///   - distribution: Answers on the NPS scale.
    ///   - confidenceLevel: The interval's level.
    ///   - interval: Wald or adjusted-Wald.
    /// - Returns: The NPS in points, or `nil` without answers.
    /// - Throws: ``MetricsError`` naming `scale` for another scale, `confidence` for a bad level.
    public static func netPromoterScore(
        _ distribution: ScoreDistribution, confidenceLevel: Double = 0.95,
        interval: ScoreStatistics.NetScoreInterval = .adjustedWald
    ) throws(MetricsError) -> KPIValue? {
        guard distribution.scale == .netPromoter else {
            throw .validation(field: "scale", reason: "NPS needs answers on the 0-10 NPS scale")
        }
        let estimate = try core {
            try distribution.netScore(confidenceLevel: confidenceLevel, method: interval)
        }
        return estimate.map { KPIValue(name: "nps", unit: .points, estimate: $0) }
    }

    /// CSAT, top-2-box: 100·#{two highest scores}/n — 4–5 on a 1–5 scale, 9–10 on a 1–10
    /// scale — with a Wilson interval. (Zendesk's Good/(Good+Bad) counts 3 of 5 as bad,
    /// which this matches; unanswered surveys are excluded.)
    ///
    /// - Parameters:
    ///   - aggregate: A score aggregate on a satisfaction scale.
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The share in percent, or `nil` without answers.
    /// - Throws: ``MetricsError`` naming `aggregate` or `confidence`.
    public static func customerSatisfaction(_ aggregate: MetricAggregate, confidenceLevel: Double = 0.95)
        throws(MetricsError) -> KPIValue?
    {
        guard let scores = try scores(aggregate, family: .satisfaction, kpi: "csat") else { return nil }
        let top = scores.counts.suffix(2).reduce(0, +)
        return try share(name: "csat.topTwoBox", successes: top, trials: scores.total, confidenceLevel)
    }

    /// Mean CSAT on its scale with a t interval.
    ///
    /// - Parameters:
    ///   - aggregate: A score aggregate on a satisfaction scale.
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The mean, or `nil` without answers.
    /// - Throws: ``MetricsError`` naming `aggregate` or `confidence`.
    public static func customerSatisfactionMean(_ aggregate: MetricAggregate, confidenceLevel: Double = 0.95)
        throws(MetricsError) -> KPIValue?
    {
        guard let scores = try scores(aggregate, family: .satisfaction, kpi: "csat") else { return nil }
        return try core { try scores.mean(confidenceLevel: confidenceLevel) }.map {
            KPIValue(name: "csat.mean", unit: .scaleUnits, estimate: $0)
        }
    }

    /// CES, % agree: 100·agree/n, agree = 5–7 on a 1–7 scale and 4–5 on a 1–5 scale
    /// ("[Company] made it easy …"), with a Wilson interval.
    ///
    /// - Parameters:
    ///   - aggregate: A score aggregate on an effort scale.
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The share in percent, or `nil` without answers.
    /// - Throws: ``MetricsError`` naming `aggregate` or `confidence`.
    public static func customerEffort(_ aggregate: MetricAggregate, confidenceLevel: Double = 0.95)
        throws(MetricsError) -> KPIValue?
    {
        guard let scores = try scores(aggregate, family: .effort, kpi: "ces") else { return nil }
        return try share(
            name: "ces.agree", successes: scores.positiveCount, trials: scores.total, confidenceLevel)
    }

    /// Mean CES on its scale with a t interval (what Formbricks reports).
    ///
    /// - Parameters:
    ///   - aggregate: A score aggregate on an effort scale.
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The mean, or `nil` without answers.
    /// - Throws: ``MetricsError`` naming `aggregate` or `confidence`.
    public static func customerEffortMean(_ aggregate: MetricAggregate, confidenceLevel: Double = 0.95)
        throws(MetricsError) -> KPIValue?
    {
        guard let scores = try scores(aggregate, family: .effort, kpi: "ces") else { return nil }
        return try core { try scores.mean(confidenceLevel: confidenceLevel) }.map {
            KPIValue(name: "ces.mean", unit: .scaleUnits, estimate: $0)
        }
    }

    /// CES "net easy": %easy − %difficult (5–7 minus 1–3 on 1–7; 4–5 minus 1–2 on 1–5),
    /// in points, with a Wald interval.
    ///
    /// - Parameters:
    ///   - aggregate: A score aggregate on an effort scale.
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The net score in points, or `nil` without answers.
    /// - Throws: ``MetricsError`` naming `aggregate` or `confidence`.
    public static func customerEffortNetEasy(_ aggregate: MetricAggregate, confidenceLevel: Double = 0.95)
        throws(MetricsError) -> KPIValue?
    {
        guard let scores = try scores(aggregate, family: .effort, kpi: "ces") else { return nil }
        return try core { try scores.netScore(confidenceLevel: confidenceLevel, method: .wald) }.map {
            KPIValue(name: "ces.netEasy", unit: .points, estimate: $0)
        }
    }

    // MARK: - Shared helpers

    /// A proportion in percent with a Wilson interval, `nil` when `trials` is 0.
    static func share(name: String, successes: Int64, trials: Int64, _ confidenceLevel: Double)
        throws(MetricsError) -> KPIValue?
    {
        try core {
            try ScoreStatistics.share(successes: successes, trials: trials, confidenceLevel: confidenceLevel)
        }.map { KPIValue(name: name, unit: .percent, estimate: $0) }
    }

    /// The score distribution of an aggregate of the given family, `nil` when empty.
    static func scores(_ aggregate: MetricAggregate, family: ScoreScale.Metric, kpi: String)
        throws(MetricsError) -> ScoreDistribution?
    {
        guard aggregate.measure == .score else {
            throw .validation(field: "aggregate", reason: "\(kpi) needs a score aggregate")
        }
        guard let scores = aggregate.scores, !scores.isEmpty else { return nil }
        guard scores.scale.metric == family else {
            throw .validation(
                field: "aggregate", reason: "\(kpi) cannot use answers on the \(scores.scale.rawValue) scale")
        }
        return scores
    }

    /// The outcome tally of an aggregate, `nil` when empty.
    static func outcomes(_ aggregate: MetricAggregate, kpi: String) throws(MetricsError) -> (Int64, Int64)? {
        guard aggregate.measure == .outcome else {
            throw .validation(field: "aggregate", reason: "\(kpi) needs an outcome aggregate")
        }
        return aggregate.count == 0 ? nil : (aggregate.successes, aggregate.count)
    }

    /// The duration summary of an aggregate, `nil` when empty.
    static func durations(_ aggregate: MetricAggregate, name: String) throws(MetricsError) -> DurationSummary?
    {
        guard aggregate.measure == .duration else {
            throw .validation(field: "aggregate", reason: "\(name) needs a duration aggregate")
        }
        guard let sketch = aggregate.durations else { return nil }
        return DurationSummary(name: name, sketch: sketch)
    }

    /// Validates that counts are non-negative.
    static func requireNonNegative(_ values: [(String, Int64)]) throws(MetricsError) {
        for (field, value) in values where value < 0 {
            throw .validation(field: field, reason: "must not be negative")
        }
    }

    /// Runs a core computation, turning its errors into ``MetricsError`` with the same code
    /// and field.
    static func core<T>(_ body: () throws -> T) throws(MetricsError) -> T {
        do {
            return try body()
        } catch let error as any CXKitError {
            throw MetricsError(code: error.code, field: error.field, reason: error.reason)
        } catch {
            throw MetricsError(code: .validationFailed, field: nil, reason: "the computation failed")
        }
    }
}
