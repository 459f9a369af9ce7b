import CXKitCore
import CXKitMetrics
import Foundation
import Testing

@Suite("Rollup queries, caps and drill-down")
struct RollupQueryTests {
    let tenant: TenantID

    init() throws { tenant = try Fixtures.tenant }

    func accumulator(_ observations: [Observation], cap: Int = 1000, zone: String = "Europe/Istanbul") throws
        -> RollupAccumulator
    {
        var accumulator = RollupAccumulator(
            tenant: tenant,
            configuration: try MetricsConfiguration(timeZoneIdentifier: zone, cardinalityCap: cap))
        try accumulator.add(contentsOf: observations)
        return accumulator
    }

    @Test("an unknown time zone identifier is rejected naming the timeZone field")
    func unknownZone() {
        expectError(.validationFailed, field: "timeZone") {
            _ = try MetricsConfiguration(timeZoneIdentifier: "Mars/Olympus_Mons")
        }
        expectError(.validationFailed, field: "cardinalityCap") {
            _ = try MetricsConfiguration(timeZoneIdentifier: "UTC", cardinalityCap: 0)
        }
    }

    @Test("the cardinality cap is reported and overflowed observations still count in totals")
    func cardinalityCapReported() throws {
        let observations = try (0..<10).map { try Fixtures.nps(9, [.agent: "a\($0)"]) }
        let accumulator = try accumulator(observations, cap: 4)
        #expect(
            accumulator.overflows == [
                CardinalityOverflow(kind: .netPromoterScore, observationCount: 6, cap: 4)
            ])
        let collection = accumulator.collection
        let day = try ReportingPeriod.containing(
            Fixtures.monday, granularity: .day, timeZoneIdentifier: "Europe/Istanbul")
        #expect(try collection.aggregate(of: .netPromoterScore, in: day).count == 10)
        let rows = try collection.breakdown(of: .netPromoterScore, by: [.agent, .overflow], in: day.interval)
        #expect(rows.first?.dimensions == .overflow)
        #expect(rows.first?.aggregate.count == 6)
    }

    @Test("the store-backed recorder reports the cap and persists the overflow count")
    func recorderCap() async throws {
        let store = InMemoryRecordStore()
        let recorder = MetricsRecorder(
            store: store,
            configuration: try MetricsConfiguration(timeZoneIdentifier: "UTC", cardinalityCap: 2))
        let first = try await recorder.record([try Fixtures.nps(1, [.agent: "a"])], in: tenant)
        #expect(first.overflows.isEmpty)
        let second = try await recorder.record(
            try ["a", "b", "c", "d"].map { try Fixtures.nps(10, [.agent: $0]) }, in: tenant)
        #expect(
            second.overflows == [CardinalityOverflow(kind: .netPromoterScore, observationCount: 2, cap: 2)])
        let persisted = try await recorder.cardinalityOverflow(of: .netPromoterScore, in: tenant)
        #expect(persisted?.observationCount == 2)
    }

    @Test("empty periods have n = 0 and no score in a series")
    func emptyPeriodsInSeries() throws {
        let accumulator = try accumulator(
            [try Fixtures.nps(10, at: Fixtures.day(0)), try Fixtures.nps(0, at: Fixtures.day(2))], zone: "UTC"
        )
        let series = try accumulator.collection.series(
            of: .netPromoterScore, by: .day,
            covering: DateInterval(start: Fixtures.day(0, hour: 0), end: Fixtures.day(3, hour: 0)))
        #expect(series.map(\.aggregate.count) == [1, 0, 1])
        #expect(series[1].aggregate.scores == nil)
    }

    @Test("weeks and months merge local days of the configured zone")
    func coarserPeriods() throws {
        let observations = try (0..<14).map { try Fixtures.nps(9, at: Fixtures.day($0)) }
        let accumulator = try accumulator(observations)
        let weeks = try accumulator.collection.series(
            of: .netPromoterScore, by: .isoWeek,
            covering: DateInterval(start: Fixtures.day(0), end: Fixtures.day(13)))
        #expect(weeks.map(\.aggregate.count) == [7, 7])
        #expect(weeks.first?.period.key == "2026-W10")
        let utcWeek = try ReportingPeriod.containing(
            Fixtures.monday, granularity: .isoWeek, timeZoneIdentifier: "UTC")
        expectError(.validationFailed, field: "timeZone") {
            _ = try accumulator.collection.aggregate(of: .netPromoterScore, in: utcWeek)
        }
    }

    @Test("breakdowns, filters and drill-down to contributing records")
    func breakdownAndDrillDown() throws {
        var observations: [Observation] = []
        for (index, (team, score)) in [("t1", 10), ("t1", 9), ("t2", 3), ("t2", 9), ("t2", 8)].enumerated() {
            observations.append(
                try Observation(
                    kind: .netPromoterScore, value: .score(score, scale: .netPromoter), time: Fixtures.monday,
                    tenant: tenant, dimensions: DimensionSet([.team: team, .channel: "chat"]),
                    source: RecordReference(
                        type: "feedback.response", id: Identifier(high: 0, low: UInt64(index)))))
        }
        let collection = try accumulator(observations).collection
        let day = DateInterval(start: Fixtures.day(0, hour: -3), duration: 86_400)
        let rows = try collection.breakdown(of: .netPromoterScore, by: [.team], in: day)
        #expect(rows.map(\.dimensions.description) == ["team=t2", "team=t1"])
        #expect(rows.map(\.aggregate.count) == [3, 2])
        let filtered = try collection.aggregate(
            of: .netPromoterScore, in: day, matching: try DimensionSet([.team: "t1"]))
        #expect(filtered.count == 2)
        let drill = collection.sources(
            of: .netPromoterScore, in: day, matching: try DimensionSet([.team: "t2"]))
        #expect(drill.references.map(\.id.low).sorted() == [2, 3, 4])
        #expect(drill.omitted == 0)
    }

    @Test("observations of another tenant and mixed scales are typed errors")
    func tenantAndScaleErrors() throws {
        var accumulator = RollupAccumulator(
            tenant: tenant, configuration: try MetricsConfiguration(timeZoneIdentifier: "UTC"))
        let other = try Observation(
            kind: .unitsSold, value: .quantity(1), time: Fixtures.monday, tenant: try TenantID("other"))
        expectError(.validationFailed, field: "observations[0].tenant") {
            try accumulator.add(contentsOf: [other])
        }
        try accumulator.add(
            try Observation(
                kind: .customerSatisfaction, value: .score(5, scale: .satisfaction5), time: Fixtures.monday,
                tenant: tenant))
        expectError(.validationFailed, field: "scale") {
            try accumulator.add(
                try Observation(
                    kind: .customerSatisfaction, value: .score(9, scale: .satisfaction10),
                    time: Fixtures.monday, tenant: tenant))
        }
        #expect(accumulator.observationCount == 1)
    }
}
