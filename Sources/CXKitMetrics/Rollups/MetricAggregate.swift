import CXKitCore

/// The mergeable summary of any number of observations of one metric: an exact score
/// histogram, a duration sketch, an outcome tally or a quantity sum, with the count.
///
/// Aggregates of the same measure merge by addition, so a week is the merge of its days and
/// a team the merge of its agents, in any order. Every KPI in ``KPI`` is a pure function of
/// aggregates.
public struct MetricAggregate: Hashable, Sendable, Codable {
    /// The measure the aggregate summarises.
    public let measure: MetricMeasure
    /// How many observations it holds.
    public private(set) var count: Int64 = 0
    /// The exact score counts (score metrics), `nil` until the first score fixes the scale.
    public private(set) var scores: ScoreDistribution?
    /// The duration sketch (duration metrics), `nil` until the first duration.
    public private(set) var durations: DurationSketch?
    /// How many outcomes were `true` (outcome metrics).
    public private(set) var successes: Int64 = 0
    /// The sum of quantities (quantity metrics) or durations in seconds (duration metrics).
    public private(set) var sum: Double = 0
    /// The sum of squared quantities or durations, for the standard deviation and the
    /// interval of the mean.
    public private(set) var sumOfSquares: Double = 0

    /// An empty aggregate.
    ///
    /// - Parameter measure: The measure it will summarise.
    public init(measure: MetricMeasure) {
        self.measure = measure
    }

    /// Whether it holds no observations.
    public var isEmpty: Bool { count == 0 }

    /// How many outcomes were `false` (outcome metrics).
    public var failures: Int64 { measure == .outcome ? count - successes : 0 }

    /// The mean quantity or duration, `nil` when empty or for scores and outcomes.
    public var mean: Double? {
        guard count > 0, measure == .quantity || measure == .duration else { return nil }
        return sum / Double(count)
    }

    /// The sample standard deviation of quantities or durations, `nil` below two values or
    /// for scores and outcomes.
    public var standardDeviation: Double? {
        guard count > 1, measure == .quantity || measure == .duration else { return nil }
        let n = Double(count)
        let variance = (sumOfSquares - sum * sum / n) / (n - 1)
        return Swift.max(0, variance).squareRoot()
    }

    /// Adds one observed value.
    ///
    /// - Parameter value: A value of this aggregate's measure.
    /// - Throws: ``MetricsError`` with `ErrorCode.validationFailed` naming
    ///   `value` for another measure, `scale` for a score on a different scale than the ones
    ///   already counted, or what ``ObservedValue/validate()`` throws; the aggregate is
    ///   unchanged.
    public mutating func add(_ value: ObservedValue) throws(MetricsError) {
        guard value.measure == measure else {
            throw .validation(
                field: "value", reason: "a \(measure.rawValue) aggregate cannot take this value")
        }
        try value.validate()
        // Mutate the stored histogram and sketch in place (optional chaining) so their
        // arrays stay uniquely referenced: no copy and no allocation per added value.
        switch value {
        case .score(let score, let scale):
            if let existing = scores?.scale, existing != scale {
                throw .validation(
                    field: "scale", reason: "differs from the scale already counted for this metric")
            }
            if scores == nil { scores = ScoreDistribution(scale: scale) }
            do {
                try scores?.add(score)
            } catch {
                throw .validation(field: "score", reason: "must lie within the scale")
            }
        case .duration(let seconds):
            if durations == nil { durations = DurationSketch() }
            try KPI.core { try durations?.insert(seconds) }
            sum += seconds
            sumOfSquares += seconds * seconds
        case .outcome(let success):
            if success { successes += 1 }
        case .quantity(let amount):
            sum += amount
            sumOfSquares += amount * amount
        }
        count += 1
    }

