import CXKitCore
import Foundation
import Testing

@Suite("BusinessCalendar across DST and fixed-offset zones")
struct BusinessCalendarTimeZoneTests {
    static func nightShift(_ zone: String) throws -> BusinessCalendar {
        try BusinessCalendar(timeZoneIdentifier: zone, week: everyDay([interval(0, 0, 6, 0)]))
    }

    static func officeHours(_ zone: String) throws -> BusinessCalendar {
        try BusinessCalendar(timeZoneIdentifier: zone, week: workweek([interval(9, 0, 18, 0)]))
    }

    @Test("Berlin: a 00:00–06:00 shift lasts 5 h on the spring-forward day and 7 h on the fall-back day")
    func berlinShiftLengths() throws {
        let calendar = try Self.nightShift("Europe/Berlin")
        let spring = try instant("2026-03-28T23:00:00Z")  // 29 March 00:00 CET
        #expect(calendar.businessTime(from: spring, to: spring + 23 * hour) == 5 * hour)
        let fall = try instant("2026-10-24T22:00:00Z")  // 25 October 00:00 CEST
        #expect(calendar.businessTime(from: fall, to: fall + 25 * hour) == 7 * hour)
        let ordinary = try instant("2026-03-21T23:00:00Z")
        #expect(calendar.businessTime(from: ordinary, to: ordinary + 24 * hour) == 6 * hour)
    }

    @Test("Berlin: an interval crossing the transition hour counts real elapsed time")
    func berlinIntervalAcrossTransition() throws {
        let calendar = try BusinessCalendar(
            timeZoneIdentifier: "Europe/Berlin", week: [.sunday: [interval(1, 0, 4, 0)]])
        let springSunday = try instant("2026-03-28T12:00:00Z")
        #expect(calendar.businessTime(from: springSunday, to: springSunday + 24 * hour) == 2 * hour)
        let fallSunday = try instant("2026-10-24T12:00:00Z")
        #expect(calendar.businessTime(from: fallSunday, to: fallSunday + 24 * hour) == 4 * hour)
        // The skipped hour does not exist: 02:30 maps to the transition instant.
        let gap = try BusinessCalendar(
            timeZoneIdentifier: "Europe/Berlin", week: [.sunday: [interval(2, 30, 4, 0)]])
        #expect(gap.businessTime(from: springSunday, to: springSunday + 24 * hour) == hour)
        let onlyGap = try BusinessCalendar(
            timeZoneIdentifier: "Europe/Berlin", week: [.sunday: [interval(2, 0, 3, 0)]])
        #expect(!onlyGap.isWorkingDay(try date("2026-03-29")))
        #expect(onlyGap.isWorkingDay(try date("2026-04-05")))
    }

    @Test("Berlin: deadlines computed across the spring-forward and fall-back transitions")
    func berlinDeadlinesAcrossTransition() throws {
        let night = try Self.nightShift("Europe/Berlin")
        let beforeSpring = try instant("2026-03-29T00:30:00Z")  // 01:30 CET
        let springDue = try night.addingBusinessTime(hour, to: beforeSpring)
        #expect(springDue == (try instant("2026-03-29T01:30:00Z")))  // 03:30 CEST
        #expect(night.businessTime(from: beforeSpring, to: springDue) == hour)
        let beforeFall = try instant("2026-10-24T23:30:00Z")  // 01:30 CEST
        let fallDue = try night.addingBusinessTime(2 * hour, to: beforeFall)
        #expect(fallDue == (try instant("2026-10-25T01:30:00Z")))  // 02:30 CET (second time)
        #expect(night.isWorkingTime(at: try instant("2026-10-25T00:30:00Z")))  // 02:30 CEST
        #expect(night.isWorkingTime(at: try instant("2026-10-25T04:59:00Z")))  // 05:59 CET
        #expect(!night.isWorkingTime(at: try instant("2026-10-25T05:00:00Z")))  // 06:00 CET

        let office = try Self.officeHours("Europe/Berlin")
        let friday = try instant("2026-03-27T16:00:00Z")  // Friday 17:00 CET
        #expect(try office.addingBusinessTime(2 * hour, to: friday) == (try instant("2026-03-30T08:00:00Z")))
        #expect(office.businessTime(from: friday, to: try instant("2026-03-30T08:00:00Z")) == 2 * hour)
        let octoberFriday = try instant("2026-10-23T15:00:00Z")  // Friday 17:00 CEST
        #expect(
            try office.addingBusinessTime(2 * hour, to: octoberFriday)
                == (try instant("2026-10-26T09:00:00Z")))
        #expect(try office.addingBusinessDays(1, to: friday) == (try instant("2026-03-30T15:00:00Z")))
    }

    @Test("New York: shift lengths and deadlines across the 2026 transitions")
    func newYork() throws {
        let night = try Self.nightShift("America/New_York")
        let spring = try instant("2026-03-08T05:00:00Z")  // 8 March 00:00 EST
        #expect(night.businessTime(from: spring, to: spring + 23 * hour) == 5 * hour)
        let fall = try instant("2026-11-01T04:00:00Z")  // 1 November 00:00 EDT
        #expect(night.businessTime(from: fall, to: fall + 25 * hour) == 7 * hour)
        #expect(
            try night.addingBusinessTime(hour, to: try instant("2026-03-08T06:30:00Z"))
                == (try instant("2026-03-08T07:30:00Z")))  // 01:30 EST + 1 h = 03:30 EDT
        #expect(
            try night.addingBusinessTime(hour, to: try instant("2026-11-01T05:30:00Z"))
                == (try instant("2026-11-01T06:30:00Z")))  // 01:30 EDT + 1 h = 01:30 EST

        let office = try Self.officeHours("America/New_York")
        let friday = try instant("2026-03-06T22:00:00Z")  // Friday 17:00 EST
        #expect(try office.addingBusinessTime(2 * hour, to: friday) == (try instant("2026-03-09T14:00:00Z")))
        let octoberFriday = try instant("2026-10-30T21:00:00Z")  // Friday 17:00 EDT
        #expect(
            try office.addingBusinessTime(2 * hour, to: octoberFriday)
                == (try instant("2026-11-02T15:00:00Z")))
        #expect(office.businessTime(from: octoberFriday, to: try instant("2026-11-02T15:00:00Z")) == 2 * hour)
    }

    @Test("Istanbul: UTC+3 all year, so 09:00 is 06:00Z in winter and summer")
    func istanbul() throws {
        let office = try Self.officeHours("Europe/Istanbul")
        #expect(office.isWorkingTime(at: try instant("2026-01-05T06:00:00Z")))
        #expect(!office.isWorkingTime(at: try instant("2026-01-05T05:59:59Z")))
        #expect(office.isWorkingTime(at: try instant("2026-07-06T06:00:00Z")))
        #expect(!office.isWorkingTime(at: try instant("2026-07-06T15:00:00Z")))
        // The EU change on 29 March does not move Istanbul's hours.
        let friday = try instant("2026-03-27T14:00:00Z")  // Friday 17:00 +03
        #expect(try office.addingBusinessTime(2 * hour, to: friday) == (try instant("2026-03-30T07:00:00Z")))
        let monday = try instant("2026-03-23T06:00:00Z")
        #expect(office.businessTime(from: monday, to: monday + 7 * 24 * hour) == 45 * hour)
    }
}
