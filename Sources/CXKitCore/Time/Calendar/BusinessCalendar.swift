import Foundation

/// Working hours in an IANA time zone: several intervals per weekday (split shifts),
/// holidays that close a day or replace its hours, and the arithmetic SLAs need: add
/// business time to an instant and measure business time between two instants.
///
/// ```swift
/// let support = try BusinessCalendar(
///     timeZoneIdentifier: "Europe/Berlin",
///     week: [.monday: [WorkingInterval(from: (9, 0), to: (12, 30)),
///                      WorkingInterval(from: (13, 30), to: (18, 0))]],
///     holidays: [BusinessHoliday(date: try LocalDate(iso8601: "2026-12-24"),
///                                workingIntervals: [WorkingInterval(from: (9, 0), to: (13, 0))])])
/// let due = try support.addingBusinessTime(.seconds(4 * 3600), to: created)
/// ```
///
/// ## Wall-clock intervals and daylight saving time
/// Intervals are local wall-clock times. A wall time that does not exist (the hour skipped
/// when clocks spring forward) maps to the transition instant; a wall time that occurs
/// twice (clocks fall back) maps to its first occurrence. An interval covers the real time
/// between its mapped start and end, so a 00:00–06:00 shift lasts 5 hours on a
/// spring-forward day and 7 hours on a fall-back day, while 09:00–17:00 always lasts 8.
///
/// ## Range and cost
/// Operations support instants from 1970-01-01 to 2100-01-01 (local time); results beyond
/// that are reported as `.limitExceeded`. Creating a calendar reads the zone's offset
/// transitions for that range once (about a millisecond for a zone with daylight saving
/// time), so create calendars once and reuse them; copies share that precomputed state.
/// After that, `addingBusinessTime` and `businessTime` make no Foundation calls: they walk
/// local days with integer arithmetic and skip whole weeks without holidays or
/// transitions in one step.
///
/// Encoded as `{"timeZone": "Europe/Berlin", "week": {"monday": [{"start": 540, "end": 750}]},
/// "holidays": [...]}`; decoding validates like ``init(timeZoneIdentifier:week:holidays:)``.
public struct BusinessCalendar: Sendable, Hashable, Codable {
    /// The IANA time zone identifier the intervals are read in, e.g. `"Europe/Istanbul"`.
    public let timeZoneIdentifier: String
    /// Working intervals per weekday, sorted; weekdays without intervals are closed.
    public let week: [Weekday: [WorkingInterval]]
    /// Closed days and partial days, in the order given.
    public let holidays: [BusinessHoliday]
    /// The calendar's time zone.
    public let timeZone: TimeZone
    let engine: BusinessCalendarEngine

    /// The largest number of intervals accepted for one day.
    public static let maximumIntervalsPerDay = 48
    /// The largest number of holidays accepted.
    public static let maximumHolidays = 5000

    /// The instants the calendar's operations support: 1970-01-01T00:00Z to 2100-01-01T00:00Z.
    public static let supportedRange = DateInterval(
        start: Date(timeIntervalSince1970: BusinessCalendarEngine.minUTC),
        end: Date(timeIntervalSince1970: BusinessCalendarEngine.maxUTC))

    /// Creates a calendar after validating every input.
    ///
    /// - Parameters:
    ///   - timeZoneIdentifier: An IANA identifier such as `"America/New_York"`.
    ///   - week: Each weekday's working intervals, sorted by start and not overlapping
    ///     (touching is fine). Missing or empty weekdays are closed.
    ///   - holidays: Closed or partial days; at most one per date (one-off and repeating
    ///     holidays are checked separately; a one-off date overrides a repeating one).
    /// - Throws: `CoreError` `.validationFailed` with field `"timeZone"` for an unknown
    ///   zone, `"week.monday[1]"` for an out-of-range, empty, unsorted or overlapping
    ///   interval, `"holidays[2].workingIntervals[0]"` likewise for holiday hours and
    ///   `"holidays[2].date"` for a duplicate date; `.limitExceeded` with field
    ///   `"week.monday"`, `"holidays[2].workingIntervals"` or `"holidays"` when more than
    ///   ``maximumIntervalsPerDay`` intervals or ``maximumHolidays`` holidays are given.
    public init(
        timeZoneIdentifier: String, week: [Weekday: [WorkingInterval]], holidays: [BusinessHoliday] = []
    ) throws {
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else {
            throw CoreError.validation(field: "timeZone", reason: "is not a known IANA time zone identifier")
        }
        var normalizedWeek: [Weekday: [WorkingInterval]] = [:]
        for weekday in Weekday.ordered {
            guard let intervals = week[weekday], !intervals.isEmpty else { continue }
            let field = "week.\(weekday.rawValue)"
            guard intervals.count <= Self.maximumIntervalsPerDay else {
                throw CoreError.limit(field: field, reason: "at most 48 intervals per day")
            }
            try WorkingInterval.validate(intervals, field: field)
            normalizedWeek[weekday] = intervals
        }
        guard holidays.count <= Self.maximumHolidays else {
            throw CoreError.limit(field: "holidays", reason: "at most 5000 holidays")
        }
        var oneOff: Set<LocalDate> = []
        var yearly: Set<Int> = []
        for (i, holiday) in holidays.enumerated() {
            let field = "holidays[\(i)].workingIntervals"
            guard holiday.workingIntervals.count <= Self.maximumIntervalsPerDay else {
                throw CoreError.limit(field: field, reason: "at most 48 intervals per day")
            }
            try WorkingInterval.validate(holiday.workingIntervals, field: field)
            let isNew =
                holiday.repeatsYearly
                ? yearly.insert(holiday.date.month * 32 + holiday.date.day).inserted
                : oneOff.insert(holiday.date).inserted
            guard isNew else {
                throw CoreError.validation(field: "holidays[\(i)].date", reason: "duplicates another holiday")
            }
        }
        self.timeZoneIdentifier = timeZoneIdentifier
        self.week = normalizedWeek
        self.holidays = holidays
        self.timeZone = zone
        self.engine = BusinessCalendarEngine(timeZone: zone, week: normalizedWeek, holidays: holidays)
    }

