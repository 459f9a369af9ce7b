import CXKitCore
import Foundation
import Testing

@Suite("ReportingPeriod")
struct ReportingPeriodTests {
    let utc: TimeZone
    let newYork: TimeZone
    let berlin: TimeZone
    let istanbul: TimeZone

    init() throws {
        utc = try zone("UTC")
        newYork = try zone("America/New_York")
        berlin = try zone("Europe/Berlin")
        istanbul = try zone("Europe/Istanbul")
    }

    func week(_ day: String) throws -> String {
        try ReportingPeriod.containing(instant(day + "T12:00:00Z"), granularity: .isoWeek, timeZone: utc).key
    }

    @Test("ISO weeks around 1 January belong to the right week-year")
    func isoWeekEdges() throws {
        #expect(try week("2026-12-31") == "2026-W53")
        #expect(try week("2027-01-01") == "2026-W53")
        #expect(try week("2027-01-03") == "2026-W53")
        #expect(try week("2027-01-04") == "2027-W01")
        #expect(try week("2021-01-03") == "2020-W53")
        #expect(try week("2021-01-04") == "2021-W01")
        #expect(try week("2024-12-30") == "2025-W01")
        #expect(try week("2024-12-29") == "2024-W52")
        #expect(try week("2019-12-30") == "2020-W01")
        #expect(try week("2023-01-01") == "2022-W52")
        #expect(try week("2016-01-03") == "2015-W53")
        #expect(try week("2032-12-31") == "2032-W53")
        let w53 = try ReportingPeriod(key: "2026-W53", timeZone: utc)
        #expect(w53.firstDay == (try date("2026-12-28")))
        #expect(w53.lastDay == (try date("2027-01-03")))
        #expect(w53.start == (try instant("2026-12-28T00:00:00Z")))
        #expect(w53.end == (try instant("2027-01-04T00:00:00Z")))
    }

    @Test("ISO weeks agree with Foundation's ISO-8601 calendar for every day of 2015–2032")
    func isoWeeksMatchFoundation() throws {
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = utc
        var day = try date("2015-01-01")
        while day.year < 2033 {
            let noon = try instant(day.description + "T12:00:00Z")
            let period = try ReportingPeriod.containing(noon, granularity: .isoWeek, timeZone: utc)
            let parts = iso.dateComponents([.yearForWeekOfYear, .weekOfYear], from: noon)
            #expect(period.year == parts.yearForWeekOfYear)
            #expect(period.index == parts.weekOfYear)
            day = try day.adding(days: 1)
        }
    }

    @Test("an instant still on 31 December in New York is in December there but January in UTC")
    func newYorkYearBoundary() throws {
        let t = try instant("2026-01-01T03:00:00Z")  // 2025-12-31 22:00 EST
        let keys = try ReportingGranularity.allCases.map {
            try ReportingPeriod.containing(t, granularity: $0, timeZone: newYork).key
        }
        #expect(keys == ["2025-12-31", "2026-W01", "2025-12", "2025-Q4", "2025"])
        let utcKeys = try ReportingGranularity.allCases.map {
            try ReportingPeriod.containing(t, granularity: $0, timeZone: utc).key
        }
        #expect(utcKeys == ["2026-01-01", "2026-W01", "2026-01", "2026-Q1", "2026"])
        let year = try ReportingPeriod(key: "2026", timeZone: newYork)
        #expect(year.start == (try instant("2026-01-01T05:00:00Z")))
        #expect(year.end == (try instant("2027-01-01T05:00:00Z")))
        let march = try ReportingPeriod(key: "2026-03", timeZone: newYork)
        #expect(march.start == (try instant("2026-03-01T05:00:00Z")))
        #expect(march.end == (try instant("2026-04-01T04:00:00Z")))  // EDT by then
        let q2 = try ReportingPeriod(key: "2026-Q2", timeZone: istanbul)
        #expect(q2.start == (try instant("2026-03-31T21:00:00Z")))
        #expect(q2.end == (try instant("2026-06-30T21:00:00Z")))
        #expect(q2.numberOfDays == 91)
    }

