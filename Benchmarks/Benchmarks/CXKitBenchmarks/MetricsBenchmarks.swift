import Benchmark
import CXKitCore
import CXKitMetrics
import Foundation

/// The nanoseconds `body` takes.
private func elapsedNanoseconds(_ body: () throws -> Void) rethrows -> Int {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Int(DispatchTime.now().uptimeNanoseconds &- start)
}

/// The CXKitMetrics performance targets (spec `metrics.md`, "Performance"):
/// NPS/CSAT over 10 M raw answers ≤ 50 ms and ≥ 10× SQLite, a year by day from rollups
/// ≤ 1 ms, ingest ≥ 2 M observations/s, sketch insert ≤ 20 ns, merge ≤ 10 µs, quantile
/// error ≤ 1 %, alert evaluation ≤ 10 µs per series per tick.
func registerMetricsBenchmarks() {
    // MARK: 1. NPS / CSAT over 10 M raw answers by day

    let rawScan = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: .milliseconds, warmupIterations: 1,
        scalingFactor: .one, maxDuration: .seconds(5), maxIterations: 20)

    Benchmark("Metrics/NPS over 10M raw answers by day (365 days)", configuration: rawScan) { benchmark in
        let scores = MetricsFixture.netPromoterScores
        let days = MetricsFixture.days
        benchmark.startMeasurement()
        var table = try DailyScoreCounts(scale: .netPromoter, dayCount: MetricsFixture.dayCount)
        try table.add(scores: scores, days: days)
        blackHole(try table.netPromoterScores())
    }

    Benchmark("Metrics/CSAT over 10M raw answers by day (365 days)", configuration: rawScan) { benchmark in
        let scores = MetricsFixture.satisfactionScores
        let days = MetricsFixture.days
        benchmark.startMeasurement()
        var table = try DailyScoreCounts(scale: .satisfaction5, dayCount: MetricsFixture.dayCount)
        try table.add(scores: scores, days: days)
        blackHole(try table.customerSatisfactionScores())
    }

    // Both sides in the same process and sample, on the same data, with identical results.
    let comparison: [BenchmarkMetric] = [
        .custom("CXKit NPS by day (µs)", useScalingFactor: false),
        .custom("SQLite GROUP BY + NPS by day (µs)", useScalingFactor: false),
        .custom("SQLite ÷ CXKit (×)", polarity: .prefersLarger, useScalingFactor: false),
    ]
    Benchmark(
        "Metrics/NPS over 10M raw answers vs SQLite GROUP BY with covering index",
        configuration: .init(
            metrics: comparison, units: Dictionary(uniqueKeysWithValues: comparison.map { ($0, .count) }),
            warmupIterations: 1, scalingFactor: .one, maxDuration: .seconds(30), maxIterations: 5)
    ) { benchmark in
        _ = MetricsFixture.netPromoterScores
        _ = MetricsFixture.days
        let sqlite = SQLiteAnswerTable.shared
        var ours: [KPIValue?] = []
        var theirs: [KPIValue?] = []
        let cxkit = try elapsedNanoseconds { ours = try MetricsFixture.netPromoterScoresByDay() }
        let baseline = try elapsedNanoseconds { theirs = try sqlite.netPromoterScoresByDay() }
        guard ours == theirs else { throw MetricsFixture.Failure(description: "NPS differs from SQLite") }
        benchmark.measurement(comparison[0], cxkit / 1_000)
        benchmark.measurement(comparison[1], baseline / 1_000)
        benchmark.measurement(comparison[2], Int((Double(baseline) / Double(max(cxkit, 1))).rounded()))
    }

    // MARK: 2. Dashboard: a year by day from rollups

    Benchmark(
        "Metrics/Dashboard NPS for a year by day from 4380 rollups",
        configuration: .init(
            metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds, warmupIterations: 10,
            scalingFactor: .one, maxDuration: .seconds(3), maxIterations: 2_000)
    ) { benchmark in
        let rollups = MetricsFixture.rollups
        let year = MetricsFixture.year
        benchmark.startMeasurement()
        let series = try rollups.series(of: .netPromoterScore, by: .day, covering: year)
        var values: [KPIValue?] = []
        values.reserveCapacity(series.count)
        for point in series { values.append(try KPI.netPromoterScore(point.aggregate)) }
        blackHole(values)
    }

    // MARK: 3. Ingest into rollups

    Benchmark(
        "Metrics/Ingest 1M observations into rollups (RollupAccumulator)",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .nanoseconds,
            warmupIterations: 1, scalingFactor: .mega, maxDuration: .seconds(8),
            maxIterations: 10)
    ) { benchmark in
        let observations = MetricsFixture.observations
        guard observations.count == benchmark.scaledIterations.count else {
            throw MetricsFixture.Failure(description: "the stream must hold one observation per iteration")
        }
        var accumulator = RollupAccumulator(
            tenant: MetricsFixture.tenant, configuration: MetricsFixture.configuration)
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations { try accumulator.add(observations[index]) }
        benchmark.stopMeasurement()
        blackHole(accumulator.observationCount)
    }

    // MARK: 4. Duration sketch

    Benchmark(
        "Metrics/Sketch insert (1M lognormal durations)",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .nanoseconds,
            warmupIterations: 1, scalingFactor: .mega, maxDuration: .seconds(3),
            maxIterations: 30)
    ) { benchmark in
        let values = MetricsFixture.durations
        guard values.count == benchmark.scaledIterations.count else {
            throw MetricsFixture.Failure(description: "the sample must hold one value per iteration")
        }
        var sketch = DurationSketch()
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations { try sketch.insert(values[index]) }
        benchmark.stopMeasurement()
        blackHole(sketch.count)
    }

    let sketchOperations = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .nanoseconds, warmupIterations: 3,
        scalingFactor: .kilo, maxDuration: .seconds(2), maxIterations: 1_000)

    Benchmark(
        "Metrics/Sketch merge of two full sketches (1024 buckets each)", configuration: sketchOperations
    ) {
        benchmark in
        let (first, second) = MetricsFixture.fullSketches
        guard first.binCount == first.maximumBinCount, second.binCount == second.maximumBinCount else {
            throw MetricsFixture.Failure(description: "the sketches must be full")
        }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try first.merging(second)) }
    }

    Benchmark("Metrics/Sketch quantile p99 of 1M durations", configuration: sketchOperations) { benchmark in
        let sketch = MetricsFixture.durationSketch
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try sketch.quantile(0.99)) }
    }

    // Relative error against exact lower quantiles (rank ⌊q·(n − 1)⌋ of the sorted sample).
    // Custom metrics are integers, so errors are reported in thousandths of a percent.
    let quantiles: [Double] = [0.5, 0.9, 0.95, 0.99, 0.999]
    let errorMetrics: [BenchmarkMetric] =
        quantiles.map { .custom("p\($0 * 100) relative error (% × 1000)", useScalingFactor: false) }
        + [.custom("max relative error (% × 1000)", useScalingFactor: false)]
    Benchmark(
        "Metrics/Sketch quantile relative error on 1M seeded lognormal durations",
        configuration: .init(
            metrics: errorMetrics, units: Dictionary(uniqueKeysWithValues: errorMetrics.map { ($0, .count) }),
            maxDuration: .seconds(30), maxIterations: 1)
    ) { benchmark in
        let values = MetricsFixture.durations
        let sketch = MetricsFixture.durationSketch
        let sorted = values.sorted()
        var worst = 0.0
        for (metric, q) in zip(errorMetrics, quantiles) {
            let exact = sorted[Int((q * Double(sorted.count - 1)).rounded(.down))]
            guard let estimate = try sketch.quantile(q) else {
                throw MetricsFixture.Failure(description: "the sketch is empty")
            }
            let error = Swift.abs(estimate - exact) / exact
            worst = Swift.max(worst, error)
            benchmark.measurement(metric, Int((error * 100_000).rounded()))
        }
        benchmark.measurement(errorMetrics[quantiles.count], Int((worst * 100_000).rounded()))
    }

    // MARK: 5. Alert evaluation

    let alerts = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .nanoseconds, warmupIterations: 3,
        scalingFactor: .kilo, maxDuration: .seconds(2), maxIterations: 1_000)

    Benchmark(
        "Metrics/Alert evaluation per series per tick (8 daily points, 7-day baseline)", configuration: alerts
    ) { benchmark in
        let rule = MetricsFixture.alertRule
        let series = MetricsFixture.alertSeries
        let now = MetricsFixture.yearStart.addingTimeInterval(400 * 86_400)
        var states = [AlertState](repeating: .initial, count: series.count)
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            let index = iteration % series.count
            let evaluation = try AlertEvaluation(rule: rule, series: series[index])
            let (state, transitions) = AlertStateMachine.step(
                states[index], evaluation: evaluation, rule: rule, now: now)
            states[index] = state
            blackHole(transitions)
        }
    }

    Benchmark("Metrics/Alert tick per series including its 8-day rollup query", configuration: alerts) {
        benchmark in
        let rule = MetricsFixture.alertRule
        let rollups = MetricsFixture.rollups
        let windows = (0..<MetricsFixture.alertSeriesCount).map(MetricsFixture.alertWindow)
        let now = MetricsFixture.yearStart.addingTimeInterval(400 * 86_400)
        var states = [AlertState](repeating: .initial, count: windows.count)
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            let index = iteration % windows.count
            let (window, channel) = windows[index]
            let series = try rollups.series(of: rule.kind, by: .day, covering: window, matching: channel)
            let evaluation = try AlertEvaluation(rule: rule, series: series)
            let (state, transitions) = AlertStateMachine.step(
                states[index], evaluation: evaluation, rule: rule, now: now)
            states[index] = state
            blackHole(transitions)
        }
    }
}
