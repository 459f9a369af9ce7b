import Foundation

/// A reporting bucket — a local day, ISO-8601 week, month, quarter or year — in an explicit
/// time zone, with its half-open span of instants `[start, end)`.
///
/// A period is identified by its granularity, `year` and `index` within the year, and has
/// a stable ``key``: `"2026-03-14"` (day), `"2026-W01"` (ISO week), `"2026-03"` (month),
/// `"2026-Q1"` (quarter) or `"2026"` (year). For ISO weeks `year` is the ISO week-year,
/// which differs from the calendar year for days around 1 January: 2026-12-31 (a Thursday)
/// is in 2026-W53, 2021-01-03 in 2020-W53 and 2024-12-30 in 2025-W01.
///
/// Boundaries are local midnights converted with the zone's rules at that date, so a day
/// lasts 23 or 25 hours across a DST change and an instant that is still 31 December in
/// New York belongs to December there even though it is already January in UTC. A midnight
/// skipped by a DST change starts the period at the transition instant.
///
/// Periods order by start (then end, granularity and key), hash and compare by value, and
/// encode as `{"key": "2026-W01", "timeZone": "Europe/Istanbul"}`.
///
/// Years 1000 to 9999 are supported.
public struct ReportingPeriod: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The period's length.
    public let granularity: ReportingGranularity
    /// The calendar year, or the ISO week-year for ``ReportingGranularity/isoWeek``.
    public let year: Int
    /// The position within the year: day of the year (1…366), ISO week (1…53), month
    /// (1…12), quarter (1…4), or 1 for a year.
    public let index: Int
    /// The zone whose local calendar defines the period.
    public let timeZone: TimeZone
    /// The first instant of the period (inclusive).
    public let start: Date
    /// The first instant after the period (exclusive); the next period's start.
    public let end: Date
    let firstDayNumber: Int
    let dayCount: Int

    /// The years periods may fall in.
    public static let supportedYears = 1000...9999

    /// Creates a period from its identity.
    ///
    /// - Parameters:
    ///   - granularity: The period's length.
    ///   - year: The calendar year (ISO week-year for weeks), 1000…9999.
    ///   - index: Day of year, ISO week, month, quarter, or 1 for a year.
    ///   - timeZone: The zone whose local calendar defines the period.
    /// - Throws: `CoreError` `.validationFailed` with field `"year"` or `"index"` when out of
    ///   range (e.g. week 53 in a 52-week year).
    public init(granularity: ReportingGranularity, year: Int, index: Int, timeZone: TimeZone) throws {
        guard Self.supportedYears.contains(year) else {
            throw CoreError.validation(field: "year", reason: "must be between 1000 and 9999")
        }
        let first: Int
        let count: Int
        let yearStart = CivilDays.dayNumber(year: year, month: 1, day: 1)
        let yearLength = CivilDays.isLeapYear(year) ? 366 : 365
        switch granularity {
        case .day:
            guard (1...yearLength).contains(index) else {
                throw CoreError.validation(field: "index", reason: "must be a day of the year")
            }
            first = yearStart + index - 1
            count = 1
        case .isoWeek:
            guard (1...CivilDays.isoWeeksInYear(year)).contains(index) else {
                throw CoreError.validation(field: "index", reason: "must be an ISO week of that week-year")
            }
            first = CivilDays.isoWeekOneMonday(weekYear: year) + (index - 1) * 7
            count = 7
        case .month:
            guard (1...12).contains(index) else {
                throw CoreError.validation(field: "index", reason: "must be a month between 1 and 12")
            }
            first = CivilDays.dayNumber(year: year, month: index, day: 1)
            count = CivilDays.daysInMonth(year: year, month: index)
        case .quarter:
            guard (1...4).contains(index) else {
                throw CoreError.validation(field: "index", reason: "must be a quarter between 1 and 4")
            }
            first = CivilDays.dayNumber(year: year, month: index * 3 - 2, day: 1)
            let next =
                index == 4
                ? CivilDays.dayNumber(year: year + 1, month: 1, day: 1)
                : CivilDays.dayNumber(year: year, month: index * 3 + 1, day: 1)
            count = next - first
        case .year:
            guard index == 1 else {
                throw CoreError.validation(field: "index", reason: "must be 1 for a year")
            }
            first = yearStart
            count = yearLength
        }
        self.granularity = granularity
        self.year = year
        self.index = index
        self.timeZone = timeZone
        self.firstDayNumber = first
        self.dayCount = count
        self.start = Date(timeIntervalSince1970: ZoneWallClock.startOfDay(first, in: timeZone))
        self.end = Date(timeIntervalSince1970: ZoneWallClock.startOfDay(first + count, in: timeZone))
    }

    /// Creates a period from a zone identifier.
    ///
    /// - Parameters:
    ///   - granularity: The period's length.
    ///   - year: The calendar year (ISO week-year for weeks).
    ///   - index: Day of year, ISO week, month, quarter, or 1 for a year.
    ///   - timeZoneIdentifier: An IANA identifier.
    /// - Throws: `CoreError` `.validationFailed` with field `"timeZone"` for an unknown zone,
    ///   otherwise as ``init(granularity:year:index:timeZone:)``.
    public init(granularity: ReportingGranularity, year: Int, index: Int, timeZoneIdentifier: String) throws {
        try self.init(
            granularity: granularity, year: year, index: index, timeZone: Self.zone(timeZoneIdentifier))
    }

    /// Parses a period ``key``; the key's shape determines the granularity.
    ///
    /// - Parameters:
    ///   - key: `"2026-03-14"`, `"2026-W01"`, `"2026-03"`, `"2026-Q1"` or `"2026"`.
    ///   - timeZone: The zone whose local calendar defines the period.
    /// - Throws: `CoreError` `.validationFailed` with field `"key"` when the text has none of
    ///   these shapes or names a period that does not exist (e.g. `"2026-W54"`).
    public init(key: String, timeZone: TimeZone) throws {
        let text = Array(key.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= text.count else { return nil }
            var value = 0
            for i in range {
                guard text[i] >= 48, text[i] <= 57 else { return nil }
                value = value * 10 + Int(text[i] - 48)
            }
            return value
        }
        let dash = UInt8(ascii: "-")
        var parsed: (ReportingGranularity, Int, Int)?
        if let year = number(0..<4) {
            switch text.count {
            case 4:
                parsed = (.year, year, 1)
            case 7 where text[4] == dash && text[5] == UInt8(ascii: "Q"):
                parsed = number(6..<7).map { (.quarter, year, $0) }
            case 7 where text[4] == dash:
                parsed = number(5..<7).map { (.month, year, $0) }
            case 8 where text[4] == dash && text[5] == UInt8(ascii: "W"):
                parsed = number(6..<8).map { (.isoWeek, year, $0) }
            case 10 where text[4] == dash && text[7] == dash:
                if let month = number(5..<7), let day = number(8..<10), (1...12).contains(month),
                    (1...CivilDays.daysInMonth(year: year, month: month)).contains(day)
                {
                    let ordinal =
                        CivilDays.dayNumber(year: year, month: month, day: day)
                        - CivilDays.dayNumber(year: year, month: 1, day: 1) + 1
                    parsed = (.day, year, ordinal)
                }
            default:
                parsed = nil
            }
        }
        guard let (granularity, year, index) = parsed else {
            throw CoreError.validation(
                field: "key", reason: "is not a period key such as 2026-03 or 2026-W01")
        }
        do {
            try self.init(granularity: granularity, year: year, index: index, timeZone: timeZone)
        } catch {
            throw CoreError.validation(field: "key", reason: "names a period that does not exist")
        }
    }

    /// Parses a period ``key`` in a zone given by identifier.
    ///
    /// - Parameters:
    ///   - key: The period key.
    ///   - timeZoneIdentifier: An IANA identifier.
    /// - Throws: `CoreError` `.validationFailed` with field `"timeZone"` or `"key"`.
    public init(key: String, timeZoneIdentifier: String) throws {
        try self.init(key: key, timeZone: Self.zone(timeZoneIdentifier))
    }

    /// The period of the given granularity that contains `instant` in `timeZone`.
    ///
    /// - Parameters:
    ///   - instant: Any instant.
    ///   - granularity: The period's length.
    ///   - timeZone: The zone whose local calendar buckets the instant.
    /// - Returns: The period with `start <= instant < end`.
    /// - Throws: `CoreError` `.limitExceeded` with field `"instant"` outside years 1000…9999.
    public static func containing(
        _ instant: Date, granularity: ReportingGranularity, timeZone: TimeZone
    ) throws -> ReportingPeriod {
        let t = instant.timeIntervalSince1970
        guard t.isFinite, abs(t) < ZoneWallClock.maximumMagnitude else {
            throw CoreError.limit(field: "instant", reason: "must lie within years 1000 to 9999")
        }
        let day = ZoneWallClock.localDay(of: t, in: timeZone)
        let year = CivilDays.date(dayNumber: day).year
        guard supportedYears.contains(year) else {
            throw CoreError.limit(field: "instant", reason: "must lie within years 1000 to 9999")
        }
        do {
            var period = try ReportingPeriod(localDay: day, granularity: granularity, timeZone: timeZone)
            // A midnight repeated by a fall-back belongs to the later day: re-check the bounds.
            if instant >= period.end { period = try period.next() }
            if instant < period.start { period = try period.previous() }
            return period
        } catch {
            throw CoreError.limit(field: "instant", reason: "must lie within years 1000 to 9999")
        }
    }

    /// The period containing `instant` in the zone with the given identifier.
    ///
    /// - Parameters:
    ///   - instant: Any instant.
    ///   - granularity: The period's length.
    ///   - timeZoneIdentifier: An IANA identifier.
    /// - Returns: The period with `start <= instant < end`.
    /// - Throws: `CoreError` `.validationFailed` with field `"timeZone"` for an unknown zone;
    ///   `.limitExceeded` with field `"instant"` outside years 1000…9999.
    public static func containing(
        _ instant: Date, granularity: ReportingGranularity, timeZoneIdentifier: String
    ) throws -> ReportingPeriod {
        try containing(instant, granularity: granularity, timeZone: zone(timeZoneIdentifier))
    }

    /// The period of `granularity` containing local day number `day`.
    init(localDay day: Int, granularity: ReportingGranularity, timeZone: TimeZone) throws {
        let civil = CivilDays.date(dayNumber: day)
        switch granularity {
        case .day:
            let ordinal = day - CivilDays.dayNumber(year: civil.year, month: 1, day: 1) + 1
            try self.init(granularity: .day, year: civil.year, index: ordinal, timeZone: timeZone)
        case .isoWeek:
            let week = CivilDays.isoWeek(dayNumber: day)
            try self.init(granularity: .isoWeek, year: week.weekYear, index: week.week, timeZone: timeZone)
        case .month:
            try self.init(granularity: .month, year: civil.year, index: civil.month, timeZone: timeZone)
        case .quarter:
            try self.init(
                granularity: .quarter, year: civil.year, index: (civil.month - 1) / 3 + 1, timeZone: timeZone)
        case .year:
            try self.init(granularity: .year, year: civil.year, index: 1, timeZone: timeZone)
        }
    }

    // MARK: - Navigation

    /// The period of the same granularity that follows this one.
    ///
    /// - Returns: The next period (its start is this period's end).
    /// - Throws: `CoreError` `.limitExceeded` with field `"year"` after year 9999.
    public func next() throws -> ReportingPeriod {
        try shifted(byDays: dayCount)
    }

    /// The period of the same granularity that precedes this one.
    ///
    /// - Returns: The previous period (its end is this period's start).
    /// - Throws: `CoreError` `.limitExceeded` with field `"year"` before year 1000.
    public func previous() throws -> ReportingPeriod {
        try shifted(byDays: -1)
    }

    /// The same period one year earlier, for year-over-year comparisons.
    ///
    /// Months, quarters and years move to the previous year. A day moves to the same month
    /// and day of the previous year, and 29 February to 28 February. An ISO week keeps its
    /// number in the previous ISO week-year; week 53 maps to week 52 when that year has only
    /// 52 weeks.
    ///
    /// - Returns: The year-ago period.
    /// - Throws: `CoreError` `.limitExceeded` with field `"year"` before year 1000.
    public func yearAgo() throws -> ReportingPeriod {
        let target = year - 1
        guard Self.supportedYears.contains(target) else {
            throw CoreError.limit(field: "year", reason: "must lie within years 1000 to 9999")
        }
        switch granularity {
        case .day:
            let civil = CivilDays.date(dayNumber: firstDayNumber)
            let day = min(civil.day, CivilDays.daysInMonth(year: target, month: civil.month))
            return try ReportingPeriod(
                localDay: CivilDays.dayNumber(year: target, month: civil.month, day: day), granularity: .day,
                timeZone: timeZone)
        case .isoWeek:
            return try ReportingPeriod(
                granularity: .isoWeek, year: target, index: min(index, CivilDays.isoWeeksInYear(target)),
                timeZone: timeZone)
        case .month, .quarter, .year:
            return try ReportingPeriod(
                granularity: granularity, year: target, index: index, timeZone: timeZone)
        }
    }

    private func shifted(byDays days: Int) throws -> ReportingPeriod {
        let day = firstDayNumber + days
        guard Self.supportedYears.contains(CivilDays.date(dayNumber: day).year) else {
            throw CoreError.limit(field: "year", reason: "must lie within years 1000 to 9999")
        }
        return try ReportingPeriod(localDay: day, granularity: granularity, timeZone: timeZone)
    }

    /// Every period of `granularity` that overlaps the half-open range `[range.start, range.end)`,
    /// in order; empty for an empty range.
    ///
    /// - Parameters:
    ///   - range: The instants to cover.
    ///   - granularity: The periods' length.
    ///   - timeZone: The zone whose local calendar defines the periods.
    ///   - limit: The most periods to return (default 10 000).
    /// - Returns: The covering periods; the first contains `range.start`.
    /// - Throws: `CoreError` `.limitExceeded` with field `"range"` when more than `limit`
    ///   periods would be needed or the range leaves years 1000…9999; `.validationFailed`
    ///   with field `"limit"` when `limit` is not positive.
    public static func periods(
        covering range: DateInterval, granularity: ReportingGranularity, timeZone: TimeZone,
        limit: Int = 10_000
    ) throws -> [ReportingPeriod] {
        guard limit > 0 else { throw CoreError.validation(field: "limit", reason: "must be positive") }
        guard range.duration > 0 else { return [] }
        var periods: [ReportingPeriod] = []
        do {
            var period = try containing(range.start, granularity: granularity, timeZone: timeZone)
            while period.start < range.end {
                guard periods.count < limit else {
                    throw CoreError.limit(field: "range", reason: "covers more periods than the limit allows")
                }
                periods.append(period)
                period = try period.next()
            }
        } catch let error as CoreError where error.field != "range" {
            throw CoreError.limit(field: "range", reason: "must lie within years 1000 to 9999")
        }
        return periods
    }

    // MARK: - Derived values

    /// The IANA identifier of ``timeZone``.
    public var timeZoneIdentifier: String { timeZone.identifier }

    /// `[start, end)` as a `DateInterval`.
    public var interval: DateInterval { DateInterval(start: start, end: end) }

    /// The period's length in seconds (a day can be 23 or 25 hours).
    public var duration: TimeInterval { end.timeIntervalSince(start) }

    /// The first local date in the period.
    public var firstDay: LocalDate { LocalDate(dayNumber: firstDayNumber) }

    /// The last local date in the period.
    public var lastDay: LocalDate { LocalDate(dayNumber: firstDayNumber + dayCount - 1) }

    /// The number of local days in the period.
    public var numberOfDays: Int { dayCount }

    /// Whether `instant` lies in `[start, end)`.
    ///
    /// - Parameter instant: The instant to test.
    /// - Returns: `true` when the period contains it.
    public func contains(_ instant: Date) -> Bool { start <= instant && instant < end }

    /// The stable key: `"2026-03-14"`, `"2026-W01"`, `"2026-03"`, `"2026-Q1"` or `"2026"`.
    public var key: String {
        let yearText = LocalDate.pad(year, 4)
        switch granularity {
        case .day: return firstDay.description
        case .isoWeek: return yearText + "-W" + LocalDate.pad(index, 2)
        case .month: return yearText + "-" + LocalDate.pad(index, 2)
        case .quarter: return yearText + "-Q" + String(index)
        case .year: return yearText
        }
    }

    /// The key followed by the zone, e.g. `"2026-W01 Europe/Istanbul"`.
    public var description: String { key + " " + timeZone.identifier }

    /// Orders periods by start, then end, granularity and key.
    ///
    /// - Parameters:
    ///   - lhs: A period.
    ///   - rhs: Another period.
    /// - Returns: Whether `lhs` sorts first.
    public static func < (lhs: ReportingPeriod, rhs: ReportingPeriod) -> Bool {
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        if lhs.end != rhs.end { return lhs.end < rhs.end }
        if lhs.granularity != rhs.granularity { return lhs.granularity < rhs.granularity }
        return (lhs.key, lhs.timeZone.identifier) < (rhs.key, rhs.timeZone.identifier)
    }

    /// Periods are equal when granularity, identity and zone identifier are equal.
    ///
    /// - Parameters:
    ///   - lhs: A period.
    ///   - rhs: Another period.
    /// - Returns: Whether both name the same period in the same zone.
    public static func == (lhs: ReportingPeriod, rhs: ReportingPeriod) -> Bool {
        lhs.granularity == rhs.granularity && lhs.year == rhs.year && lhs.index == rhs.index
            && lhs.timeZone.identifier == rhs.timeZone.identifier
    }

    /// Hashes granularity, identity and zone identifier.
    ///
    /// - Parameter hasher: The hasher to feed.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(granularity)
        hasher.combine(year)
        hasher.combine(index)
        hasher.combine(timeZone.identifier)
    }

    private enum CodingKeys: String, CodingKey {
        case key
        case timeZone
    }

    /// Decodes `{"key": ..., "timeZone": ...}`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` for a malformed shape; `CoreError` `.validationFailed` with
    ///   field `"key"` or `"timeZone"` for bad values.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            key: try container.decode(String.self, forKey: .key),
            timeZoneIdentifier: try container.decode(String.self, forKey: .timeZone))
    }

    /// Encodes `{"key": ..., "timeZone": ...}`.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(timeZone.identifier, forKey: .timeZone)
    }

    static func zone(_ identifier: String) throws -> TimeZone {
        guard let zone = TimeZone(identifier: identifier) else {
            throw CoreError.validation(field: "timeZone", reason: "is not a known IANA time zone identifier")
        }
        return zone
    }
}
