/// How many answers gave each score on one scale: exact, mergeable counts in a fixed array
/// (11 slots for NPS), so adding an answer is O(1) and rollups per day, per team or per
/// survey combine by addition.
///
/// The `Codable` form is `{"scale": "nps", "counts": [c0, c1, …]}`, one count per score
/// from the scale's lowest upwards.
public struct ScoreDistribution: Hashable, Sendable, Codable {
    /// The scale the scores are on.
    public let scale: ScoreScale
    /// The count for each score, `counts[i]` for score `scale.range.lowerBound + i`.
    public private(set) var counts: [Int64]
    /// The number of answers.
    public private(set) var total: Int64

    /// An empty distribution.
    ///
    /// - Parameter scale: The scale.
    public init(scale: ScoreScale) {
        self.scale = scale
        self.counts = [Int64](repeating: 0, count: scale.valueCount)
        self.total = 0
    }

    /// A distribution of the given scores.
    ///
    /// - Parameters:
    ///   - scale: The scale.
    ///   - scores: The answers.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"score"` for a score off the
    ///   scale.
    public init(scale: ScoreScale, scores: some Sequence<Int>) throws {
        self.init(scale: scale)
        for score in scores { try add(score) }
    }

    /// A distribution from stored counts.
    ///
    /// - Parameters:
    ///   - scale: The scale.
    ///   - counts: One non-negative count per score.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"counts"` when the number of
    ///   counts does not match the scale or they overflow, `"counts[i]"` for a negative count.
    public init(scale: ScoreScale, counts: [Int64]) throws {
        guard counts.count == scale.valueCount else {
            throw CoreError.validation(
                field: "counts", reason: "must have \(scale.valueCount) entries for \(scale.rawValue)")
        }
        if let index = counts.firstIndex(where: { $0 < 0 }) {
            throw CoreError.validation(field: "counts[\(index)]", reason: "must not be negative")
        }
        self.scale = scale
        self.counts = counts
        self.total = try ScoreStatistics.total(counts)
    }

    /// Whether there are no answers.
    public var isEmpty: Bool { total == 0 }

    /// How many answers gave `score` (zero for scores off the scale).
    ///
    /// - Parameter score: The score.
    /// - Returns: Its count.
    public func count(of score: Int) -> Int64 {
        scale.range.contains(score) ? counts[score - scale.range.lowerBound] : 0
    }

    /// Answers on the positive side (promoters, top box, agree).
    public var positiveCount: Int64 { count(in: scale.positiveRange) }
    /// Answers on the negative side (detractors, bottom box, disagree).
    public var negativeCount: Int64 { count(in: scale.negativeRange) }
    /// Answers in between.
    public var neutralCount: Int64 { total - positiveCount - negativeCount }

    private func count(in range: ClosedRange<Int>) -> Int64 {
        range.reduce(0) { $0 + count(of: $1) }
    }

    /// Adds answers with one score.
    ///
    /// - Parameters:
    ///   - score: The score.
    ///   - count: How many answers; defaults to one.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"score"` for a score off the
    ///   scale, `"count"` for a negative count; `.arithmeticOverflow` past `Int64`.
    public mutating func add(_ score: Int, count: Int64 = 1) throws {
        try scale.validate(score)
        guard count >= 0 else { throw CoreError.validation(field: "count", reason: "must not be negative") }
        let index = score - scale.range.lowerBound
        let (slot, slotOverflow) = counts[index].addingReportingOverflow(count)
        let (sum, totalOverflow) = total.addingReportingOverflow(count)
        guard !slotOverflow, !totalOverflow else { throw ScoreDistribution.overflow }
        counts[index] = slot
        total = sum
    }

    /// Removes answers with one score (an edited or erased response).
    ///
    /// - Parameters:
    ///   - score: The score.
    ///   - count: How many answers; defaults to one.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"score"` for a score off the
    ///   scale, `"count"` for a negative count or more than are recorded.
    public mutating func remove(_ score: Int, count: Int64 = 1) throws {
        try scale.validate(score)
        let index = score - scale.range.lowerBound
        guard count >= 0, count <= counts[index] else {
            throw CoreError.validation(field: "count", reason: "must be between 0 and the recorded count")
        }
        counts[index] -= count
        total -= count
    }