    /// A calendar that is open around the clock (24/7) in UTC.
    public static var always: BusinessCalendar {
        let allDay = [WorkingInterval(startMinute: 0, endMinute: 1440)]
        var week: [Weekday: [WorkingInterval]] = [:]
        for weekday in Weekday.ordered { week[weekday] = allDay }
        let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? TimeZone.gmt
        return BusinessCalendar(
            validatedZone: utc, identifier: "UTC", week: week, holidays: [])
    }

    /// A calendar that is open around the clock (24/7) in the given zone.
    ///
    /// - Parameter timeZoneIdentifier: An IANA identifier.
    /// - Returns: The 24/7 calendar.
    /// - Throws: `CoreError` `.validationFailed` with field `"timeZone"` for an unknown zone.
    public static func always(timeZoneIdentifier: String) throws -> BusinessCalendar {
        try BusinessCalendar(timeZoneIdentifier: timeZoneIdentifier, week: always.week)
    }

    private init(
        validatedZone: TimeZone, identifier: String, week: [Weekday: [WorkingInterval]],
        holidays: [BusinessHoliday]
    ) {
        self.timeZoneIdentifier = identifier
        self.week = week
        self.holidays = holidays
        self.timeZone = validatedZone
        self.engine = BusinessCalendarEngine(timeZone: validatedZone, week: week, holidays: holidays)
    }

    /// Nominal business time in a week without holidays (DST days may differ).
    public var weeklyBusinessTime: TimeInterval { engine.weekSeconds }

    // MARK: - Equality and coding

    /// Calendars are equal when zone identifier, week and holidays are equal.
    ///
    /// - Parameters:
    ///   - lhs: A calendar.
    ///   - rhs: Another calendar.
    /// - Returns: Whether both describe the same working time.
    public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
        lhs.timeZoneIdentifier == rhs.timeZoneIdentifier && lhs.week == rhs.week
            && lhs.holidays == rhs.holidays
    }

    /// Hashes the zone identifier, week and holidays.
    ///
    /// - Parameter hasher: The hasher to feed.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(timeZoneIdentifier)
        hasher.combine(week)
        hasher.combine(holidays)
    }

    private enum CodingKeys: String, CodingKey {
        case timeZone
        case week
        case holidays
    }

    private struct WeekdayKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes and validates a calendar.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` for a malformed shape or an unknown weekday name;
    ///   `CoreError` as ``init(timeZoneIdentifier:week:holidays:)`` does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let zone = try container.decode(String.self, forKey: .timeZone)
        let weekContainer = try container.nestedContainer(keyedBy: WeekdayKey.self, forKey: .week)
        var week: [Weekday: [WorkingInterval]] = [:]
        for key in weekContainer.allKeys {
            guard let weekday = Weekday(rawValue: key.stringValue) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: weekContainer, debugDescription: "Unknown weekday name.")
            }
            week[weekday] = try weekContainer.decode([WorkingInterval].self, forKey: key)
        }
        let holidays = try container.decodeIfPresent([BusinessHoliday].self, forKey: .holidays) ?? []
        try self.init(timeZoneIdentifier: zone, week: week, holidays: holidays)
    }

    /// Encodes the calendar with weekdays in ISO order.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timeZoneIdentifier, forKey: .timeZone)
        var weekContainer = container.nestedContainer(keyedBy: WeekdayKey.self, forKey: .week)
        for weekday in Weekday.ordered {
            if let intervals = week[weekday] {
                try weekContainer.encode(intervals, forKey: WeekdayKey(stringValue: weekday.rawValue))
            }
        }
        try container.encode(holidays, forKey: .holidays)
    }
}
