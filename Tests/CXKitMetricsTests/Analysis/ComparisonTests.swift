import CXKitCore
import CXKitMetrics
import Foundation
import Testing

@Suite("Comparisons, significance and movers")
struct ComparisonTests {
    func nps(promoters: Int, passives: Int, detractors: Int) throws -> MetricAggregate {
        var aggregate = MetricAggregate(measure: .score)
        for _ in 0..<promoters { try aggregate.add(.score(10, scale: .netPromoter)) }
        for _ in 0..<passives { try aggregate.add(.score(8, scale: .netPromoter)) }
        for _ in 0..<detractors { try aggregate.add(.score(3, scale: .netPromoter)) }
        return aggregate
    }

    @Test("NPS change test: z = (NPS₁ − NPS₂)/√(SE₁² + SE₂²)")
    func npsChangeTest() throws {
        let now = try nps(promoters: 100, passives: 60, detractors: 40)  // NPS 30, SE 5.5
        let then = try nps(promoters: 70, passives: 70, detractors: 60)  // NPS 5
        let comparison = try PeriodComparison(kpi: .netPromoterScore, current: now, previous: then)
        #expect(comparison.difference == 25)
        let seNow = 100 * ((0.5 + 0.2 - 0.09) / 200).squareRoot()
        let seThen = 100 * ((0.35 + 0.3 - 0.0025) / 200).squareRoot()
        #expect(
            abs((comparison.zStatistic ?? 0) - 25 / (seNow * seNow + seThen * seThen).squareRoot()) < 1e-9)
        #expect(comparison.isSignificant)
        #expect(comparison.isReliable)
    }

    @Test("a small sample is never significant: NPS dropping 8 points at n = 40 does not count")
    func minimumSampleSize() throws {
        let now = try nps(promoters: 14, passives: 14, detractors: 12)
        let then = try nps(promoters: 16, passives: 13, detractors: 11)
        let policy = try ComparisonPolicy(confidenceLevel: 0.95, minimumSampleSize: 100)
        let comparison = try PeriodComparison(
            kpi: .netPromoterScore, current: now, previous: then, policy: policy)
        #expect(!comparison.isReliable)
        #expect(!comparison.isSignificant)
        expectError(.validationFailed, field: "confidenceLevel") {
            _ = try ComparisonPolicy(confidenceLevel: 1, minimumSampleSize: 1)
        }
        expectError(.validationFailed, field: "minimumSampleSize") {
            _ = try ComparisonPolicy(confidenceLevel: 0.9, minimumSampleSize: 0)
        }
    }

    @Test("proportion change uses the pooled two-proportion z-test from core")
    func proportionChange() throws {
        var now = MetricAggregate(measure: .outcome)
        var then = MetricAggregate(measure: .outcome)
        for index in 0..<200 { try now.add(.outcome(index < 160)) }
        for index in 0..<200 { try then.add(.outcome(index < 130)) }
        let comparison = try PeriodComparison(kpi: .share(name: "sla"), current: now, previous: then)
        let pooled = 290.0 / 400
        let z = (0.8 - 0.65) / (pooled * (1 - pooled) * (2.0 / 200)).squareRoot()
        #expect(abs((comparison.zStatistic ?? 0) - z) < 1e-9)
        #expect(comparison.isSignificant)
        #expect(abs((comparison.relativeChange ?? 0) - 15.0 / 65) < 1e-9)
    }

    @Test("empty periods compare to no difference and no significance")
    func emptyComparison() throws {
        let comparison = try PeriodComparison(
            kpi: .netPromoterScore, current: MetricAggregate(measure: .score),
            previous: try nps(promoters: 1, passives: 0, detractors: 0))
        #expect(comparison.current == nil)
        #expect(comparison.difference == nil)
        #expect(!comparison.isSignificant)
    }

    @Test("previous-period and year-ago comparisons read the right days")
    func periodBaselines() throws {
        let zone = "Europe/Istanbul"
        var accumulator = RollupAccumulator(
            tenant: try Fixtures.tenant, configuration: try MetricsConfiguration(timeZoneIdentifier: zone))
        let thisWeek = Fixtures.day(14)
        let lastWeek = Fixtures.day(7)
        let lastYear = Fixtures.day(14 - 364)
        for _ in 0..<40 { try accumulator.add(try Fixtures.nps(10, at: thisWeek)) }
        for _ in 0..<40 { try accumulator.add(try Fixtures.nps(0, at: lastWeek)) }
        for _ in 0..<40 { try accumulator.add(try Fixtures.nps(8, at: lastYear)) }
        let week = try ReportingPeriod.containing(thisWeek, granularity: .isoWeek, timeZoneIdentifier: zone)
        let previous = try accumulator.collection.compare(
            .netPromoterScore, kpi: .netPromoterScore, in: week, with: .previousPeriod)
        #expect(previous.difference == 200)
        let yearAgo = try accumulator.collection.compare(
            .netPromoterScore, kpi: .netPromoterScore, in: week, with: .yearAgo)
        #expect(yearAgo.previous?.value == 0)
        #expect(yearAgo.difference == 100)
    }

    @Test("top and bottom movers rank dimension values by change")
    func movers() throws {
        var accumulator = RollupAccumulator(
            tenant: try Fixtures.tenant, configuration: try MetricsConfiguration(timeZoneIdentifier: "UTC"))
        let plan: [(String, Int, Int)] = [("t1", 9, 3), ("t2", 5, 5), ("t3", 2, 10)]
        for (team, before, after) in plan {
            for _ in 0..<20 {
                try accumulator.add(try Fixtures.nps(before, at: Fixtures.day(0), [.team: team]))
                try accumulator.add(try Fixtures.nps(after, at: Fixtures.day(1), [.team: team]))
            }
        }
        let rows = try accumulator.collection.movers(
            .netPromoterScore, kpi: .netPromoterScore, by: [.team],
            current: DateInterval(start: Fixtures.day(1, hour: 0), duration: 86_400),
            previous: DateInterval(start: Fixtures.day(0, hour: 0), duration: 86_400))
        #expect(rows.map { $0.dimensions[.team] } == ["t3", "t2", "t1"])
        #expect(rows.first?.comparison.difference == 200)
        #expect(rows.last?.comparison.difference == -200)
    }
}
