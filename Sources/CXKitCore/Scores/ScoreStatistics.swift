import Foundation

/// Score formulas as pure functions of counts: NPS and other net scores, top-box shares
/// (CSAT %, CES % agree), means, with standard errors, confidence intervals and
/// two-sample tests. Every function returns `nil` for an empty sample.
///
/// Confidence levels are free (0.90, 0.95, 0.99 …): critical values come from
/// ``StandardNormal/criticalValue(confidenceLevel:)``, not from a table.
public enum ScoreStatistics {
    /// How an NPS confidence interval is computed.
    public enum NetScoreInterval: Hashable, Sendable {
        /// value ± z·SE with SE = √((p₊ + p₋ − (p₊ − p₋)²)/n).
        case wald
        /// Adjusted Wald (Rocks 2016): add ¾ to positives and negatives and 3 to n, then
        /// use the Wald formula around the adjusted NPS. Better coverage for small samples
        /// and extreme scores.
        case adjustedWald
    }

    /// A net score (NPS, or "net easy" for CES): 100·(positive − negative)/n.
    ///
    /// Standard error: score every answer +1/0/−1; Var = p₊ + p₋ − (p₊ − p₋)²,
    /// SE = 100·√(Var/n), margin = z·SE. With 100 promoters, 60 passives and 40 detractors:
    /// NPS 30 ± 10.8 at 95%. The interval is clamped to −100…100; ``ScoreEstimate/value`` is
    /// always the observed score.
    ///
    /// - Parameters:
    ///   - positive: Promoters (or "easy" answers).
    ///   - neutral: Passives.
    ///   - negative: Detractors (or "difficult" answers).
    ///   - confidenceLevel: The interval's confidence level.
    ///   - method: Wald or adjusted Wald.
    /// - Returns: The estimate, or `nil` when there are no answers.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"counts"` for negative or
    ///   overflowing counts, `"confidence"` for a level outside (0, 1).
    public static func netScore(
        positive: Int64, neutral: Int64, negative: Int64, confidenceLevel: Double = 0.95,
        method: NetScoreInterval = .wald
    ) throws -> ScoreEstimate? {
        let n = try total([positive, neutral, negative])
        let z = try StandardNormal.criticalValue(confidenceLevel: confidenceLevel)
        guard n > 0 else { return nil }
        let count = Double(n)
        let value = 100 * Double(positive - negative) / count
        let (adjustedPositive, adjustedNegative, adjustedCount): (Double, Double, Double) =
            switch method {
            case .wald: (Double(positive), Double(negative), count)
            case .adjustedWald: (Double(positive) + 0.75, Double(negative) + 0.75, count + 3)
            }
        let pPositive = adjustedPositive / adjustedCount
        let pNegative = adjustedNegative / adjustedCount
        let variance = max(0, pPositive + pNegative - (pPositive - pNegative) * (pPositive - pNegative))
        let standardError = 100 * (variance / adjustedCount).squareRoot()
        let center = 100 * (pPositive - pNegative)
        let margin = z * standardError
        return ScoreEstimate(
            sampleSize: n, value: value, standardError: standardError, confidenceLevel: confidenceLevel,
            marginOfError: margin, lowerBound: max(-100, center - margin),
            upperBound: min(100, center + margin))
    }

    /// A share in percent (CSAT top box, CES % agree, FCR) with a Wilson score interval.
    ///
    /// p̂ = x/n; centre = (p̂ + z²/2n)/(1 + z²/n);
    /// half-width = z·√(p̂(1−p̂)/n + z²/4n²)/(1 + z²/n). The interval stays inside 0…100 and
    /// behaves at small n and at shares near 0 or 100. ``ScoreEstimate/standardError`` is
    /// the plain √(p̂(1−p̂)/n) in percent; ``ScoreEstimate/marginOfError`` the Wilson half-width.
    ///
    /// - Parameters:
    ///   - successes: Answers in the box.
    ///   - trials: All answers.
    ///   - confidenceLevel: The interval's confidence level.
    /// - Returns: The estimate, or `nil` when `trials` is zero.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"counts"` when a count is
    ///   negative or `successes > trials`, `"confidence"` for a level outside (0, 1).
    public static func share(
        successes: Int64, trials: Int64, confidenceLevel: Double = 0.95
    ) throws -> ScoreEstimate? {
        guard successes >= 0, trials >= 0, successes <= trials else {
            throw CoreError.validation(field: "counts", reason: "must satisfy 0 ≤ successes ≤ trials")
        }
        let z = try StandardNormal.criticalValue(confidenceLevel: confidenceLevel)
        guard trials > 0 else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let (lower, upper, half) = wilson(successes: successes, trials: trials, z: z)
        return ScoreEstimate(
            sampleSize: trials, value: 100 * p, standardError: 100 * (p * (1 - p) / n).squareRoot(),
            confidenceLevel: confidenceLevel, marginOfError: 100 * half, lowerBound: 100 * lower,
            upperBound: 100 * upper)
    }

    /// The Wilson interval as fractions, exact at the ends (0 successes → lower 0, all → upper 1).
    private static func wilson(
        successes: Int64, trials: Int64, z: Double
    ) -> (lower: Double, upper: Double, half: Double) {
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        let lower = successes == 0 ? 0 : max(0, center - half)
        let upper = successes == trials ? 1 : min(1, center + half)
        return (lower, upper, half)
    }