    @Test("days are 23 or 25 hours long on DST change days and 24 in Istanbul")
    func dayLengths() throws {
        #expect(try ReportingPeriod(key: "2026-03-29", timeZone: berlin).duration == 23 * hour)
        #expect(try ReportingPeriod(key: "2026-10-25", timeZone: berlin).duration == 25 * hour)
        #expect(try ReportingPeriod(key: "2026-03-08", timeZone: newYork).duration == 23 * hour)
        #expect(try ReportingPeriod(key: "2026-11-01", timeZone: newYork).duration == 25 * hour)
        #expect(try ReportingPeriod(key: "2026-03-29", timeZone: istanbul).duration == 24 * hour)
        // The repeated hour belongs to the fall-back day, and both of its occurrences do.
        let fallDay = try ReportingPeriod(key: "2026-10-25", timeZone: berlin)
        #expect(fallDay.contains(try instant("2026-10-25T00:30:00Z")))
        #expect(fallDay.contains(try instant("2026-10-25T01:30:00Z")))
        let week = try ReportingPeriod(key: "2026-W13", timeZone: berlin)
        #expect(week.duration == (7 * 24 - 1) * hour)
    }

    @Test("containing returns a period whose half-open span holds the instant, at the boundaries too")
    func containingBoundaries() throws {
        let midnight = try instant("2026-02-28T23:00:00Z")  // 1 March 00:00 CET
        #expect(
            try ReportingPeriod.containing(midnight, granularity: .month, timeZone: berlin).key == "2026-03")
        #expect(
            try ReportingPeriod.containing(midnight - 0.001, granularity: .month, timeZone: berlin).key
                == "2026-02")
        let random = SeededRandomSource(seed: 99)
        let lower = try instant("2020-01-01T00:00:00Z").timeIntervalSince1970
        for zone in [berlin, newYork, istanbul] {
            for _ in 0..<200 {
                let t = Date(timeIntervalSince1970: lower + Double(random.next(below: 12 * 365 * 86_400)))
                for granularity in ReportingGranularity.allCases {
                    let period = try ReportingPeriod.containing(t, granularity: granularity, timeZone: zone)
                    #expect(period.contains(t))
                    #expect(try period.next().start == period.end)
                    #expect(try period.previous().end == period.start)
                }
            }
        }
    }

    @Test("keys round-trip through parsing and Codable for every granularity")
    func keyRoundTrip() throws {
        let keys = [
            "2026-03-14", "2024-02-29", "2026-W01", "2020-W53", "2026-03", "2026-12", "2026-Q1", "2026-Q4",
            "2026",
        ]
        for key in keys {
            let period = try ReportingPeriod(key: key, timeZoneIdentifier: "Europe/Istanbul")
            #expect(period.key == key)
            let decoded = try JSONDecoder().decode(ReportingPeriod.self, from: JSONEncoder().encode(period))
            #expect(decoded == period)
            #expect(decoded.start == period.start)
            #expect(decoded.hashValue == period.hashValue)
        }
        let json = #"{"key":"2026-Q1","timeZone":"America/New_York"}"#
        let decoded = try JSONDecoder().decode(ReportingPeriod.self, from: Data(json.utf8))
        #expect(decoded.granularity == .quarter)
        #expect(decoded.description == "2026-Q1 America/New_York")
    }

    @Test("malformed or impossible keys are rejected on field key")
    func badKeys() {
        for key in [
            "2026-W54", "2025-W53", "2026-W00", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "26-01",
            "2026-02-30",
            "abcd", "", "2026-03-1x", "2026/03", "20260",
        ] {
            expectCoreError(.validationFailed, field: "key") {
                _ = try ReportingPeriod(key: key, timeZone: utc)
            }
        }
        expectCoreError(.validationFailed, field: "timeZone") {
            _ = try ReportingPeriod(key: "2026", timeZoneIdentifier: "Atlantis/Capital")
        }
        expectCoreError(.validationFailed, field: "timeZone") {
            _ = try ReportingPeriod.containing(
                Date(timeIntervalSince1970: 0), granularity: .day, timeZoneIdentifier: "X")
        }
    }

    @Test("identity values out of range are rejected on fields year and index")
    func badIdentity() {
        expectCoreError(.validationFailed, field: "year") {
            _ = try ReportingPeriod(granularity: .month, year: 999, index: 1, timeZone: utc)
        }
        expectCoreError(.validationFailed, field: "index") {
            _ = try ReportingPeriod(granularity: .isoWeek, year: 2025, index: 53, timeZone: utc)
        }
        expectCoreError(.validationFailed, field: "index") {
            _ = try ReportingPeriod(granularity: .day, year: 2026, index: 366, timeZone: utc)
        }
        expectCoreError(.validationFailed, field: "index") {
            _ = try ReportingPeriod(granularity: .year, year: 2026, index: 2, timeZone: utc)
        }
        expectCoreError(.limitExceeded, field: "instant") {
            _ = try ReportingPeriod.containing(
                Date(timeIntervalSince1970: 300_000_000_000), granularity: .day, timeZone: utc)
        }
        expectCoreError(.limitExceeded, field: "year") {
            _ = try ReportingPeriod(key: "9999-12", timeZone: utc).next()
        }
        expectCoreError(.limitExceeded, field: "year") {
            _ = try ReportingPeriod(key: "1000", timeZone: utc).yearAgo()
        }
    }

    @Test("next and previous walk across year ends, including ISO week 53")
    func navigation() throws {
        let w52 = try ReportingPeriod(key: "2026-W52", timeZone: berlin)
        #expect(try w52.next().key == "2026-W53")
        #expect(try w52.next().next().key == "2027-W01")
        #expect(try ReportingPeriod(key: "2027-W01", timeZone: berlin).previous().key == "2026-W53")
        #expect(try ReportingPeriod(key: "2026-12", timeZone: berlin).next().key == "2027-01")
        #expect(try ReportingPeriod(key: "2026-Q1", timeZone: berlin).previous().key == "2025-Q4")
        #expect(try ReportingPeriod(key: "2024-12-31", timeZone: berlin).next().key == "2025-01-01")
        #expect(try ReportingPeriod(key: "2026", timeZone: berlin).next().key == "2027")
    }

    @Test("year-ago maps week 53 to 52, 29 February to 28 February, others to the same index")
    func yearAgo() throws {
        #expect(try ReportingPeriod(key: "2026-W53", timeZone: utc).yearAgo().key == "2025-W52")
        #expect(try ReportingPeriod(key: "2020-W53", timeZone: utc).yearAgo().key == "2019-W52")
        #expect(try ReportingPeriod(key: "2021-W10", timeZone: utc).yearAgo().key == "2020-W10")
        #expect(try ReportingPeriod(key: "2021-W52", timeZone: utc).yearAgo().key == "2020-W52")
        #expect(try ReportingPeriod(key: "2024-02-29", timeZone: utc).yearAgo().key == "2023-02-28")
        #expect(try ReportingPeriod(key: "2025-03-01", timeZone: utc).yearAgo().key == "2024-03-01")
        #expect(try ReportingPeriod(key: "2026-Q3", timeZone: utc).yearAgo().key == "2025-Q3")
        #expect(try ReportingPeriod(key: "2026-07", timeZone: utc).yearAgo().key == "2025-07")
        #expect(try ReportingPeriod(key: "2026", timeZone: utc).yearAgo().key == "2025")
    }

    @Test("periods(covering:) enumerates overlapping periods in order and enforces its limit")
    func covering() throws {
        let range = DateInterval(
            start: try instant("2026-01-15T00:00:00Z"), end: try instant("2026-04-01T00:00:00Z"))
        let months = try ReportingPeriod.periods(covering: range, granularity: .month, timeZone: istanbul)
        // April starts in Istanbul at 21:00Z on 31 March, inside the range.
        #expect(months.map(\.key) == ["2026-01", "2026-02", "2026-03", "2026-04"])
        let utcMonths = try ReportingPeriod.periods(covering: range, granularity: .month, timeZone: utc)
        #expect(utcMonths.map(\.key) == ["2026-01", "2026-02", "2026-03"])
        #expect(utcMonths == utcMonths.sorted())
        let days = try ReportingPeriod.periods(covering: range, granularity: .day, timeZone: utc)
        #expect(days.count == 76)
        #expect(
            try ReportingPeriod.periods(
                covering: DateInterval(start: range.start, duration: 0), granularity: .day,
                timeZone: utc
            ).isEmpty)
        expectCoreError(.limitExceeded, field: "range") {
            _ = try ReportingPeriod.periods(covering: range, granularity: .day, timeZone: utc, limit: 10)
        }
        expectCoreError(.validationFailed, field: "limit") {
            _ = try ReportingPeriod.periods(covering: range, granularity: .day, timeZone: utc, limit: 0)
        }
        let huge = DateInterval(
            start: try instant("2026-01-01T00:00:00Z"), end: Date(timeIntervalSince1970: 400_000_000_000))
        expectCoreError(.limitExceeded, field: "range") {
            _ = try ReportingPeriod.periods(covering: huge, granularity: .year, timeZone: utc, limit: 100_000)
        }
    }

    @Test("periods sort by start, then by granularity")
    func ordering() throws {
        let day = try ReportingPeriod(key: "2026-01-01", timeZone: utc)
        let month = try ReportingPeriod(key: "2026-01", timeZone: utc)
        let earlier = try ReportingPeriod(key: "2025-12", timeZone: utc)
        #expect([month, day, earlier].sorted() == [earlier, day, month])
    }
}

