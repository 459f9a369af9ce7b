import Benchmark
import CXKitCore
import CXKitReturns
import Foundation

/// The CXKitReturns performance targets (spec `returns.md`, Performance):
/// eligibility ≤ 20 µs, refund quote ≤ 10 µs, lifecycle ≥ 20k returns/s, return rate by
/// reason over 1M returns ≤ 1 ms. Per-operation figures come from the scaling factor
/// (wall clock per iteration, throughput per second).
func registerReturnsBenchmarks() {
    let pure = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .nanoseconds, warmupIterations: 3,
        scalingFactor: .kilo, maxDuration: .seconds(2), maxIterations: 200)

    for (name, policy) in [
        ("20 window rules + 5 exclusions", ReturnsFixture.eligibilityPolicy),
        ("20 rules in all (15 window rules + 5 exclusions)", ReturnsFixture.twentyRulesInAllPolicy),
    ] {
        Benchmark("Returns/eligibility: 10-line order, \(name)", configuration: pure) { benchmark in
            let policy = try policy.get()
            let order = ReturnsFixture.tenLineEligibilityOrder
            let quantities = [ReturnsFixture.lineID(2): 1, ReturnsFixture.lineID(3): 2]
            let alreadyRequested = [ReturnsFixture.lineID(5): 1]
            let now = ReturnsFixture.now
            let report = policy.eligibility(
                of: order, quantities: quantities, alreadyRequested: alreadyRequested, at: now)
            guard report.lines.count == 10, report.lines.contains(where: \.isEligible),
                report.lines.contains(where: { !$0.isEligible })
            else {
                throw ReturnsFixture.Failure(description: "the order must mix eligible and ineligible lines")
            }
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(
                    policy.eligibility(
                        of: order, quantities: quantities, alreadyRequested: alreadyRequested, at: now))
            }
        }
    }

    Benchmark(
        "Returns/refund quote: 10-line order, order discount, tax, shipping, fees (basis + quote)",
        configuration: pure
    ) { benchmark in
        let policy = try ReturnsFixture.quotePolicy.get()
        let order = ReturnsFixture.tenLineQuoteOrder
        let selections = ReturnsFixture.quoteSelections
        let nothing = ReturnsFixture.money(0)
        try order.validate()
        let check = try RefundCalculator.quote(
            selections, order: order, basis: OrderRefundBasis(order: order),
            terms: policy.refundTerms(for: order),
            previouslyRefunded: nothing)
        guard check.units.count == order.lines.reduce(0, { $0 + $1.quantity }), check.total.minorUnits > 0
        else {
            throw ReturnsFixture.Failure(description: "the quote must cover every unit")
        }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let basis = try OrderRefundBasis(order: order)
            blackHole(
                try RefundCalculator.quote(
                    selections, order: order, basis: basis, terms: policy.refundTerms(for: order),
                    previouslyRefunded: nothing))
        }
    }

    // The spec's path (submit → approve → receive → inspect → refund, approval being the
    // policy's auto-approval inside submit), and the same with a label issued through the
    // shipping provider before the parcel arrives.
    for (name, issuingLabel) in [
        ("submit (auto-approved), receive, inspect, refund", false),
        ("submit, issueLabel, receive, inspect, refund", true),
    ] {
        Benchmark(
            "Returns/lifecycle: \(name) (in-memory store)",
            configuration: .init(
                metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .microseconds,
                warmupIterations: 1,
                scalingFactor: .kilo, maxDuration: .seconds(5), maxIterations: 40)
        ) { benchmark in
            // One fresh store per sample, with the policy and one order per return recorded
            // before the measurement starts.
            let run = try await ReturnsLifecycleRun(count: benchmark.scaledIterations.count, seed: 7)
            benchmark.startMeasurement()
            for n in benchmark.scaledIterations {
                let resolved = try await run.run(n, issuingLabel: issuingLabel)
                guard resolved.state == .resolved else {
                    throw ReturnsFixture.Failure(description: "a return ended \(resolved.state.rawValue)")
                }
            }
            benchmark.stopMeasurement()
        }
    }

    let stepMetrics = ReturnsLifecycleRun.steps.map {
        BenchmarkMetric.custom("\($0) p50 (µs)", polarity: .prefersSmaller, useScalingFactor: false)
    }
    Benchmark(
        "Returns/lifecycle per step: p50 of each call over 1000 returns",
        configuration: .init(
            metrics: stepMetrics, warmupIterations: 1, maxDuration: .seconds(5), maxIterations: 3)
    ) { benchmark in
        let count = 1_000
        let run = try await ReturnsLifecycleRun(count: count, seed: 11)
        var samplers = ReturnsLifecycleRun.steps.map { _ in LatencySampler(capacity: count) }
        for n in 0..<count {
            let resolved = try await run.run(n, timing: &samplers)
            guard resolved.state == .resolved else {
                throw ReturnsFixture.Failure(description: "a return ended \(resolved.state.rawValue)")
            }
        }
        for (metric, sampler) in zip(stepMetrics, samplers) {
            benchmark.measurement(metric, sampler.percentile(50) / 1_000)
        }
    }

    Benchmark(
        "Returns/return rate by reason over 1M returns (24 months of rollups)",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .microseconds,
            warmupIterations: 10,
            scalingFactor: .one, maxDuration: .seconds(2), maxIterations: 2_000)
    ) { benchmark in
        let fixture = try ReturnsFixture.rates.get()
        benchmark.startMeasurement()
        let rows = try await fixture.service.returnRates(
            by: .reason, from: ReturnsFixture.firstMonth, through: ReturnsFixture.lastMonth,
            by: ReturnsFixture.analyst)
        benchmark.stopMeasurement()
        guard rows.count == fixture.reasons,
            rows.reduce(0, { $0 + $1.requests }) == ReturnsFixture.returnCount
        else { throw ReturnsFixture.Failure(description: "the report must count 1M returns") }
        blackHole(rows)
    }
}
