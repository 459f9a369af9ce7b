import CXKitCore
import CXKitMetrics
import Foundation
import Testing

@Suite("KPIs against published examples")
struct KPITests {
    func scores(_ counts: [Int: Int], scale: ScoreScale) throws -> MetricAggregate {
        var aggregate = MetricAggregate(measure: .score)
        for (score, count) in counts.sorted(by: { $0.key < $1.key }) {
            for _ in 0..<count { try aggregate.add(.score(score, scale: scale)) }
        }
        return aggregate
    }

    func outcomes(success: Int, failure: Int) throws -> MetricAggregate {
        var aggregate = MetricAggregate(measure: .outcome)
        for _ in 0..<success { try aggregate.add(.outcome(true)) }
        for _ in 0..<failure { try aggregate.add(.outcome(false)) }
        return aggregate
    }

    func durations(_ values: [Double]) throws -> MetricAggregate {
        var aggregate = MetricAggregate(measure: .duration)
        for value in values { try aggregate.add(.duration(seconds: value)) }
        return aggregate
    }

    @Test("NPS: n = 200, 50 % promoters, 20 % detractors gives 30 ± 10.8 (Wald)")
    func npsPublishedExample() throws {
        let aggregate = try scores([10: 60, 9: 40, 8: 30, 7: 30, 5: 20, 0: 20], scale: .netPromoter)
        let nps = try #require(try KPI.netPromoterScore(aggregate, interval: .wald))
        #expect(nps.value == 30)
        #expect(nps.sampleSize == 200)
        #expect(abs((nps.marginOfError ?? 0) - 10.8) < 0.05)
        #expect(nps.unit == .points)
        // Adjusted Wald: P = 100.75, D = 40.75, n = 203 → centre 29.56, same observed value.
        let adjusted = try #require(try KPI.netPromoterScore(aggregate))
        #expect(adjusted.value == 30)
        let centre = ((adjusted.lowerBound ?? 0) + (adjusted.upperBound ?? 0)) / 2
        #expect(abs(centre - 100 * (100.75 - 40.75) / 203) < 1e-9)
    }

    @Test("CSAT top-2-box follows the scale: 4–5 of 5 and 9–10 of 10, with the mean")
    func csatTopTwoBox() throws {
        let five = try scores([1: 2, 2: 1, 3: 3, 4: 6, 5: 8], scale: .satisfaction5)
        let csat = try #require(try KPI.customerSatisfaction(five))
        #expect(csat.value == 70)
        #expect(csat.name == "csat.topTwoBox")
        let mean = try #require(try KPI.customerSatisfactionMean(five))
        #expect(abs(mean.value - 3.85) < 1e-12)  // (2 + 2 + 9 + 24 + 40) / 20
        let ten = try scores([10: 3, 9: 2, 8: 4, 2: 1], scale: .satisfaction10)
        #expect(try KPI.customerSatisfaction(ten)?.value == 50)
    }

    @Test("Wilson interval matches Newcombe's worked example 81/263 → 0.2553 … 0.3662")
    func wilsonPublishedExample() throws {
        let aggregate = try outcomes(success: 81, failure: 182)
        let value = try #require(try KPI.firstContactResolution(aggregate, variant: .oneTouch))
        #expect(abs(value.value - 30.798) < 0.001)
        #expect(abs((value.lowerBound ?? 0) - 25.53) < 0.01)
        #expect(abs((value.upperBound ?? 0) - 36.62) < 0.01)
        #expect(value.name == "fcr.oneTouch")
    }

    @Test("CES % agree counts 5–7 of 7 and 4–5 of 5; net easy subtracts 1–3")
    func cesAgree() throws {
        let seven = try scores([1: 1, 2: 1, 3: 1, 5: 1, 6: 1, 7: 2], scale: .effort7)
        #expect(abs((try KPI.customerEffort(seven)?.value ?? 0) - 400.0 / 7) < 1e-9)
        #expect(abs((try KPI.customerEffortNetEasy(seven)?.value ?? 0) - 100.0 / 7) < 1e-9)
        #expect(abs((try KPI.customerEffortMean(seven)?.value ?? 0) - 31.0 / 7) < 1e-9)
        let five = try scores([4: 3, 5: 1, 1: 4], scale: .effort5)
        #expect(try KPI.customerEffort(five)?.value == 50)
    }

    @Test("FCR variants are named and use resolved contacts as the denominator")
    func fcrVariants() throws {
        let aggregate = try outcomes(success: 72, failure: 28)
        for variant in [
            FirstContactResolutionVariant.noFurtherCustomerMessage, .oneTouch, .singleAgentReply,
            .noRepeatContact(days: 7),
        ] {
            let value = try #require(try KPI.firstContactResolution(aggregate, variant: variant))
            #expect(value.value == 72)
            #expect(value.name == variant.name)
        }
        #expect(FirstContactResolutionVariant.noRepeatContact(days: 7).name == "fcr.noRepeatContact.7d")
        expectError(.validationFailed, field: "variant") {
            _ = try KPI.firstContactResolution(aggregate, variant: .noRepeatContact(days: 0))
        }
    }

