import CXKitCore
import Foundation
import Testing

@Suite("BusinessCalendar arithmetic")
struct BusinessCalendarTests {
    /// Berlin support desk: Mon–Fri 09:00–12:30 and 13:30–18:00.
    static func berlinSplitShift(holidays: [BusinessHoliday] = []) throws -> BusinessCalendar {
        try BusinessCalendar(
            timeZoneIdentifier: "Europe/Berlin",
            week: workweek([interval(9, 0, 12, 30), interval(13, 30, 18, 0)]),
            holidays: holidays)
    }

    @Test("split shifts skip the lunch break when adding business time")
    func splitShiftAddition() throws {
        let calendar = try Self.berlinSplitShift()
        let start = try instant("2026-03-23T09:00:00Z")  // Monday 10:00 CET
        let due = try calendar.addingBusinessTime(4 * hour, to: start)
        #expect(due == (try instant("2026-03-23T14:00:00Z")))  // 15:00 CET
        #expect(calendar.businessTime(from: start, to: due) == 4 * hour)
    }

    @Test("a duration that exactly fills the day ends at closing time, not at the next opening")
    func exactFillEndsAtClose() throws {
        let calendar = try Self.berlinSplitShift()
        let start = try instant("2026-03-23T08:00:00Z")  // Monday 09:00 CET
        let due = try calendar.addingBusinessTime(8 * hour, to: start)
        #expect(due == (try instant("2026-03-23T17:00:00Z")))  // 18:00 CET
    }

    @Test("adding from outside working hours starts the clock at the next opening")
    func startsAtNextOpening() throws {
        let calendar = try Self.berlinSplitShift()
        let lunch = try instant("2026-03-23T11:45:00Z")  // Monday 12:45 CET (lunch)
        #expect(try calendar.addingBusinessTime(30 * 60, to: lunch) == (try instant("2026-03-23T13:00:00Z")))
        #expect(try calendar.addingBusinessTime(0, to: lunch) == (try instant("2026-03-23T12:30:00Z")))
        let saturday = try instant("2026-03-28T10:00:00Z")
        #expect(try calendar.addingBusinessTime(hour, to: saturday) == (try instant("2026-03-30T08:00:00Z")))
    }

    @Test("adding across a weekend continues on Monday")
    func acrossWeekend() throws {
        let calendar = try Self.berlinSplitShift()
        let friday = try instant("2026-03-13T16:00:00Z")  // Friday 17:00 CET
        let due = try calendar.addingBusinessTime(.seconds(2 * 3600), to: friday)
        #expect(due == (try instant("2026-03-16T09:00:00Z")))  // Monday 10:00 CET
        #expect(calendar.businessTime(from: friday, to: due) == 2 * hour)
    }

