import CXKitCore
import Foundation
import Testing

@Suite("Score statistics")
struct ScoreStatisticsTests {
    private func close(_ actual: Double?, _ expected: Double, _ tolerance: Double) -> Bool {
        guard let actual else { return false }
        return abs(actual - expected) <= tolerance
    }

    @Test("critical values come from the inverse normal, for any confidence level")
    func criticalValues() throws {
        // Reference values: Python's statistics.NormalDist().inv_cdf(1 − (1 − c)/2).
        #expect(close(try StandardNormal.criticalValue(confidenceLevel: 0.95), 1.959_963_984_540_054, 1e-12))
        #expect(close(try StandardNormal.criticalValue(confidenceLevel: 0.99), 2.575_829_303_548_9, 1e-12))
        #expect(
            close(try StandardNormal.criticalValue(confidenceLevel: 0.90), 1.644_853_626_951_471_5, 1e-12))
        #expect(close(try StandardNormal.criticalValue(confidenceLevel: 0.5), 0.674_489_750_196_081_7, 1e-12))
        #expect(
            close(try StandardNormal.criticalValue(confidenceLevel: 0.999_999), 4.891_638_475_671_084, 1e-9))
        #expect(String(format: "%.6f", try StandardNormal.criticalValue(confidenceLevel: 0.95)) == "1.959964")
        for p in stride(from: 0.001, to: 1, by: 0.001) {
            let x = try #require(StandardNormal.quantile(p))
            #expect(abs(StandardNormal.cumulativeProbability(x) - p) < 1e-13)
        }
        #expect(StandardNormal.quantile(0) == -.infinity)
        #expect(StandardNormal.quantile(1.5) == nil)
        for level in [0, 1, -0.5, 1.5, Double.nan] {
            #expect {
                try StandardNormal.criticalValue(confidenceLevel: level)
            } throws: { ($0 as? CoreError)?.field == "confidence" }
        }
    }

    @Test("NPS of 100 promoters, 60 passives and 40 detractors is 30 ± 10.8 at 95%")
    func npsWald() throws {
        // pP = 0.5, pD = 0.2: Var = 0.5 + 0.2 − 0.3² = 0.61; SE = 100·√(0.61/200) = 5.5227;
        // margin = 1.959964 × 5.5227 = 10.824.
        let estimate = try #require(try ScoreStatistics.netScore(positive: 100, neutral: 60, negative: 40))
        #expect(estimate.sampleSize == 200)
        #expect(estimate.value == 30)
        #expect(close(estimate.standardError, 5.522_680_508_593_631, 1e-9))
        #expect(close(estimate.marginOfError, 10.8, 0.05))
        #expect(close(estimate.marginOfError, 10.824_254_894_964_861, 1e-9))
        #expect(close(estimate.lowerBound, 30 - 10.824_254_894_964_861, 1e-9))
        #expect(close(estimate.upperBound, 30 + 10.824_254_894_964_861, 1e-9))
        let wider = try #require(
            try ScoreStatistics.netScore(positive: 100, neutral: 60, negative: 40, confidenceLevel: 0.99))
        #expect(try #require(wider.marginOfError) > 10.9)
    }

    @Test("adjusted-Wald NPS adds ¾ to promoters and detractors and 3 to n")
    func npsAdjustedWald() throws {
        // P' = 100.75, D' = 40.75, n' = 203: centre = 100·60/203 = 29.5567;
        // Var = 0.496305 + 0.200739 − 0.295567² = 0.609685; SE = 100·√(Var/203) = 5.48030.
        let estimate = try #require(
            try ScoreStatistics.netScore(positive: 100, neutral: 60, negative: 40, method: .adjustedWald))
        #expect(estimate.value == 30)
        #expect(close(estimate.standardError, 5.480_304_087_051_919, 1e-9))
        #expect(close(estimate.lowerBound, 18.815_451_611_355_996, 1e-9))
        #expect(close(estimate.upperBound, 40.297_848_881_254_836, 1e-9))
        // All promoters: Wald collapses to a zero-width interval, adjusted Wald does not.
        let allPromoters = try #require(try ScoreStatistics.netScore(positive: 5, neutral: 0, negative: 0))
        #expect(allPromoters.marginOfError == 0)
        let adjusted = try #require(
            try ScoreStatistics.netScore(positive: 5, neutral: 0, negative: 0, method: .adjustedWald))
        #expect(try #require(adjusted.lowerBound) < 100)
        #expect(adjusted.upperBound == 100)  // clamped
    }

    @Test("Wilson interval for 81 of 263 is 25.53% … 36.62%")
    func wilson() throws {
        // p̂ = 0.307985, z² = 3.841459, z²/n = 0.014606: centre = (0.307985 + 0.007303)/1.014606
        // = 0.310753; half = 1.959964·√(0.000810455 + 0.0000138826)/1.014606 = 0.055461.
        let interval = try #require(try ScoreStatistics.wilsonInterval(successes: 81, trials: 263))
        #expect(close(interval.lowerBound, 0.255_288_519_878_274_3, 1e-12))
        #expect(close(interval.upperBound, 0.366_209_576_982_800_1, 1e-12))
        let share = try #require(try ScoreStatistics.share(successes: 81, trials: 263))
        #expect(close(share.value, 100 * 81 / 263, 1e-12))
        #expect(close(share.lowerBound, 25.53, 0.005))
        #expect(close(share.upperBound, 36.62, 0.005))
        let perfect = try #require(try ScoreStatistics.wilsonInterval(successes: 10, trials: 10))
        #expect(perfect.upperBound == 1)
        #expect(perfect.lowerBound > 0.6 && perfect.lowerBound < 0.75)
    }

    @Test("mean uses a t interval")
    func mean() throws {
        // CSAT counts 1,2,3,4,10 for scores 1…5: n = 20, mean = 4, s² = 30/19, SE = 0.280976;
        // t(0.975, 19) = 2.093024.
        let estimate = try #require(try ScoreStatistics.mean(counts: [1, 2, 3, 4, 10], lowest: 1))
        #expect(estimate.value == 4)
        #expect(close(estimate.standardError, 0.280_975_743_474_508_16, 1e-12))
        #expect(close(estimate.marginOfError, 2.093_024_054_408_263 * 0.280_975_743_474_508_16, 1e-9))
        let single = try #require(try ScoreStatistics.mean(counts: [0, 0, 1], lowest: 1))
        #expect(single.value == 3)
        #expect(single.standardError == nil)
        #expect(single.interval == nil)
        // t critical values against tables.
        let two = try #require(try ScoreStatistics.mean(counts: [1, 1], lowest: 0))
        #expect(close(two.marginOfError, 12.706_204_736_174_707 * 0.5, 1e-8))
    }

    @Test("empty samples give no score, never NaN")
    func empty() throws {
        #expect(try ScoreStatistics.netScore(positive: 0, neutral: 0, negative: 0) == nil)
        #expect(try ScoreStatistics.share(successes: 0, trials: 0) == nil)
        #expect(try ScoreStatistics.wilsonInterval(successes: 0, trials: 0) == nil)
        #expect(try ScoreStatistics.mean(counts: [0, 0, 0], lowest: 1) == nil)
        #expect(try ScoreStatistics.shareDifference((0, 0), (1, 2)) == nil)
        #expect(try ScoreStatistics.netScoreDifference((0, 0, 0), (1, 0, 0)) == nil)
        let empty = ScoreDistribution(scale: .netPromoter)
        #expect(try empty.netScore() == nil)
        #expect(try empty.positiveShare() == nil)
        #expect(try empty.mean() == nil)
    }

    @Test("two-proportion and NPS change z-tests")
    func significance() throws {
        // Pooled p = 75/200 = 0.375; SE = √(0.375·0.625·0.02) = 0.068465; z = 0.15/SE = 2.19089.
        let share = try #require(try ScoreStatistics.shareDifference((45, 100), (30, 100)))
        #expect(close(share.z, 2.190_890_230_020_664_7, 1e-9))
        #expect(close(share.pValue, 0.028_459_736_916_310_57, 1e-9))
        #expect(close(share.difference, 15, 1e-9))
        #expect(share.isSignificant(at: 0.95))
        #expect(!share.isSignificant(at: 0.99))
        // NPS 30 (SE 5.5227) against NPS 10 (SE 100·√(0.69/200) = 5.8737): z = 20/8.0622 = 2.4807.
        let nps = try #require(try ScoreStatistics.netScoreDifference((100, 60, 40), (80, 60, 60)))
        #expect(close(nps.z, 2.480_694_691_784_169_2, 1e-9))
        #expect(close(nps.pValue, 0.013_112_663_265_155_903, 1e-9))
        #expect(nps.isSignificant())
        #expect(try ScoreStatistics.shareDifference((0, 10), (0, 10)) == nil)
    }

    @Test("invalid counts are validation errors on field counts")
    func invalidCounts() {
        for body in [
            { _ = try ScoreStatistics.netScore(positive: -1, neutral: 0, negative: 0) },
            { _ = try ScoreStatistics.netScore(positive: .max, neutral: 1, negative: 0) },
            { _ = try ScoreStatistics.share(successes: 3, trials: 2) },
            { _ = try ScoreStatistics.share(successes: -1, trials: 2) },
            { _ = try ScoreStatistics.mean(counts: [1, -1], lowest: 1) },
            { _ = try ScoreStatistics.shareDifference((3, 2), (1, 2)) },
        ] as [() throws -> Void] {
            #expect {
                try body()
            } throws: { error in
                (error as? CoreError)?.code == .validationFailed && (error as? CoreError)?.field == "counts"
            }
        }
    }
}