@Suite("RollingWindow")
struct RollingWindowTests {
    let istanbul: TimeZone
    let berlin: TimeZone

    init() throws {
        istanbul = try zone("Europe/Istanbul")
        berlin = try zone("Europe/Berlin")
    }

    @Test("including today: today is one of the N days and the window ends now")
    func includesToday() throws {
        let now = try instant("2026-03-14T10:30:00Z")  // 13:30 in Istanbul
        let window = try RollingWindow(lastDays: 7, endingAt: now, includesToday: true, timeZone: istanbul)
        #expect(window.firstDay == (try date("2026-03-08")))
        #expect(window.lastDay == (try date("2026-03-14")))
        #expect(window.start == (try instant("2026-03-07T21:00:00Z")))
        #expect(window.end == now)
        #expect(window.contains(now - 1))
        #expect(!window.contains(now))
        let previous = try window.previous()
        #expect(previous.firstDay == (try date("2026-03-01")))
        #expect(previous.lastDay == (try date("2026-03-07")))
        #expect(previous.end == (try instant("2026-03-07T10:30:00Z")))  // same time of day
        let yearAgo = try window.yearAgo()
        #expect(yearAgo.lastDay == (try date("2025-03-14")))
        #expect(yearAgo.firstDay == (try date("2025-03-08")))
        #expect(yearAgo.end == (try instant("2025-03-14T10:30:00Z")))
    }

