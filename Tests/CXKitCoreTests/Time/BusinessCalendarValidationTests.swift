import CXKitCore
import Foundation
import Testing

@Suite("BusinessCalendar validation")
struct BusinessCalendarValidationTests {
    let nineToFive = [interval(9, 0, 17, 0)]

    @Test("an unknown time zone is rejected on field timeZone")
    func unknownZone() {
        expectCoreError(.validationFailed, field: "timeZone") {
            _ = try BusinessCalendar(timeZoneIdentifier: "Mars/Olympus_Mons", week: workweek(nineToFive))
        }
        expectCoreError(.validationFailed, field: "timeZone") {
            _ = try BusinessCalendar.always(timeZoneIdentifier: "Nowhere")
        }
    }

    @Test("bad weekday intervals name the weekday and index")
    func badIntervals() {
        let cases: [(String, [Weekday: [WorkingInterval]])] = [
            ("week.monday[0]", [.monday: [WorkingInterval(startMinute: -1, endMinute: 60)]]),
            ("week.monday[0]", [.monday: [WorkingInterval(startMinute: 60, endMinute: 1441)]]),
            ("week.tuesday[0]", [.tuesday: [interval(9, 0, 9, 0)]]),
            ("week.wednesday[0]", [.wednesday: [interval(12, 0, 9, 0)]]),
            ("week.monday[1]", [.monday: [interval(13, 0, 18, 0), interval(9, 0, 12, 0)]]),
            ("week.friday[1]", [.friday: [interval(9, 0, 12, 30), interval(12, 0, 18, 0)]]),
            (
                "week.sunday[2]",
                [.sunday: [interval(1, 0, 2, 0), interval(3, 0, 4, 0), interval(3, 30, 5, 0)]]
            ),
        ]
        for (field, week) in cases {
            expectCoreError(.validationFailed, field: field) {
                _ = try BusinessCalendar(timeZoneIdentifier: "UTC", week: week)
            }
        }
    }

    @Test("touching intervals are accepted")
    func touchingIntervals() throws {
        let calendar = try BusinessCalendar(
            timeZoneIdentifier: "UTC", week: [.monday: [interval(9, 0, 12, 0), interval(12, 0, 24, 0)]])
        #expect(calendar.weeklyBusinessTime == 15 * hour)
    }

    @Test("too many intervals in a day is a limit error on the weekday")
    func tooManyIntervals() {
        let many = (0..<49).map { WorkingInterval(startMinute: $0 * 20, endMinute: $0 * 20 + 10) }
        expectCoreError(.limitExceeded, field: "week.monday") {
            _ = try BusinessCalendar(timeZoneIdentifier: "UTC", week: [.monday: many])
        }
    }

    @Test("bad holiday hours and duplicate holiday dates name the holiday")
    func badHolidays() throws {
        let christmas = try date("2026-12-25")
        expectCoreError(.validationFailed, field: "holidays[1].workingIntervals[0]") {
            _ = try BusinessCalendar(
                timeZoneIdentifier: "UTC", week: workweek(nineToFive),
                holidays: [
                    BusinessHoliday(date: try date("2026-12-24")),
                    BusinessHoliday(date: christmas, workingIntervals: [interval(13, 0, 9, 0)]),
                ])
        }
        expectCoreError(.validationFailed, field: "holidays[1].date") {
            _ = try BusinessCalendar(
                timeZoneIdentifier: "UTC", week: workweek(nineToFive),
                holidays: [BusinessHoliday(date: christmas), BusinessHoliday(date: christmas)])
        }
        expectCoreError(.validationFailed, field: "holidays[1].date") {
            _ = try BusinessCalendar(
                timeZoneIdentifier: "UTC", week: workweek(nineToFive),
                holidays: [
                    BusinessHoliday(date: christmas, repeatsYearly: true),
                    BusinessHoliday(date: try date("2030-12-25"), repeatsYearly: true),
                ])
        }
        // A one-off date on a repeating holiday's day is allowed (it overrides).
        _ = try BusinessCalendar(
            timeZoneIdentifier: "UTC", week: workweek(nineToFive),
            holidays: [
                BusinessHoliday(date: christmas, repeatsYearly: true), BusinessHoliday(date: christmas),
            ])
    }

    @Test("bad arguments to the arithmetic are typed errors naming the argument")
    func badArguments() throws {
        let calendar = try BusinessCalendar(timeZoneIdentifier: "Europe/Berlin", week: workweek(nineToFive))
        let start = try instant("2026-03-23T09:00:00Z")
        expectCoreError(.validationFailed, field: "duration") {
            _ = try calendar.addingBusinessTime(-1, to: start)
        }
        expectCoreError(.validationFailed, field: "duration") {
            _ = try calendar.addingBusinessTime(.nan, to: start)
        }
        expectCoreError(.limitExceeded, field: "duration") {
            _ = try calendar.addingBusinessTime(1e12, to: start)
        }
        expectCoreError(.limitExceeded, field: "duration") {
            _ = try calendar.addingBusinessTime(90 * 365 * 8 * hour, to: start)
        }
        expectCoreError(.limitExceeded, field: "start") {
            _ = try calendar.addingBusinessTime(hour, to: Date(timeIntervalSince1970: -1))
        }
        expectCoreError(.limitExceeded, field: "start") {
            _ = try calendar.addingBusinessTime(hour, to: Date(timeIntervalSince1970: 5_000_000_000))
        }
        expectCoreError(.validationFailed, field: "days") {
            _ = try calendar.addingBusinessDays(-1, to: start)
        }
        expectCoreError(.limitExceeded, field: "days") {
            _ = try calendar.addingBusinessDays(40_000, to: start)
        }
        expectCoreError(.limitExceeded, field: "days") {
            _ = try calendar.addingBusinessDays(36_000, to: start)
        }
    }

