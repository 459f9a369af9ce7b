import CXKitCore
import CXKitMetrics
import Foundation
import Testing

@Suite("Rollups equal recomputation")
struct RollupPropertyTests {
    static let zones = ["Europe/Istanbul", "America/New_York", "Asia/Kolkata"]

    @Test("accumulated rollups equal a naive recomputation, in any merge order", arguments: [1, 2, 3, 4])
    func accumulatorMatchesRecomputation(seed: Int) throws {
        let generator = try ObservationGenerator(seed: UInt64(seed))
        let observations = try generator.observations(3_000)
        let zone = Self.zones[seed % Self.zones.count]
        let configuration = try MetricsConfiguration(timeZoneIdentifier: zone)
        let expected = try naiveRollups(observations, timeZone: configuration.timeZone)

        var whole = RollupAccumulator(tenant: try Fixtures.tenant, configuration: configuration)
        try whole.add(contentsOf: observations)
        #expect(Self.table(whole.rollups) == expected)

        var random = RandomSourceGenerator(SeededRandomSource(seed: UInt64(seed) &* 31))
        let chunks = stride(from: 0, to: observations.count, by: 250).map {
            Array(observations[$0..<min($0 + 250, observations.count)])
        }
        let parts = try chunks.map { chunk in
            var part = RollupAccumulator(tenant: try Fixtures.tenant, configuration: configuration)
            try part.add(contentsOf: chunk.shuffled(using: &random))
            return part
        }
        for _ in 0..<3 {
            var merged = RollupAccumulator(tenant: try Fixtures.tenant, configuration: configuration)
            for part in parts.shuffled(using: &random) { try merged.merge(part) }
            #expect(Self.table(merged.rollups) == expected)
            #expect(merged.observationCount == Int64(observations.count))
        }
    }

    @Test("rollups committed through the store equal the in-memory recomputation", arguments: [7, 8])
    func recorderMatchesRecomputation(seed: Int) async throws {
        let generator = try ObservationGenerator(seed: UInt64(seed))
        let observations = try generator.observations(2_000)
        let configuration = try MetricsConfiguration(timeZoneIdentifier: "Europe/Berlin")
        let store = InMemoryRecordStore()
        let recorder = MetricsRecorder(store: store, configuration: configuration)
        for start in stride(from: 0, to: observations.count, by: 300) {
            try await recorder.record(
                Array(observations[start..<min(start + 300, observations.count)]), in: try Fixtures.tenant)
        }
        let expected = try naiveRollups(observations, timeZone: configuration.timeZone)
        let window = DateInterval(start: Fixtures.day(-2), end: Fixtures.day(30))
        var stored: [MetricRollup] = []
        for kind in [
            MetricKind.netPromoterScore, .customerSatisfaction, .firstResponseTime, .slaFirstReply,
            .unitsSold,
        ] {
            stored += try await recorder.rollups(of: kind, in: window, tenant: try Fixtures.tenant).rollups
        }
        #expect(Self.table(stored) == expected)
    }

    @Test("concurrent recorders on the same rollups lose no observation")
    func concurrentRecording() async throws {
        let configuration = try MetricsConfiguration(timeZoneIdentifier: "UTC", maximumCommitAttempts: 100)
        let store = InMemoryRecordStore()
        let recorder = MetricsRecorder(store: store, configuration: configuration)
        let batches = try (0..<8).map { batch in
            try (0..<50).map { _ in try Fixtures.nps(batch % 11) }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for batch in batches {
                group.addTask { try await recorder.record(batch, in: try Fixtures.tenant) }
            }
            try await group.waitForAll()
        }
        let day = try ReportingPeriod.containing(
            Fixtures.monday, granularity: .day, timeZone: configuration.timeZone)
        let rollups = try await recorder.rollups(
            of: .netPromoterScore, in: day.interval, tenant: try Fixtures.tenant)
        let aggregate = try rollups.aggregate(of: .netPromoterScore, in: day)
        #expect(aggregate.count == 400)
        #expect(aggregate.scores?.count(of: 3) == 50)
    }

    static func table(_ rollups: [MetricRollup]) -> [RollupKey: MetricAggregate] {
        var table: [RollupKey: MetricAggregate] = [:]
        for rollup in rollups { table[rollup.key] = rollup.aggregate }
        return table
    }
}