    @Test("excluding today: the N full days before today, ending at today's midnight")
    func excludesToday() throws {
        let now = try instant("2026-03-30T10:00:00Z")  // Monday, after Berlin's spring-forward
        let window = try RollingWindow(
            lastDays: 7, endingAt: now, includesToday: false, timeZoneIdentifier: "Europe/Berlin")
        #expect(window.firstDay == (try date("2026-03-23")))
        #expect(window.lastDay == (try date("2026-03-29")))
        #expect(window.start == (try instant("2026-03-22T23:00:00Z")))
        #expect(window.end == (try instant("2026-03-29T22:00:00Z")))
        #expect(window.interval.duration == (7 * 24 - 1) * hour)
        let previous = try window.previous()
        #expect(previous.end == window.start)
        #expect(previous.lastDay == (try date("2026-03-22")))
        let leap = try RollingWindow(
            lastDays: 3, endingAt: try instant("2024-03-01T12:00:00Z"), includesToday: false, timeZone: berlin
        )
        #expect(leap.lastDay == (try date("2024-02-29")))
        #expect(try leap.yearAgo().lastDay == (try date("2023-02-28")))
    }

    @Test("bad window sizes and zones are typed errors")
    func validation() throws {
        let now = try instant("2026-03-14T10:30:00Z")
        expectCoreError(.validationFailed, field: "dayCount") {
            _ = try RollingWindow(lastDays: 0, endingAt: now, includesToday: true, timeZone: istanbul)
        }
        expectCoreError(.limitExceeded, field: "dayCount") {
            _ = try RollingWindow(lastDays: 4000, endingAt: now, includesToday: true, timeZone: istanbul)
        }
        expectCoreError(.validationFailed, field: "timeZone") {
            _ = try RollingWindow(lastDays: 7, endingAt: now, includesToday: true, timeZoneIdentifier: "Nope")
        }
        expectCoreError(.limitExceeded, field: "now") {
            _ = try RollingWindow(
                lastDays: 7, endingAt: Date(timeIntervalSince1970: 300_000_000_000), includesToday: true,
                timeZone: istanbul)
        }
    }
}