    @Test("a calendar without any working time refuses to add instead of looping")
    func noWorkingTime() throws {
        let closed = try BusinessCalendar(timeZoneIdentifier: "Europe/Istanbul", week: [:])
        let start = try instant("2026-03-23T09:00:00Z")
        expectCoreError(.validationFailed, field: "week") {
            _ = try closed.addingBusinessTime(hour, to: start)
        }
        expectCoreError(.validationFailed, field: "week") { _ = try closed.addingBusinessDays(1, to: start) }
        #expect(closed.nextWorkingInstant(atOrAfter: start) == nil)
        #expect(closed.businessTime(from: start, to: start + 1000 * hour) == 0)
    }

    @Test("a calendar open only on holidays finds them and stops after the last one")
    func onlyHolidayHours() throws {
        let calendar = try BusinessCalendar(
            timeZoneIdentifier: "UTC", week: [:],
            holidays: [
                BusinessHoliday(date: try date("2027-06-01"), workingIntervals: [interval(10, 0, 12, 0)])
            ])
        let start = try instant("2026-03-23T09:00:00Z")
        #expect(try calendar.addingBusinessTime(hour, to: start) == (try instant("2027-06-01T11:00:00Z")))
        expectCoreError(.limitExceeded, field: "duration") {
            _ = try calendar.addingBusinessTime(3 * hour, to: start)
        }
        #expect(try calendar.addingBusinessDays(0, to: start) == (try instant("2027-06-01T10:00:00Z")))
        expectCoreError(.limitExceeded, field: "days") { _ = try calendar.addingBusinessDays(1, to: start) }
    }

    @Test("local dates reject impossible values and malformed text")
    func localDates() {
        expectCoreError(.validationFailed, field: "month") {
            _ = try LocalDate(year: 2026, month: 13, day: 1)
        }
        expectCoreError(.validationFailed, field: "day") { _ = try LocalDate(year: 2026, month: 2, day: 29) }
        expectCoreError(.validationFailed, field: "year") { _ = try LocalDate(year: 0, month: 1, day: 1) }
        expectCoreError(.validationFailed, field: "date") { _ = try LocalDate(iso8601: "2026-2-01") }
        expectCoreError(.validationFailed, field: "date") { _ = try LocalDate(iso8601: "2026-02-30") }
        expectCoreError(.validationFailed, field: "date") { _ = try LocalDate(iso8601: "+026-02-03") }
    }

    @Test("decoding an invalid calendar fails with the same typed error")
    func decodingValidates() {
        let json = #"{"timeZone":"UTC","week":{"monday":[{"start":600,"end":540}]}}"#
        expectCoreError(.validationFailed, field: "week.monday[0]") {
            _ = try JSONDecoder().decode(BusinessCalendar.self, from: Data(json.utf8))
        }
        let badZone = #"{"timeZone":"Foo/Bar","week":{}}"#
        expectCoreError(.validationFailed, field: "timeZone") {
            _ = try JSONDecoder().decode(BusinessCalendar.self, from: Data(badZone.utf8))
        }
    }
}

@Suite("Time values never trap on extreme input")
struct TimeExtremeInputTests {
    @Test("overflowing interval components are validation errors, not traps")
    func overflowingIntervals() {
        let huge = WorkingInterval(from: (Int.max, 0), to: (Int.max, 59))
        #expect(huge.durationMinutes >= 0)
        expectCoreError(.validationFailed, field: "week.monday[0]") {
            _ = try BusinessCalendar(timeZoneIdentifier: "UTC", week: [.monday: [huge]])
        }
        let extreme = WorkingInterval(startMinute: Int.min, endMinute: Int.max)
        #expect(extreme.durationMinutes == 0)
        expectCoreError(.validationFailed, field: "week.friday[0]") {
            _ = try BusinessCalendar(timeZoneIdentifier: "UTC", week: [.friday: [extreme]])
        }
    }

    @Test("extreme dates and day counts are limit errors or clamped, never crashes")
    func extremeDates() throws {
        let far = Date(timeIntervalSince1970: 1e300)
        let utc = try zone("UTC")
        expectCoreError(.limitExceeded, field: "instant") {
            _ = try ReportingPeriod.containing(far, granularity: .day, timeZone: utc)
        }
        expectCoreError(.limitExceeded, field: "instant") {
            _ = try ReportingPeriod.containing(
                Date(timeIntervalSince1970: .nan), granularity: .day, timeZone: utc)
        }
        expectCoreError(.limitExceeded, field: "now") {
            _ = try RollingWindow(lastDays: 1, endingAt: far, includesToday: false, timeZone: utc)
        }
        expectCoreError(.limitExceeded, field: "days") { _ = try date("2026-01-01").adding(days: Int.max) }
        expectCoreError(.limitExceeded, field: "days") { _ = try date("2026-01-01").adding(days: Int.min) }
        let calendar = BusinessCalendar.always
        let everything = calendar.businessTime(from: Date(timeIntervalSince1970: -1e300), to: far)
        #expect(everything == BusinessCalendar.supportedRange.duration)
        #expect(calendar.businessTime(from: Date(timeIntervalSince1970: .nan), to: far) >= 0)
        #expect(!calendar.isWorkingTime(at: far))
        #expect(calendar.nextWorkingInstant(atOrAfter: Date(timeIntervalSince1970: .infinity)) == nil)
        expectCoreError(.limitExceeded, field: "start") { _ = try calendar.addingBusinessTime(1, to: far) }
    }
}
