import CXKitCore
import CXKitMetrics
import Testing

@Suite("DailyScoreCounts")
struct DailyScoreCountsTests {
    @Test("column counting per day equals per-day distributions from the same answers")
    func matchesDistributions() throws {
        let random = SeededRandomSource(seed: 5)
        let rows = 20_000
        let scores = (0..<rows).map { _ in UInt8(random.next(below: 11)) }
        let days = (0..<rows).map { _ in Int32(random.next(below: 30)) }
        var table = try DailyScoreCounts(scale: .netPromoter, dayCount: 31)
        try table.add(scores: scores, days: days)
        var expected = [ScoreDistribution](repeating: ScoreDistribution(scale: .netPromoter), count: 31)
        for (score, day) in zip(scores, days) { try expected[Int(day)].add(Int(score)) }
        for day in 0..<31 { #expect(try table.distribution(day: day) == expected[day]) }
        let values = try table.netPromoterScores()
        #expect(values[30] == nil)
        #expect(values[0]?.value == (try KPI.netPromoterScore(expected[0]))?.value)
    }

    @Test("a bad row leaves the table unchanged and names the row")
    func badRowsAreAtomic() throws {
        var table = try DailyScoreCounts(scale: .satisfaction5, dayCount: 2)
        try table.add(scores: [5, 4], days: [0, 1])
        let before = table
        expectError(.validationFailed, field: "scores[2]") {
            try table.add(scores: [1, 2, 0], days: [0, 0, 0])
        }
        expectError(.validationFailed, field: "days[1]") { try table.add(scores: [1, 2], days: [0, 2]) }
        expectError(.validationFailed, field: "days") { try table.add(scores: [1], days: []) }
        expectError(.validationFailed, field: "dayCount") {
            _ = try DailyScoreCounts(scale: .netPromoter, dayCount: 0)
        }
        #expect(table == before)
        #expect(try table.customerSatisfactionScores().map { $0?.value } == [100, 100])
    }

    @Test("day positions follow local days of the zone, across a DST change")
    func dayPositions() throws {
        let first = try ReportingPeriod(
            granularity: .day, year: 2026, index: 88, timeZoneIdentifier: "Europe/Berlin")
        #expect(first.key == "2026-03-29")  // the spring-forward day, 23 hours long
        let times = [
            first.start, first.start.addingTimeInterval(22 * 3_600), first.end,
            first.end.addingTimeInterval(-1),
            first.start.addingTimeInterval(-1), first.end.addingTimeInterval(24 * 3_600 * 30),
        ]
        let positions = try DailyScoreCounts.dayPositions(of: times.map(\.timeIntervalSince1970), from: first)
        #expect(positions == [0, 0, 1, 0, -1, 31])
        expectError(.validationFailed, field: "times[0]") {
            _ = try DailyScoreCounts.dayPositions(of: [.nan], from: first)
        }
    }
}