@Suite("Periods and calendars where DST changes happen at midnight")
struct MidnightTransitionTests {
    @Test("São Paulo 2018: midnight was skipped, so the day starts at 01:00 local and lasts 23 h")
    func skippedMidnight() throws {
        let saoPaulo = try zone("America/Sao_Paulo")
        let day = try ReportingPeriod(key: "2018-11-04", timeZone: saoPaulo)
        #expect(day.start == (try instant("2018-11-04T03:00:00Z")))
        #expect(day.duration == 23 * hour)
        #expect(try day.previous().end == day.start)
        #expect(
            try ReportingPeriod.containing(day.start - 1, granularity: .day, timeZone: saoPaulo).key
                == "2018-11-03")
        let always = try BusinessCalendar.always(timeZoneIdentifier: "America/Sao_Paulo")
        #expect(always.businessTime(from: day.start, to: day.end) == 23 * hour)
        let office = try BusinessCalendar(
            timeZoneIdentifier: "America/Sao_Paulo", week: everyDay([interval(0, 0, 2, 0)]))
        // 00:00–01:00 does not exist that day, so only 01:00–02:00 counts.
        #expect(office.businessTime(from: day.start, to: day.end) == hour)
        #expect(try office.addingBusinessTime(30 * 60, to: day.start - 60) == day.start + 30 * 60)
    }

    @Test("Havana: midnight repeats at fall-back, and both occurrences belong to the new day")
    func repeatedMidnight() throws {
        let havana = try zone("America/Havana")
        let day = try ReportingPeriod(key: "2026-11-01", timeZone: havana)
        #expect(day.start == (try instant("2026-11-01T04:00:00Z")))
        #expect(day.duration == 25 * hour)
        #expect(
            try ReportingPeriod.containing(
                try instant("2026-11-01T05:30:00Z"), granularity: .day, timeZone: havana
            ).key
                == "2026-11-01")
        #expect(
            try ReportingPeriod.containing(
                try instant("2026-11-01T03:59:59Z"), granularity: .day, timeZone: havana
            ).key
                == "2026-10-31")
        let night = try BusinessCalendar(
            timeZoneIdentifier: "America/Havana", week: everyDay([interval(0, 0, 3, 0)]))
        #expect(night.businessTime(from: day.start, to: day.end) == 4 * hour)
    }
}
