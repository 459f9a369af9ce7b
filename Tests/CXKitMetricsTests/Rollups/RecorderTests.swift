import CXKitCore
import CXKitMetrics
import Foundation
import Testing

struct TicketStub: StoredRecord {
    static let recordType: RecordType = "test.ticket"
    let id: Identifier
    var recordID: Identifier { id }
}

@Suite("MetricsRecorder")
struct RecorderTests {
    let tenant: TenantID

    init() throws { tenant = try Fixtures.tenant }

    @Test("staged rollups commit atomically with the caller's own change")
    func stagedWithDomainChange() async throws {
        let store = InMemoryRecordStore()
        let recorder = MetricsRecorder(
            store: store, configuration: try MetricsConfiguration(timeZoneIdentifier: "UTC"))
        var transaction = StoreTransaction()
        transaction.insert(TicketStub(id: Identifier(high: 9, low: 9)))
        let overflows = try await recorder.stage(
            [try Fixtures.nps(10), try Fixtures.nps(0)], into: &transaction, in: tenant)
        #expect(overflows.isEmpty)
        _ = try await store.commit(transaction, in: tenant)
        #expect(try await store.fetch(TicketStub.self, id: Identifier(high: 9, low: 9), in: tenant) != nil)
        let day = try ReportingPeriod.containing(
            Fixtures.monday, granularity: .day, timeZoneIdentifier: "UTC")
        let rollups = try await recorder.rollups(of: .netPromoterScore, in: day.interval, tenant: tenant)
        #expect(try rollups.aggregate(of: .netPromoterScore, in: day).count == 2)

        var failing = StoreTransaction()
        failing.insert(TicketStub(id: Identifier(high: 9, low: 9)))  // already exists: the commit fails
        try await recorder.stage([try Fixtures.nps(10)], into: &failing, in: tenant)
        await #expect(throws: (any Error).self) { _ = try await store.commit(failing, in: tenant) }
        let after = try await recorder.rollups(of: .netPromoterScore, in: day.interval, tenant: tenant)
        #expect(try after.aggregate(of: .netPromoterScore, in: day).count == 2)
    }

    @Test("observations of another tenant are refused and nothing is written")
    func otherTenant() async throws {
        let store = InMemoryRecordStore()
        let recorder = MetricsRecorder(
            store: store, configuration: try MetricsConfiguration(timeZoneIdentifier: "UTC"))
        let foreign = try Observation(
            kind: .unitsSold, value: .quantity(1), time: Fixtures.monday, tenant: try TenantID("other"))
        await expectError(.validationFailed, field: "observations[1].tenant") {
            _ = try await recorder.record([try Fixtures.nps(5), foreign], in: tenant)
        }
        #expect(store.recordCount(in: tenant) == 0)
    }

    @Test("an empty batch writes nothing and an oversized one is a limit error")
    func batchLimits() async throws {
        let store = InMemoryRecordStore()
        let recorder = MetricsRecorder(
            store: store, configuration: try MetricsConfiguration(timeZoneIdentifier: "UTC"))
        #expect(try await recorder.record([], in: tenant).rollupCount == 0)
        let one = try Fixtures.nps(5)
        await expectError(.limitExceeded, field: "observations") {
            _ = try await recorder.record(
                Array(repeating: one, count: MetricsRecorder.maximumBatchSize + 1), in: tenant)
        }
    }

    @Test("rolling windows read whole local days of the zone")
    func rollingWindow() throws {
        var accumulator = RollupAccumulator(
            tenant: tenant, configuration: try MetricsConfiguration(timeZoneIdentifier: "America/New_York"))
        for day in 0..<10 { try accumulator.add(try Fixtures.nps(10, at: Fixtures.day(day, hour: 15))) }
        let window = try RollingWindow(
            lastDays: 7, endingAt: Fixtures.day(9, hour: 15), includesToday: true,
            timeZoneIdentifier: "America/New_York")
        #expect(try accumulator.collection.aggregate(of: .netPromoterScore, in: window).count == 7)
        let excluding = try RollingWindow(
            lastDays: 7, endingAt: Fixtures.day(9, hour: 15), includesToday: false,
            timeZoneIdentifier: "America/New_York")
        #expect(try accumulator.collection.aggregate(of: .netPromoterScore, in: excluding).count == 7)
        let change = try accumulator.collection.compare(
            .netPromoterScore, kpi: .netPromoterScore, in: window, with: .previousPeriod)
        #expect(change.current?.sampleSize == 7)
        #expect(change.previous?.sampleSize == 3)
        let utc = try RollingWindow(
            lastDays: 7, endingAt: Fixtures.day(9), includesToday: true, timeZoneIdentifier: "UTC")
        expectError(.validationFailed, field: "timeZone") {
            _ = try accumulator.collection.aggregate(of: .netPromoterScore, in: utc)
        }
    }

    @Test("aggregates round-trip through JSON and inconsistent stored aggregates are rejected")
    func aggregateDecoding() throws {
        var aggregate = MetricAggregate(measure: .duration)
        try aggregate.add(.duration(seconds: 12))
        try aggregate.add(.duration(seconds: 30))
        let data = try JSONEncoder().encode(aggregate)
        #expect(try JSONDecoder().decode(MetricAggregate.self, from: data) == aggregate)
        let corrupt = #"{"measure":"outcome","count":2,"successes":3,"sum":0,"sumOfSquares":0}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(MetricAggregate.self, from: Data(corrupt.utf8))
        }
        var rollup = MetricRollup(
            key: RollupKey(
                kind: .netPromoterScore,
                day: try ReportingPeriod.containing(
                    Fixtures.monday, granularity: .day, timeZoneIdentifier: "Asia/Kolkata"),
                dimensions: try DimensionSet([.team: "t1"])))
        try rollup.add(.score(9, scale: .netPromoter), source: nil, sourceLimit: 10)
        #expect(try JSONDecoder().decode(MetricRollup.self, from: try JSONEncoder().encode(rollup)) == rollup)
    }
}