    /// Adds every observation of `other`.
    ///
    /// - Parameter other: An aggregate of the same measure (and scale, for scores).
    /// - Throws: ``MetricsError`` with `ErrorCode.validationFailed` naming
    ///   `measure` or `scale` when they differ, `ErrorCode.limitExceeded` naming
    ///   `count` on overflow; the aggregate is unchanged.
    public mutating func merge(_ other: MetricAggregate) throws(MetricsError) {
        guard other.measure == measure else {
            throw .validation(field: "measure", reason: "aggregates of different measures cannot merge")
        }
        guard other.count > 0 else { return }
        let (newCount, overflow) = count.addingReportingOverflow(other.count)
        guard !overflow else { throw .limit(field: "count", reason: "exceeds Int64") }
        var mergedScores = scores
        if let theirs = other.scores {
            if let mine = scores {
                guard mine.scale == theirs.scale else {
                    throw .validation(field: "scale", reason: "aggregates on different scales cannot merge")
                }
                do {
                    mergedScores = try mine.merging(theirs)
                } catch {
                    throw .limit(field: "count", reason: "score counts exceed Int64")
                }
            } else {
                mergedScores = theirs
            }
        }
        var mergedDurations = durations
        if let theirs = other.durations {
            if let mine = durations {
                mergedDurations = try KPI.core { try mine.merging(theirs) }
            } else {
                mergedDurations = theirs
            }
        }
        scores = mergedScores
        durations = mergedDurations
        count = newCount
        successes += other.successes
        sum += other.sum
        sumOfSquares += other.sumOfSquares
    }

    /// Returns the merge of both aggregates.
    ///
    /// - Parameter other: An aggregate of the same measure.
    /// - Returns: The merged aggregate.
    /// - Throws: ``MetricsError`` as ``merge(_:)`` does.
    public func merging(_ other: MetricAggregate) throws(MetricsError) -> MetricAggregate {
        var copy = self
        try copy.merge(other)
        return copy
    }

    private enum CodingKeys: String, CodingKey {
        case measure, count, scores, durations, successes, sum, sumOfSquares
    }

    /// Decodes and checks an aggregate: non-negative counts, a histogram or sketch that
    /// holds exactly ``count`` values and only the parts its measure uses.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the parts are inconsistent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        measure = try container.decode(MetricMeasure.self, forKey: .measure)
        count = try container.decode(Int64.self, forKey: .count)
        scores = try container.decodeIfPresent(ScoreDistribution.self, forKey: .scores)
        durations = try container.decodeIfPresent(DurationSketch.self, forKey: .durations)
        successes = try container.decodeIfPresent(Int64.self, forKey: .successes) ?? 0
        sum = try container.decodeIfPresent(Double.self, forKey: .sum) ?? 0
        sumOfSquares = try container.decodeIfPresent(Double.self, forKey: .sumOfSquares) ?? 0
        let consistent: Bool =
            switch measure {
            case .score: (scores?.total ?? 0) == count && durations == nil && successes == 0
            case .duration: Int64(clamping: durations?.count ?? 0) == count && scores == nil && successes == 0
            case .outcome: (0...count).contains(successes) && scores == nil && durations == nil
            case .quantity: scores == nil && durations == nil && successes == 0
            }
        guard count >= 0, consistent, sum.isFinite, sumOfSquares.isFinite, sumOfSquares >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .count, in: container, debugDescription: "the aggregate's parts do not add up")
        }
    }

    /// Aggregates are equal when they hold the same counts, histograms and sketches, and
    /// sums equal to within floating-point rounding (merge order changes the last bits).
    public static func == (lhs: MetricAggregate, rhs: MetricAggregate) -> Bool {
        let tolerance = 1e-9 * Swift.max(1, Swift.abs(lhs.sum), Swift.abs(rhs.sum))
        let squaresTolerance = 1e-9 * Swift.max(1, lhs.sumOfSquares, rhs.sumOfSquares)
        return lhs.measure == rhs.measure && lhs.count == rhs.count && lhs.successes == rhs.successes
            && lhs.scores == rhs.scores && lhs.durations == rhs.durations
            && Swift.abs(lhs.sum - rhs.sum) <= tolerance
            && Swift.abs(lhs.sumOfSquares - rhs.sumOfSquares) <= squaresTolerance
    }

    /// Hashes the measure, counts and histogram (not the floating-point sum).
    ///
    /// - Parameter hasher: The hasher.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(measure)
        hasher.combine(count)
        hasher.combine(successes)
        hasher.combine(scores)
        hasher.combine(durations)
    }
}