    @Test("full-day holidays are skipped, partial holidays use their own hours")
    func holidays() throws {
        let calendar = try Self.berlinSplitShift(holidays: [
            BusinessHoliday(date: try date("2026-03-16")),  // Monday closed
            BusinessHoliday(date: try date("2026-03-17"), workingIntervals: [interval(9, 0, 13, 0)]),
        ])
        let friday = try instant("2026-03-13T16:00:00Z")  // Friday 17:00 CET
        // 1 h on Friday, Monday closed, Tuesday 09:00–13:00 gives 4 h, then Wednesday.
        #expect(
            try calendar.addingBusinessTime(2 * hour, to: friday) == (try instant("2026-03-17T09:00:00Z")))
        #expect(
            try calendar.addingBusinessTime(5 * hour, to: friday) == (try instant("2026-03-17T12:00:00Z")))
        #expect(
            try calendar.addingBusinessTime(6 * hour, to: friday) == (try instant("2026-03-18T09:00:00Z")))
        #expect(!calendar.isWorkingTime(at: try instant("2026-03-16T10:00:00Z")))
        #expect(calendar.isWorkingTime(at: try instant("2026-03-17T11:59:00Z")))
        #expect(!calendar.isWorkingTime(at: try instant("2026-03-17T12:00:00Z")))
        #expect(!calendar.isWorkingDay(try date("2026-03-16")))
        #expect(calendar.isWorkingDay(try date("2026-03-17")))
    }

    @Test("a yearly holiday applies every year from its first year, and a one-off date overrides it")
    func yearlyHolidays() throws {
        let calendar = try Self.berlinSplitShift(holidays: [
            BusinessHoliday(date: try date("2024-12-25"), repeatsYearly: true),
            BusinessHoliday(date: try date("2029-12-25"), workingIntervals: [interval(10, 0, 12, 0)]),
        ])
        #expect(!calendar.isWorkingDay(try date("2026-12-25")))  // Friday
        #expect(!calendar.isWorkingDay(try date("2028-12-25")))  // Monday
        #expect(calendar.isWorkingDay(try date("2023-12-25")))  // Monday, before the first year
        let christmas2029 = try wallClock(2029, 12, 25, 0, in: "Europe/Berlin")
        #expect(calendar.businessTime(from: christmas2029, to: christmas2029 + 24 * hour) == 2 * hour)
    }

    @Test("businessTime is antisymmetric and zero for an empty range")
    func businessTimeDirections() throws {
        let calendar = try Self.berlinSplitShift()
        let a = try instant("2026-03-23T09:00:00Z")
        let b = try instant("2026-03-24T09:00:00Z")
        #expect(calendar.businessTime(from: a, to: b) == 8 * hour)
        #expect(calendar.businessTime(from: b, to: a) == -8 * hour)
        #expect(calendar.businessTime(from: a, to: a) == 0)
        let saturday = try instant("2026-03-28T09:00:00Z")
        #expect(calendar.businessTime(from: saturday, to: saturday + 20 * hour) == 0)
    }

    @Test("working time is start-inclusive and end-exclusive; next working instant finds openings")
    func workingInstants() throws {
        let calendar = try Self.berlinSplitShift()
        let opening = try instant("2026-03-23T08:00:00Z")
        #expect(calendar.isWorkingTime(at: opening))
        #expect(!calendar.isWorkingTime(at: opening - 1))
        #expect(!calendar.isWorkingTime(at: try instant("2026-03-23T11:30:00Z")))  // 12:30 CET
        #expect(calendar.nextWorkingInstant(atOrAfter: opening) == opening)
        let afterOpening = try #require(calendar.nextWorkingInstant(after: opening))
        #expect(afterOpening > opening && afterOpening < opening + 1)
        #expect(
            calendar.nextWorkingInstant(atOrAfter: try instant("2026-03-27T17:00:00Z"))
                == (try instant("2026-03-30T07:00:00Z")))  // Friday 18:00 CET → Monday 09:00 CEST
        let beforeRange = Date(timeIntervalSince1970: -10)
        #expect(calendar.nextWorkingInstant(atOrAfter: beforeRange) == nil)
        #expect(!calendar.isWorkingTime(at: beforeRange))
    }

    @Test("business days land at the same business offset n working days later")
    func businessDays() throws {
        let calendar = try Self.berlinSplitShift(holidays: [
            BusinessHoliday(date: try date("2026-03-31")),
            BusinessHoliday(date: try date("2026-04-02"), workingIntervals: [interval(9, 0, 11, 0)]),
        ])
        let friday = try instant("2026-03-13T16:00:00Z")  // Friday 17:00 CET
        #expect(try calendar.addingBusinessDays(1, to: friday) == (try instant("2026-03-16T16:00:00Z")))
        #expect(try calendar.addingBusinessDays(5, to: friday) == (try instant("2026-03-20T16:00:00Z")))
        #expect(try calendar.addingBusinessDays(0, to: friday) == friday)
        let saturday = try instant("2026-03-14T10:00:00Z")
        #expect(try calendar.addingBusinessDays(1, to: saturday) == (try instant("2026-03-17T08:00:00Z")))
        let lunch = try instant("2026-03-16T11:45:00Z")  // Monday 12:45 CET → counts from 13:30
        #expect(try calendar.addingBusinessDays(1, to: lunch) == (try instant("2026-03-17T12:30:00Z")))
        // Monday 30 March 15:00 CEST: Tuesday is a holiday, Wednesday is the first working day,
        // Thursday is a half day ending 11:00, so the offset is capped at its end.
        let monday = try instant("2026-03-30T13:00:00Z")
        #expect(try calendar.addingBusinessDays(1, to: monday) == (try instant("2026-04-01T13:00:00Z")))
        #expect(try calendar.addingBusinessDays(2, to: monday) == (try instant("2026-04-02T09:00:00Z")))
        #expect(try calendar.addingBusinessDays(3, to: monday) == (try instant("2026-04-03T13:00:00Z")))
        // Many weeks at once (the whole-week skip) agrees with stepping week by week.
        var stepped = friday
        for _ in 0..<20 { stepped = try calendar.addingBusinessDays(5, to: stepped) }
        #expect(try calendar.addingBusinessDays(100, to: friday) == stepped)
    }

    @Test("a 24/7 calendar counts every second, in UTC or a named zone")
    func alwaysOpen() throws {
        let start = try instant("2026-05-01T10:00:00Z")
        #expect(try BusinessCalendar.always.addingBusinessTime(100 * hour, to: start) == start + 100 * hour)
        let berlin = try BusinessCalendar.always(timeZoneIdentifier: "Europe/Berlin")
        let springDay = try wallClock(2026, 3, 29, 0, in: "Europe/Berlin")
        let nextDay = try wallClock(2026, 3, 30, 0, in: "Europe/Berlin")
        #expect(berlin.businessTime(from: springDay, to: nextDay) == 23 * hour)
        #expect(berlin.weeklyBusinessTime == 7 * 24 * hour)
    }

    @Test("long ranges skip whole weeks yet match day-by-day sums over a year with holidays and DST")
    func longRangesMatchDailySums() throws {
        let calendar = try Self.berlinSplitShift(holidays: [
            BusinessHoliday(date: try date("2020-01-01"), repeatsYearly: true),
            BusinessHoliday(date: try date("2026-05-14")),
            BusinessHoliday(date: try date("2026-12-24"), workingIntervals: [interval(9, 0, 13, 0)]),
        ])
        let first = try wallClock(2026, 1, 1, 0, in: "Europe/Berlin")
        var daily = 0.0
        var dayStart = first
        var day = try date("2026-01-01")
        for _ in 1...365 {
            day = try day.adding(days: 1)
            let end = try wallClock(day.year, day.month, day.day, 0, in: "Europe/Berlin")
            daily += calendar.businessTime(from: dayStart, to: end)
            dayStart = end
        }
        let whole = calendar.businessTime(from: first, to: dayStart)
        #expect(whole == daily)
        // 2026 has 261 weekdays; minus 1 Jan and 14 May, minus 4 h on 24 December.
        #expect(whole == Double(259 * 8 - 4) * hour)
        let due = try calendar.addingBusinessTime(whole, to: first)
        #expect(calendar.businessTime(from: first, to: due) == whole)
    }

    @Test("a calendar is Codable and round-trips to an equal value with the same arithmetic")
    func codableRoundTrip() throws {
        let calendar = try Self.berlinSplitShift(holidays: [
            BusinessHoliday(date: try date("2026-12-24"), workingIntervals: [interval(9, 0, 13, 0)]),
            BusinessHoliday(date: try date("2026-01-01"), repeatsYearly: true),
        ])
        let data = try JSONEncoder().encode(calendar)
        let decoded = try JSONDecoder().decode(BusinessCalendar.self, from: data)
        #expect(decoded == calendar)
        #expect(decoded.hashValue == calendar.hashValue)
        let start = try instant("2026-12-23T16:00:00Z")
        #expect(
            try decoded.addingBusinessTime(5 * hour, to: start)
                == calendar.addingBusinessTime(5 * hour, to: start))
        let json = #"{"timeZone":"Europe/Istanbul","week":{"monday":[{"start":540,"end":1080}]}}"#
        let minimal = try JSONDecoder().decode(BusinessCalendar.self, from: Data(json.utf8))
        #expect(minimal.week[.monday] == [interval(9, 0, 18, 0)])
        #expect(minimal.holidays.isEmpty)
    }
}
