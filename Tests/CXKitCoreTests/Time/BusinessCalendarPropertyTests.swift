import CXKitCore
import Foundation
import Testing

@Suite("BusinessCalendar properties")
struct BusinessCalendarPropertyTests {
    /// Weekday split shifts, a Sunday night shift crossing the DST hours, holidays of every kind.
    static func berlinMixed() throws -> BusinessCalendar {
        var week = workweek([interval(7, 0, 12, 30), interval(13, 30, 18, 0)])
        week[.saturday] = [interval(10, 0, 14, 0)]
        week[.sunday] = [interval(0, 0, 6, 0)]
        return try BusinessCalendar(
            timeZoneIdentifier: "Europe/Berlin", week: week,
            holidays: [
                BusinessHoliday(date: try date("2020-01-01"), repeatsYearly: true),
                BusinessHoliday(
                    date: try date("2020-12-24"), workingIntervals: [interval(9, 0, 13, 0)],
                    repeatsYearly: true),
                BusinessHoliday(date: try date("2026-05-14")),
                BusinessHoliday(date: try date("2026-10-25"), workingIntervals: [interval(0, 0, 24, 0)]),
            ])
    }

    static func calendars() throws -> [BusinessCalendar] {
        [
            try berlinMixed(),
            try BusinessCalendar(
                timeZoneIdentifier: "America/New_York",
                week: workweek([interval(9, 0, 17, 0)]),
                holidays: [
                    BusinessHoliday(date: try date("2026-11-26")),
                    BusinessHoliday(date: try date("2026-07-03")),
                ]),
            try BusinessCalendar(
                timeZoneIdentifier: "Europe/Istanbul", week: workweek([interval(9, 0, 18, 0)])),
            try BusinessCalendar.always(timeZoneIdentifier: "America/New_York"),
        ]
    }

    @Test("adding then measuring returns the duration, and deadlines are monotonic (seeded)")
    func addMeasureRoundTrip() throws {
        let random = SeededRandomSource(seed: 0xC0FFEE)
        let lower = try instant("2025-01-01T00:00:00Z").timeIntervalSince1970
        let span: UInt64 = 3 * 365 * 86_400
        for calendar in try Self.calendars() {
            for _ in 0..<300 {
                let t = Date(timeIntervalSince1970: lower + Double(random.next(below: span)))
                let d1 = Double(random.next(below: 400 * 3600))
                let d2 = d1 + Double(random.next(below: 40 * 3600))
                let due1 = try calendar.addingBusinessTime(d1, to: t)
                let due2 = try calendar.addingBusinessTime(d2, to: t)
                #expect(abs(calendar.businessTime(from: t, to: due1) - d1) < 1e-3, "seed \(random.seed)")
                #expect(abs(calendar.businessTime(from: due1, to: t) + d1) < 1e-3)
                #expect(due1 <= due2)
                #expect(due1 >= t)
                let later = t + Double(random.next(below: 72 * 3600))
                #expect(try calendar.addingBusinessTime(d1, to: later) >= due1)
                #expect(calendar.businessTime(from: t, to: later) >= 0)
            }
        }
    }

    /// Reference: walk every minute, read local wall time with Foundation's `Calendar`, and
    /// check it against the definition directly.
    static func naiveMinutes(_ calendar: BusinessCalendar, from start: Date, minutes: Int) -> Double {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = calendar.timeZone
        var count = 0
        for m in 0..<minutes {
            let t = start + Double(m * 60)
            let parts = gregorian.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: t)
            guard let year = parts.year, let month = parts.month, let day = parts.day,
                let hourValue = parts.hour,
                let minute = parts.minute, let weekdayNumber = parts.weekday
            else { continue }
            let minuteOfDay = hourValue * 60 + minute
            let intervals: [WorkingInterval]
            let oneOff = calendar.holidays.first {
                !$0.repeatsYearly && $0.date.year == year && $0.date.month == month && $0.date.day == day
            }
            let yearly = calendar.holidays.first {
                $0.repeatsYearly && $0.date.month == month && $0.date.day == day && $0.date.year <= year
            }
            if let holiday = oneOff ?? yearly {
                intervals = holiday.workingIntervals
            } else {
                // Foundation: Sunday = 1 … Saturday = 7.
                let weekday = Weekday.allCases[(weekdayNumber + 5) % 7]
                intervals = calendar.week[weekday] ?? []
            }
            if intervals.contains(where: { $0.startMinute <= minuteOfDay && minuteOfDay < $0.endMinute }) {
                count += 1
            }
        }
        return Double(count * 60)
    }

    @Test("businessTime matches a minute-by-minute reference on short random ranges, DST days included")
    func matchesNaiveReference() throws {
        let random = SeededRandomSource(seed: 42)
        let anchors = try [
            "2026-03-27T00:00:00Z", "2026-10-23T00:00:00Z", "2026-03-06T00:00:00Z", "2026-10-30T00:00:00Z",
            "2026-12-22T00:00:00Z", "2026-05-12T00:00:00Z", "2025-12-30T00:00:00Z",
        ].map(instant)
        for calendar in try Self.calendars() {
            for _ in 0..<10 {
                let anchor = anchors[Int(random.next(below: UInt64(anchors.count)))]
                let start = anchor + Double(random.next(below: 3 * 1440) * 60)
                let minutes = Int(random.next(below: 3 * 1440)) + 1
                let measured = calendar.businessTime(from: start, to: start + Double(minutes * 60))
                #expect(
                    measured == Self.naiveMinutes(calendar, from: start, minutes: minutes),
                    "\(calendar.timeZoneIdentifier) seed \(random.seed)")
            }
        }
    }

    @Test("isWorkingTime agrees with measuring one minute")
    func isWorkingTimeAgreesWithMeasure() throws {
        let random = SeededRandomSource(seed: 7)
        let calendar = try Self.berlinMixed()
        let lower = try instant("2026-01-01T00:00:00Z").timeIntervalSince1970
        for _ in 0..<2000 {
            let t = Date(timeIntervalSince1970: lower + Double(random.next(below: 365 * 1440) * 60))
            let working = calendar.businessTime(from: t, to: t + 60) == 60
            #expect(calendar.isWorkingTime(at: t) == working)
        }
    }
}