    /// Adds another distribution's answers.
    ///
    /// - Parameter other: A distribution on the same scale.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"scale"` when the scales differ;
    ///   `.arithmeticOverflow` past `Int64`. On error nothing changes.
    public mutating func merge(_ other: ScoreDistribution) throws {
        guard other.scale == scale else {
            throw CoreError.validation(
                field: "scale", reason: "cannot merge \(other.scale.rawValue) into \(scale.rawValue)")
        }
        var merged = counts
        for index in merged.indices {
            let (sum, overflow) = merged[index].addingReportingOverflow(other.counts[index])
            guard !overflow else { throw ScoreDistribution.overflow }
            merged[index] = sum
        }
        let (sum, overflow) = total.addingReportingOverflow(other.total)
        guard !overflow else { throw ScoreDistribution.overflow }
        counts = merged
        total = sum
    }

    /// This distribution plus another.
    ///
    /// - Parameter other: A distribution on the same scale.
    /// - Returns: The combined distribution.
    /// - Throws: See ``merge(_:)``.
    public func merging(_ other: ScoreDistribution) throws -> ScoreDistribution {
        var copy = self
        try copy.merge(other)
        return copy
    }

    private static let overflow = CoreError(
        code: .arithmeticOverflow, reason: "the count does not fit in Int64")

    // MARK: Scores

    /// The Net Promoter Score (on the NPS scale) or "net easy" score (on effort scales):
    /// %positive − %negative, in points.
    ///
    /// - Parameters:
    ///   - confidenceLevel: The interval's confidence level.
    ///   - method: Wald or adjusted-Wald interval.
    /// - Returns: The estimate, or `nil` without answers.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"confidence"` for a level outside
    ///   (0, 1).
    public func netScore(
        confidenceLevel: Double = 0.95, method: ScoreStatistics.NetScoreInterval = .wald
    ) throws -> ScoreEstimate? {
        try ScoreStatistics.netScore(
            positive: positiveCount, neutral: neutralCount, negative: negativeCount,
            confidenceLevel: confidenceLevel, method: method)
    }

    /// The share of positive answers in percent — CSAT (top box), CES % agree, % promoters —
    /// with a Wilson interval.
    ///
    /// - Parameter confidenceLevel: The interval's confidence level.
    /// - Returns: The estimate, or `nil` without answers.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"confidence"` for a level outside
    ///   (0, 1).
    public func positiveShare(confidenceLevel: Double = 0.95) throws -> ScoreEstimate? {
        try ScoreStatistics.share(successes: positiveCount, trials: total, confidenceLevel: confidenceLevel)
    }

    /// The mean score with a t interval.
    ///
    /// - Parameter confidenceLevel: The interval's confidence level.
    /// - Returns: The estimate, or `nil` without answers.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"confidence"` for a level outside
    ///   (0, 1).
    public func mean(confidenceLevel: Double = 0.95) throws -> ScoreEstimate? {
        try ScoreStatistics.mean(
            counts: counts, lowest: scale.range.lowerBound, confidenceLevel: confidenceLevel)
    }

    /// Tests whether this distribution's net score differs from another's.
    ///
    /// - Parameter other: The distribution to compare with (e.g. the previous period).
    /// - Returns: The test (difference = this − other), or `nil` when not defined.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"scale"` when the scales differ.
    public func netScoreDifference(from other: ScoreDistribution) throws -> SignificanceTest? {
        guard other.scale == scale else {
            throw CoreError.validation(
                field: "scale", reason: "cannot compare \(other.scale.rawValue) with \(scale.rawValue)")
        }
        return try ScoreStatistics.netScoreDifference(
            (positiveCount, neutralCount, negativeCount),
            (other.positiveCount, other.neutralCount, other.negativeCount))
    }

    /// Tests whether this distribution's positive share differs from another's.
    ///
    /// - Parameter other: The distribution to compare with.
    /// - Returns: The test (difference in percentage points), or `nil` when not defined.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"scale"` when the scales differ.
    public func positiveShareDifference(from other: ScoreDistribution) throws -> SignificanceTest? {
        guard other.scale == scale else {
            throw CoreError.validation(
                field: "scale", reason: "cannot compare \(other.scale.rawValue) with \(scale.rawValue)")
        }
        return try ScoreStatistics.shareDifference((positiveCount, total), (other.positiveCount, other.total))
    }

    // MARK: Codable

    private enum CodingKeys: String, CodingKey {
        case scale
        case counts
    }

    /// Decodes `{"scale": "nps", "counts": […]}`.
    ///
    /// - Throws: ``CoreError`` `.validationFailed` when the counts do not fit the scale;
    ///   `DecodingError` for a malformed document or unknown scale.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            scale: try container.decode(ScoreScale.self, forKey: .scale),
            counts: try container.decode([Int64].self, forKey: .counts))
    }

    /// Encodes `{"scale": "nps", "counts": […]}`.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scale, forKey: .scale)
        try container.encode(counts, forKey: .counts)
    }
}