    /// The Wilson score interval for a proportion, as fractions (0…1).
    ///
    /// - Parameters:
    ///   - successes: Successes.
    ///   - trials: Trials.
    ///   - confidenceLevel: The confidence level.
    /// - Returns: The interval, or `nil` when `trials` is zero.
    /// - Throws: See ``share(successes:trials:confidenceLevel:)``.
    public static func wilsonInterval(
        successes: Int64, trials: Int64, confidenceLevel: Double = 0.95
    ) throws -> ClosedRange<Double>? {
        guard successes >= 0, trials >= 0, successes <= trials else {
            throw CoreError.validation(field: "counts", reason: "must satisfy 0 ≤ successes ≤ trials")
        }
        let z = try StandardNormal.criticalValue(confidenceLevel: confidenceLevel)
        guard trials > 0 else { return nil }
        let (lower, upper, _) = wilson(successes: successes, trials: trials, z: z)
        return lower...upper
    }

    /// The mean score of a distribution with a t interval (mean ± t₍ₙ₋₁₎·s/√n).
    ///
    /// - Parameters:
    ///   - counts: How many answers gave each score, `counts[i]` for score `lowest + i`.
    ///   - lowest: The score of `counts[0]`.
    ///   - confidenceLevel: The interval's confidence level.
    /// - Returns: The estimate (standard error and interval `nil` for a single answer), or
    ///   `nil` when there are no answers.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"counts"` for negative or
    ///   overflowing counts, `"confidence"` for a level outside (0, 1).
    public static func mean(
        counts: [Int64], lowest: Int, confidenceLevel: Double = 0.95
    ) throws -> ScoreEstimate? {
        let n = try total(counts)
        _ = try StandardNormal.criticalValue(confidenceLevel: confidenceLevel)
        guard n > 0 else { return nil }
        let count = Double(n)
        var sum = 0.0
        for (index, c) in counts.enumerated() { sum += Double(c) * Double(lowest + index) }
        let mean = sum / count
        guard n > 1 else {
            return ScoreEstimate(
                sampleSize: n, value: mean, standardError: nil, confidenceLevel: confidenceLevel,
                marginOfError: nil, lowerBound: nil, upperBound: nil)
        }
        var squares = 0.0
        for (index, c) in counts.enumerated() {
            let deviation = Double(lowest + index) - mean
            squares += Double(c) * deviation * deviation
        }
        let standardError = (squares / (count - 1) / count).squareRoot()
        let t = StudentT.criticalValue(confidenceLevel: confidenceLevel, degrees: count - 1)
        let margin = t * standardError
        return ScoreEstimate(
            sampleSize: n, value: mean, standardError: standardError, confidenceLevel: confidenceLevel,
            marginOfError: margin, lowerBound: mean - margin, upperBound: mean + margin)
    }

    /// Tests whether two net scores differ: z = (NPS₁ − NPS₂)/√(SE₁² + SE₂²), with Wald
    /// standard errors.
    ///
    /// - Parameters:
    ///   - first: Positive, neutral and negative counts of the first sample.
    ///   - second: The same for the second sample.
    /// - Returns: The test, or `nil` when a sample is empty or both have zero variance.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"counts"` for negative counts.
    public static func netScoreDifference(
        _ first: (positive: Int64, neutral: Int64, negative: Int64),
        _ second: (positive: Int64, neutral: Int64, negative: Int64)
    ) throws -> SignificanceTest? {
        guard
            let a = try netScore(positive: first.positive, neutral: first.neutral, negative: first.negative),
            let b = try netScore(
                positive: second.positive, neutral: second.neutral, negative: second.negative),
            let seA = a.standardError, let seB = b.standardError
        else { return nil }
        let denominator = (seA * seA + seB * seB).squareRoot()
        guard denominator > 0 else { return nil }
        return SignificanceTest(difference: a.value - b.value, z: (a.value - b.value) / denominator)
    }

    /// The pooled two-proportion z-test: p = (x₁ + x₂)/(n₁ + n₂),
    /// z = (p₁ − p₂)/√(p(1 − p)(1/n₁ + 1/n₂)). ``SignificanceTest/difference`` is in percentage
    /// points.
    ///
    /// - Parameters:
    ///   - first: Successes and trials of the first sample.
    ///   - second: Successes and trials of the second sample.
    /// - Returns: The test, or `nil` when a sample is empty or the pooled share is 0 or 1.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"counts"` when a count is
    ///   negative or successes exceed trials.
    public static func shareDifference(
        _ first: (successes: Int64, trials: Int64), _ second: (successes: Int64, trials: Int64)
    ) throws -> SignificanceTest? {
        for sample in [first, second] {
            guard sample.successes >= 0, sample.trials >= 0, sample.successes <= sample.trials else {
                throw CoreError.validation(field: "counts", reason: "must satisfy 0 ≤ successes ≤ trials")
            }
        }
        guard first.trials > 0, second.trials > 0 else { return nil }
        let n1 = Double(first.trials)
        let n2 = Double(second.trials)
        let p1 = Double(first.successes) / n1
        let p2 = Double(second.successes) / n2
        let pooled = (Double(first.successes) + Double(second.successes)) / (n1 + n2)
        let standardError = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        guard standardError > 0 else { return nil }
        return SignificanceTest(difference: 100 * (p1 - p2), z: (p1 - p2) / standardError)
    }

    /// The sum of non-negative counts.
    static func total(_ counts: [Int64]) throws -> Int64 {
        var sum: Int64 = 0
        for count in counts {
            guard count >= 0 else {
                throw CoreError.validation(field: "counts", reason: "must not be negative")
            }
            let (next, overflow) = sum.addingReportingOverflow(count)
            guard !overflow else {
                throw CoreError.validation(field: "counts", reason: "add up to more than Int64")
            }
            sum = next
        }
        return sum
    }
}
