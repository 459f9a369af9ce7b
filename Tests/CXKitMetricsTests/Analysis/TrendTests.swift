import CXKitCore
import CXKitMetrics
import Foundation
import Testing

@Suite("Trends")
struct TrendTests {
    @Test("moving averages skip missing points; deltas need both points")
    func movingAverageAndDeltas() throws {
        let values: [Double?] = [1, 2, nil, 4, 5]
        #expect(try Trend.movingAverage(values, window: 2) == [1, 1.5, 2, 4, 4.5])
        #expect(Trend.deltas(values) == [nil, 1, nil, nil, 1])
        #expect(try Trend.trailingMean(values, before: 4, window: 3) == 3)
        #expect(try Trend.trailingMean([nil, nil], before: 2, window: 7) == nil)
        expectError(.validationFailed, field: "window") { _ = try Trend.movingAverage(values, window: 0) }
    }

    @Test("the slope of a straight line is exact with zero standard error")
    func exactLine() throws {
        let slope = try #require(try Trend.slope((0..<10).map { 1 + 2 * Double($0) }))
        #expect(abs(slope.slope - 2) < 1e-12)
        #expect(abs(slope.intercept - 1) < 1e-12)
        #expect(slope.standardError < 1e-9)
        #expect(slope.isSignificant)
        #expect(try Trend.slope([1, nil]) == nil)
    }

    @Test("the slope interval uses Student t with n − 2 degrees of freedom")
    func slopeInterval() throws {
        // y = x + (+1, −1, …) over 12 points: slope 1 − 6/143, df 10, t = 2.228.
        let values: [Double?] = (0..<12).map { Double($0) + ($0 % 2 == 0 ? 1 : -1) }
        let slope = try #require(try Trend.slope(values))
        let half = (slope.upperBound - slope.lowerBound) / 2
        #expect(abs(half / slope.standardError - 2.228) < 0.002)
        #expect(abs(slope.slope - (1 - 6.0 / 143)) < 1e-12)
    }

    @Test("same-weekday comparison averages the same weekday of previous weeks")
    func sameWeekday() throws {
        var accumulator = RollupAccumulator(
            tenant: try Fixtures.tenant, configuration: try MetricsConfiguration(timeZoneIdentifier: "UTC"))
        for week in 0..<4 {
            for day in 0..<7 {
                let score = day == 0 ? 2 * week + 3 : 10
                try accumulator.add(try Fixtures.nps(score, at: Fixtures.day(week * 7 + day)))
            }
        }
        try accumulator.add(try Fixtures.nps(10, at: Fixtures.day(28)))
        let series = try accumulator.collection.series(
            of: .netPromoterScore, by: .day,
            covering: DateInterval(start: Fixtures.day(0, hour: 0), end: Fixtures.day(29, hour: 0)))
        let comparison = try #require(try Trend.sameWeekday(series, kpi: .netPromoterScore, weeks: 4))
        #expect(comparison.day.firstDay.weekday == .monday)
        #expect(comparison.baselineWeeks == 4)
        // Mondays scored 3, 5 (detractors, −100), 7 (passive, 0) and 9 (promoter, 100).
        #expect(comparison.baseline == -25)
        #expect(comparison.difference == 125)
    }
}
