import CXKitCore
import CXKitMetrics
import Foundation

/// Seeded data for the metrics benchmarks, built once per benchmark process (every `static let` is
/// lazy, so a benchmark pays only for the fixtures it touches).
enum MetricsFixture {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Raw answers per column: 10 M rows over 365 days, days in random order.
    static let rowCount = 10_000_000
    static let dayCount = 365
    /// Observations per ingest sample (equal to `ScalingFactor.mega`).
    static let ingestCount = 1_000_000
    /// Values per sketch sample (equal to `ScalingFactor.mega`).
    static let sketchValueCount = 1_000_000

    static let tenant: TenantID = {
        do { return try TenantID("bench-metrics") } catch { fatalError("tenant: \(error)") }
    }()

    static let configuration: MetricsConfiguration = {
        do { return try MetricsConfiguration(timeZoneIdentifier: "UTC") } catch {
            fatalError("configuration: \(error)")
        }
    }()

    /// 2025-01-01T00:00:00Z.
    static let yearStart = Date(timeIntervalSince1970: 1_735_689_600)
    /// 2025 as an interval of 365 UTC days.
    static let year = DateInterval(start: yearStart, duration: Double(dayCount) * 86_400)

    static let channels: [DimensionSet] = {
        do {
            return try ["email", "chat", "phone", "web"].map { try DimensionSet([.channel: $0]) }
        } catch { fatalError("dimensions: \(error)") }
    }()

    // MARK: - Raw answer columns

    /// The day position (0 ..< 365) of every raw answer.
    static let days: [Int32] = {
        let random = SeededRandomSource(seed: 11)
        return (0..<rowCount).map { _ in Int32(random.next(below: UInt64(dayCount))) }
    }()

    /// NPS answers 0 … 10, skewed like real surveys (about 45 % promoters, 20 % detractors).
    static let netPromoterScores: [UInt8] = {
        let random = SeededRandomSource(seed: 12)
        return (0..<rowCount).map { _ in npsScore(random) }
    }()

    /// CSAT answers 1 … 5.
    static let satisfactionScores: [UInt8] = {
        let random = SeededRandomSource(seed: 13)
        return (0..<rowCount).map { _ in UInt8(1 + random.next(below: 5)) }
    }()

    static func npsScore(_ random: SeededRandomSource) -> UInt8 {
        let draw = random.next(below: 100)
        switch draw {
        case 0..<20: return UInt8(random.next(below: 7))  // detractor 0 … 6
        case 20..<55: return UInt8(7 + random.next(below: 2))  // passive 7 … 8
        default: return UInt8(9 + random.next(below: 2))  // promoter 9 … 10
        }
    }

    /// NPS per day from the raw columns: the CXKit hot path.
    static func netPromoterScoresByDay() throws -> [KPIValue?] {
        var table = try DailyScoreCounts(scale: .netPromoter, dayCount: dayCount)
        try table.add(scores: netPromoterScores, days: days)
        return try table.netPromoterScores()
    }

    // MARK: - Rollups

    /// A year of daily rollups: NPS, CSAT and first response time, 4 channels each, 10
    /// observations per rollup (4 380 rollups).
    static let rollups: RollupCollection = {
        do {
            let random = SeededRandomSource(seed: 21)
            var accumulator = RollupAccumulator(tenant: tenant, configuration: configuration)
            for day in 0..<dayCount {
                for (slot, channel) in channels.enumerated() {
                    for answer in 0..<10 {
                        let time = yearStart.addingTimeInterval(
                            Double(day) * 86_400 + Double(slot * 10 + answer) * 1_000)
                        try accumulator.add(
                            Observation(
                                kind: .netPromoterScore,
                                value: .score(Int(npsScore(random)), scale: .netPromoter), time: time,
                                tenant: tenant, dimensions: channel))
                        try accumulator.add(
                            Observation(
                                kind: .customerSatisfaction,
                                value: .score(Int(1 + random.next(below: 5)), scale: .satisfaction5),
                                time: time, tenant: tenant, dimensions: channel))
                        try accumulator.add(
                            Observation(
                                kind: .firstResponseTime,
                                value: .duration(seconds: lognormal(random, median: 600, sigma: 1)),
                                time: time, tenant: tenant, dimensions: channel))
                    }
                }
            }
            return accumulator.collection
        } catch { fatalError("rollups: \(error)") }
    }()

