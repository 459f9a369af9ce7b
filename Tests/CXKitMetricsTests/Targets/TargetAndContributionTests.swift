import CXKitCore
import CXKitMetrics
import Foundation
import Testing

@Suite("Targets and contribution analysis")
struct TargetAndContributionTests {
    func nps(promoters: Int, detractors: Int, passives: Int = 0) throws -> MetricAggregate {
        var aggregate = MetricAggregate(measure: .score)
        for _ in 0..<promoters { try aggregate.add(.score(10, scale: .netPromoter)) }
        for _ in 0..<passives { try aggregate.add(.score(7, scale: .netPromoter)) }
        for _ in 0..<detractors { try aggregate.add(.score(2, scale: .netPromoter)) }
        return aggregate
    }

    @Test("NPS ≥ 40 and first reply p90 ≤ 120 s report attainment, margin and ratio")
    func attainment() throws {
        let npsTarget = try MetricTarget(
            name: "nps-40", kind: .netPromoterScore, kpi: .netPromoterScore, goal: .atLeast(40))
        let met = try npsTarget.attainment(of: try nps(promoters: 60, detractors: 10, passives: 30))
        #expect(met.isMet == true)
        #expect(met.margin == 10)
        #expect(met.ratio == 1.25)
        let missed = try npsTarget.attainment(of: try nps(promoters: 30, detractors: 10, passives: 60))
        #expect(missed.isMet == false)
        #expect(missed.margin == -20)
        let empty = try npsTarget.attainment(of: MetricAggregate(measure: .score))
        #expect(empty.isMet == nil)
        #expect(empty.value == nil)

        let chat = try DimensionSet([.channel: "chat"])
        let reply = try MetricTarget(
            name: "chat-first-reply", kind: .firstResponseTime,
            kpi: .durationQuantile(name: "frt", quantile: 0.9),
            goal: .atMost(120), segment: chat)
        var durations = MetricAggregate(measure: .duration)
        for seconds in stride(from: 10.0, through: 100, by: 10) {
            try durations.add(.duration(seconds: seconds))
        }
        let frt = try reply.attainment(of: durations)
        #expect(frt.isMet == true)
        #expect(abs((frt.margin ?? 0) - 30) < 1)
        expectError(.validationFailed, field: "goal") {
            _ = try MetricTarget(
                name: "x", kind: .netPromoterScore, kpi: .netPromoterScore, goal: .atLeast(.infinity))
        }
    }

    @Test("a pure mix shift is attributed to mix, a pure rate change to rate, and they sum to the change")
    func contributions() throws {
        let email = try DimensionSet([.channel: "email"])
        let chat = try DimensionSet([.channel: "chat"])
        let previous = [
            DimensionAggregate(
                dimensions: email, aggregate: try nps(promoters: 50, detractors: 10, passives: 40)),  // 40
            DimensionAggregate(
                dimensions: chat, aggregate: try nps(promoters: 30, detractors: 30, passives: 40)),  // 0
        ]
        let mixOnly = [
            DimensionAggregate(
                dimensions: email, aggregate: try nps(promoters: 25, detractors: 5, passives: 20)),
            DimensionAggregate(
                dimensions: chat, aggregate: try nps(promoters: 45, detractors: 45, passives: 60)),
        ]
        let analysis = try ContributionAnalysis(kpi: .netPromoterScore, current: mixOnly, previous: previous)
        #expect(analysis.previousValue == 20)
        #expect(analysis.currentValue == 10)
        #expect(analysis.segments.first?.dimensions == email)
        #expect(abs((analysis.segments.first?.mixEffect ?? 0) + 10) < 1e-9)
        #expect(analysis.segments.allSatisfy { abs($0.rateEffect) < 1e-9 })

        let rateOnly = [
            DimensionAggregate(
                dimensions: email, aggregate: try nps(promoters: 50, detractors: 10, passives: 40)),
            DimensionAggregate(
                dimensions: chat, aggregate: try nps(promoters: 20, detractors: 40, passives: 40)),  // −20
        ]
        let rate = try ContributionAnalysis(kpi: .netPromoterScore, current: rateOnly, previous: previous)
        #expect(rate.segments.first?.dimensions == chat)
        #expect(abs((rate.segments.first?.rateEffect ?? 0) + 10) < 1e-9)
        let sum = rate.segments.reduce(0) { $0 + $1.total }
        #expect(abs(sum - (rate.change ?? 0)) < 1e-9)
        expectError(.validationFailed, field: "kpi") {
            _ = try ContributionAnalysis(
                kpi: .durationQuantile(name: "x", quantile: 0.5), current: [], previous: [])
        }
    }
}
