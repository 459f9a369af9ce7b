/// A rating scale a survey question uses, with the ranges that count as the positive and
/// negative sides of it. Store the scale with every response: the same number means
/// different things on different scales.
///
/// | Scale | Range | Positive | Neutral | Negative |
/// |---|---|---|---|---|
/// | ``netPromoter`` (NPS) | 0–10 | promoters 9–10 | passives 7–8 | detractors 0–6 |
/// | ``satisfaction5`` (CSAT) | 1–5 | top-2-box 4–5 | 3 | 1–2 |
/// | ``satisfaction10`` (CSAT) | 1–10 | top-2-box 9–10 | 3–8 | 1–2 |
/// | ``effort5`` (CES) | 1–5 | agree 4–5 | 3 | disagree 1–2 |
/// | ``effort7`` (CES) | 1–7 | agree 5–7 | 4 | disagree 1–3 |
///
/// CSAT is a top-2-box share on either scale (4–5 of 5, 9–10 of 10), as the metrics
/// specification defines it; the bottom two boxes are the negative side.
/// Effort scales use the CES 2.0 statement ("… made it easy to …"), where higher is easier.
///
/// The `Codable` form is the raw value: `"nps"`, `"csat5"`, `"csat10"`, `"ces5"`, `"ces7"`.
public enum ScoreScale: String, Hashable, Sendable, Codable, CaseIterable {
    /// Net Promoter: 0–10, "How likely are you to recommend …".
    case netPromoter = "nps"
    /// Customer satisfaction on 1–5.
    case satisfaction5 = "csat5"
    /// Customer satisfaction on 1–10.
    case satisfaction10 = "csat10"
    /// Customer effort on 1–5 (higher is easier).
    case effort5 = "ces5"
    /// Customer effort on 1–7 (higher is easier).
    case effort7 = "ces7"

    /// Which metric family a scale belongs to.
    public enum Metric: Hashable, Sendable {
        /// Net Promoter Score.
        case netPromoter
        /// Customer satisfaction.
        case satisfaction
        /// Customer effort.
        case effort
    }

    /// Which side of the scale a score falls on.
    public enum Category: Hashable, Sendable {
        /// Promoter, top box, or "easy" (agree).
        case positive
        /// Passive or neutral.
        case neutral
        /// Detractor, bottom box, or "difficult" (disagree).
        case negative
    }

    /// The metric family.
    public var metric: Metric {
        switch self {
        case .netPromoter: return .netPromoter
        case .satisfaction5, .satisfaction10: return .satisfaction
        case .effort5, .effort7: return .effort
        }
    }

    /// Every valid score.
    public var range: ClosedRange<Int> {
        switch self {
        case .netPromoter: return 0...10
        case .satisfaction5, .effort5: return 1...5
        case .satisfaction10: return 1...10
        case .effort7: return 1...7
        }
    }

    /// The scores on the positive side (promoters, top box, agree).
    public var positiveRange: ClosedRange<Int> {
        switch self {
        case .netPromoter: return 9...10
        case .satisfaction5, .effort5: return 4...5
        case .satisfaction10: return 9...10
        case .effort7: return 5...7
        }
    }

    /// The scores on the negative side (detractors, bottom box, disagree).
    public var negativeRange: ClosedRange<Int> {
        switch self {
        case .netPromoter: return 0...6
        case .satisfaction5, .effort5: return 1...2
        case .satisfaction10: return 1...2
        case .effort7: return 1...3
        }
    }

    /// How many distinct scores the scale has.
    public var valueCount: Int { range.count }

    /// Checks that `score` is on the scale.
    ///
    /// - Parameter score: The score.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"score"` when it is off the scale.
    public func validate(_ score: Int) throws {
        guard range.contains(score) else {
            throw CoreError.validation(
                field: "score",
                reason: "must be between \(range.lowerBound) and \(range.upperBound) on \(rawValue)")
        }
    }

    /// The side of the scale `score` falls on.
    ///
    /// - Parameter score: The score.
    /// - Returns: Its category.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"score"` when it is off the scale.
    public func category(of score: Int) throws -> Category {
        try validate(score)
        if positiveRange.contains(score) { return .positive }
        if negativeRange.contains(score) { return .negative }
        return .neutral
    }
}