    @Test("duration KPIs report n, mean and median with their variant names")
    func durationKPIs() throws {
        let aggregate = try durations([60, 120, 180, 240, 3_600])
        let first = try #require(try KPI.firstResponseTime(aggregate))
        #expect(first.sampleSize == 5)
        #expect(first.mean == 840)
        #expect(abs(first.median - 180) / 180 <= 0.01)
        #expect(first.maximum == 3_600)
        #expect(try KPI.firstResponseTime(aggregate, basis: .business)?.name == "firstResponseTime.business")
        #expect(try KPI.nextReplyTime(aggregate)?.name == "nextReplyTime")
        #expect(
            try KPI.resolutionTime(aggregate, variant: .full, basis: .business)?.name
                == "fullResolutionTime.business")
        #expect(try KPI.resolutionTime(aggregate, variant: .first)?.name == "firstResolutionTime")
        #expect(try KPI.refundCycleTime(aggregate)?.name == "refundCycleTime")
        #expect(try KPI.communityTimeToFirstResponse(aggregate)?.name == "community.timeToFirstResponse")
    }

    @Test("handle time is talk + hold + after-contact work; AHT is its mean")
    func handleTime() throws {
        #expect(try KPI.handleTime(talk: 300, hold: 60, afterContactWork: 120) == 480)
        let aht = try #require(try KPI.averageHandleTime(try durations([480, 360, 600])))
        #expect(aht.mean == 480)
        expectError(.validationFailed, field: "hold") {
            _ = try KPI.handleTime(talk: 1, hold: -1, afterContactWork: 0)
        }
        expectError(.validationFailed, field: "talk") {
            _ = try KPI.handleTime(talk: .nan, hold: 0, afterContactWork: 0)
        }
    }

    @Test("SLA compliance is achieved ÷ (achieved + breached); reopen rate is reopened ÷ solved")
    func slaAndReopen() throws {
        #expect(try KPI.slaCompliance(achieved: 45, breached: 5)?.value == 90)
        #expect(try KPI.slaCompliance(try outcomes(success: 45, failure: 5))?.value == 90)
        #expect(try KPI.reopenRate(try outcomes(success: 10, failure: 190))?.value == 5)
        expectError(.validationFailed, field: "breached") {
            _ = try KPI.slaCompliance(achieved: 1, breached: -1)
        }
    }

    @Test("churn: Baremetrics 5 of 100, Stripe 10 ÷ (100 + 20), revenue churn gross and net")
    func churn() throws {
        #expect(try KPI.customerChurn(lost: 5, activeAtStart: 100)?.value == 5)
        let stripe = try #require(try KPI.customerChurnIncludingNew(churned: 10, activeAtStart: 100, new: 20))
        #expect(abs(stripe.value - 8.3333) < 0.001)
        let usd = try CurrencyCode("USD")
        let start = Money(minorUnits: 1_000_000, currency: usd)
        let lost = Money(minorUnits: 50_000, currency: usd)
        let expansion = Money(minorUnits: 20_000, currency: usd)
        #expect(try KPI.grossRevenueChurn(startingRevenue: start, lostRevenue: lost)?.value == 5)
        #expect(
            try KPI.netRevenueChurn(startingRevenue: start, lostRevenue: lost, expansionRevenue: expansion)?
                .value == 3)
        expectError(.currencyMismatch, field: "lostRevenue") {
            _ = try KPI.grossRevenueChurn(
                startingRevenue: start, lostRevenue: Money(minorUnits: 1, currency: try CurrencyCode("EUR")))
        }
        expectError(.validationFailed, field: "lost") { _ = try KPI.customerChurn(lost: 6, activeAtStart: 5) }
        expectError(.validationFailed, field: "new") {
            _ = try KPI.customerChurnIncludingNew(churned: 0, activeAtStart: 1, new: -1)
        }
    }

    @Test("cohort retention gives one share per period since signup")
    func cohortRetention() throws {
        let values = try KPI.cohortRetention(cohortSize: 200, activeByPeriod: [200, 150, 120, 90])
        #expect(values.map(\.value) == [100, 75, 60, 45])
        #expect(values.map(\.name).last == "retention.period3")
        expectError(.validationFailed, field: "activeByPeriod[1]") {
            _ = try KPI.cohortRetention(cohortSize: 10, activeByPeriod: [10, 11])
        }
    }

    @Test("return rates: 12 of 400 orders and 30 of 1000 units are both 3 %")
    func returnRates() throws {
        #expect(try KPI.orderReturnRate(try outcomes(success: 12, failure: 388))?.value == 3)
        #expect(try KPI.unitReturnRate(unitsReturned: 30, unitsSold: 1_000)?.value == 3)
        var returned = MetricAggregate(measure: .quantity)
        try returned.add(.quantity(30))
        var sold = MetricAggregate(measure: .quantity)
        try sold.add(.quantity(600))
        try sold.add(.quantity(400))
        #expect(try KPI.unitReturnRate(returned: returned, sold: sold)?.value == 3)
        expectError(.validationFailed, field: "unitsReturned") {
            _ = try KPI.unitReturnRate(unitsReturned: 5, unitsSold: 4)
        }
    }

    @Test("community: DAU/MAU of a mean 250 daily over 1000 monthly is 0.25; answered share")
    func community() throws {
        let ratio = try #require(
            try KPI.dailyToMonthlyActiveRatio(dailyActiveCounts: [200, 300, 250], monthlyActive: 1_000))
        #expect(ratio.value == 0.25)
        #expect(try KPI.answeredShare(try outcomes(success: 3, failure: 1))?.value == 75)
        expectError(.validationFailed, field: "dailyActiveCounts[0]") {
            _ = try KPI.dailyToMonthlyActiveRatio(dailyActiveCounts: [5], monthlyActive: 4)
        }
        #expect(try KPI.conversionRate(conversions: 1, opportunities: 4)?.value == 25)
    }

    @Test("n = 0 gives no value for every KPI, never NaN")
    func emptyGivesNoScore() throws {
        let score = MetricAggregate(measure: .score)
        let outcome = MetricAggregate(measure: .outcome)
        let duration = MetricAggregate(measure: .duration)
        #expect(try KPI.netPromoterScore(score) == nil)
        #expect(try KPI.customerSatisfaction(score) == nil)
        #expect(try KPI.customerSatisfactionMean(score) == nil)
        #expect(try KPI.customerEffort(score) == nil)
        #expect(try KPI.firstContactResolution(outcome, variant: .oneTouch) == nil)
        #expect(try KPI.slaCompliance(achieved: 0, breached: 0) == nil)
        #expect(try KPI.reopenRate(outcome) == nil)
        #expect(try KPI.firstResponseTime(duration) == nil)
        #expect(try KPI.customerChurn(lost: 0, activeAtStart: 0) == nil)
        #expect(try KPI.customerChurnIncludingNew(churned: 0, activeAtStart: 0, new: 0) == nil)
        #expect(try KPI.cohortRetention(cohortSize: 0, activeByPeriod: [0, 0]).isEmpty)
        #expect(try KPI.unitReturnRate(unitsReturned: 0, unitsSold: 0) == nil)
        #expect(try KPI.dailyToMonthlyActiveRatio(dailyActiveCounts: [], monthlyActive: 0) == nil)
        let usd = try CurrencyCode("USD")
        #expect(try KPI.grossRevenueChurn(startingRevenue: .zero(usd), lostRevenue: .zero(usd)) == nil)
    }

    @Test("a KPI given the wrong kind of aggregate is a typed error naming the aggregate")
    func wrongAggregate() throws {
        expectError(.validationFailed, field: "aggregate") {
            _ = try KPI.netPromoterScore(MetricAggregate(measure: .outcome))
        }
        let csat = try scores([5: 1], scale: .satisfaction5)
        expectError(.validationFailed, field: "aggregate") { _ = try KPI.netPromoterScore(csat) }
        expectError(.validationFailed, field: "aggregate") { _ = try KPI.reopenRate(csat) }
        expectError(.validationFailed, field: "aggregate") { _ = try KPI.firstResponseTime(csat) }
        expectError(.validationFailed, field: "confidence") {
            _ = try KPI.customerSatisfaction(csat, confidenceLevel: 1.5)
        }
    }

    @Test("minimum n marks small samples unreliable")
    func minimumSampleSize() throws {
        let value = try #require(try KPI.netPromoterScore(try scores([10: 20, 0: 20], scale: .netPromoter)))
        #expect(!value.isReliable(minimumSampleSize: 100))
        #expect(value.isReliable(minimumSampleSize: 40))
    }

    @Test("duration means carry a t interval and quantiles an order-statistic interval")
    func durationIntervals() throws {
        let aggregate = try durations([60, 120, 180])
        #expect(aggregate.standardDeviation == 60)
        let mean = try #require(try KPIDefinition.durationMean(name: "frt").value(of: aggregate))
        #expect(mean.value == 120)
        // SE = 60/√3, t(0.975, 2) = 4.3027.
        #expect(abs((mean.marginOfError ?? 0) - 4.3027 * 60 / 3.0.squareRoot()) < 0.005)
        let many = try durations((1...1_000).map(Double.init))
        let median = try #require(
            try KPIDefinition.durationQuantile(name: "frt", quantile: 0.5).value(of: many))
        let interval = try #require(median.interval)
        #expect(interval.contains(median.value))
        #expect(abs(interval.lowerBound - 469) / 469 < 0.02)
        #expect(abs(interval.upperBound - 531) / 531 < 0.02)
    }
}