    /// A time-ordered stream over the year: NPS, CSAT and first response times in turn,
    /// across 4 channels.
    static let observations: [Observation] = {
        do {
            let random = SeededRandomSource(seed: 31)
            let step = Double(dayCount) * 86_400 / Double(ingestCount)
            var stream: [Observation] = []
            stream.reserveCapacity(ingestCount)
            for index in 0..<ingestCount {
                let time = yearStart.addingTimeInterval(Double(index) * step)
                let channel = channels[Int(random.next(below: UInt64(channels.count)))]
                let value: ObservedValue
                let kind: MetricKind
                switch index % 3 {
                case 0:
                    kind = .netPromoterScore
                    value = .score(Int(npsScore(random)), scale: .netPromoter)
                case 1:
                    kind = .customerSatisfaction
                    value = .score(Int(1 + random.next(below: 5)), scale: .satisfaction5)
                default:
                    kind = .firstResponseTime
                    value = .duration(seconds: lognormal(random, median: 600, sigma: 1))
                }
                stream.append(
                    try Observation(kind: kind, value: value, time: time, tenant: tenant, dimensions: channel)
                )
            }
            return stream
        } catch { fatalError("observations: \(error)") }
    }()

    // MARK: - Sketches

    /// A lognormal sample (median 30 s, σ = 1.2): typical reply times.
    static let durations: [Double] = {
        let random = SeededRandomSource(seed: 41)
        return (0..<sketchValueCount).map { _ in lognormal(random, median: 30, sigma: 1.2) }
    }()

    /// A sketch over ``durations``.
    static let durationSketch: DurationSketch = {
        var sketch = DurationSketch()
        do { try sketch.insert(contentsOf: durations) } catch { fatalError("sketch: \(error)") }
        return sketch
    }()

    /// Two sketches whose values span e^-3 … e^23 seconds, so each holds the full 1 024
    /// buckets.
    static let fullSketches: (DurationSketch, DurationSketch) = {
        func make(seed: UInt64) -> DurationSketch {
            let random = SeededRandomSource(seed: seed)
            var sketch = DurationSketch()
            do {
                for _ in 0..<200_000 {
                    try sketch.insert(Foundation.exp(-3 + 26 * random.nextUnitInterval()))
                }
            } catch { fatalError("sketch: \(error)") }
            return sketch
        }
        return (make(seed: 51), make(seed: 52))
    }()

    /// A lognormal draw by Box–Muller.
    static func lognormal(_ random: SeededRandomSource, median: Double, sigma: Double) -> Double {
        let u1 = Swift.max(random.nextUnitInterval(), 0x1.0p-53)
        let u2 = random.nextUnitInterval()
        let normal = (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
        return median * Foundation.exp(sigma * normal)
    }

    // MARK: - Alerts

    /// The number of distinct series an alert tick walks over.
    static let alertSeriesCount = 1_000

    /// NPS falling 10 points below its 7-day baseline, significance-aware, n ≥ 5 (each daily
    /// point holds 10 answers, so every tick runs the whole breach check).
    static let alertRule: AlertRule = {
        do {
            return try AlertRule(
                name: "nps-daily-drop", kind: .netPromoterScore, kpi: .netPromoterScore,
                condition: .belowBaseline(by: 10), minimumSampleSize: 5, baselinePoints: 7)
        } catch { fatalError("rule: \(error)") }
    }()

    /// The 8-day window (7 baseline days and today) and channel of alert series `index`.
    static func alertWindow(_ index: Int) -> (DateInterval, DimensionSet) {
        let firstDay = (index * 7) % (dayCount - 8)
        let start = yearStart.addingTimeInterval(Double(firstDay) * 86_400)
        return (DateInterval(start: start, duration: 8 * 86_400), channels[index % channels.count])
    }

    /// ``alertSeriesCount`` daily NPS series of 8 points each, one channel per series.
    static let alertSeries: [[PeriodAggregate]] = {
        do {
            return try (0..<alertSeriesCount).map { index in
                let (window, channel) = alertWindow(index)
                return try rollups.series(
                    of: .netPromoterScore, by: .day, covering: window, matching: channel)
            }
        } catch { fatalError("series: \(error)") }
    }()
}
