import Foundation

/// "The last N days" in an explicit time zone, with the rule about today stated up front.
///
/// - `includesToday == true` (Formbricks' "last 7 days"): today counts as one of the N
///   days. The window starts at local midnight N − 1 days before today and **ends at the
///   reference instant** (`now`), so it never reaches into the future and today is partial.
/// - `includesToday == false`: the N full local days before today; the window ends at
///   today's local midnight.
///
/// ``previous()`` and ``yearAgo()`` give like-for-like comparison windows: the same number
/// of days, and when today is included, a last day cut at the same local time of day.
public struct RollingWindow: Sendable, Hashable {
    /// How many local days the window spans (the last one partial when today is included).
    public let dayCount: Int
    /// Whether today counts as one of the days (see the type's documentation).
    public let includesToday: Bool
    /// The zone whose local days the window counts.
    public let timeZone: TimeZone
    /// The first local day in the window.
    public let firstDay: LocalDate
    /// The last local day in the window: today when it is included, otherwise yesterday.
    public let lastDay: LocalDate
    /// The window's first instant (local midnight of ``firstDay``).
    public let start: Date
    /// The instant just after the window: the reference instant, or today's midnight.
    public let end: Date
    /// Seconds after local midnight at which the last day is cut; `nil` for a full day.
    private let cutSecondOfDay: Double?

    /// The longest window accepted, in days.
    public static let maximumDayCount = 3660

    /// Creates the window of the last `dayCount` days as seen at `now`.
    ///
    /// - Parameters:
    ///   - dayCount: How many days, 1…``maximumDayCount``.
    ///   - now: The reference instant (from the injected `TimestampSource`).
    ///   - includesToday: Whether today counts as one of the days.
    ///   - timeZone: The zone whose local days are counted.
    /// - Throws: `CoreError` `.validationFailed` with field `"dayCount"` when below 1;
    ///   `.limitExceeded` with field `"dayCount"` above the maximum, or field `"now"` when
    ///   the window leaves years 1000…9999.
    public init(lastDays dayCount: Int, endingAt now: Date, includesToday: Bool, timeZone: TimeZone) throws {
        guard dayCount >= 1 else {
            throw CoreError.validation(field: "dayCount", reason: "must be at least 1")
        }
        guard dayCount <= Self.maximumDayCount else {
            throw CoreError.limit(field: "dayCount", reason: "must be at most 3660")
        }
        let t = now.timeIntervalSince1970
        guard t.isFinite, abs(t) < ZoneWallClock.maximumMagnitude else {
            throw CoreError.limit(field: "now", reason: "the window must lie within years 1000 to 9999")
        }
        let today = ZoneWallClock.localDay(of: t, in: timeZone)
        let last = includesToday ? today : today - 1
        let cut = includesToday ? ZoneWallClock.secondOfDay(of: t, in: timeZone) : nil
        try self.init(
            dayCount: dayCount, lastDay: last, cut: cut, includesToday: includesToday, timeZone: timeZone,
            exactEnd: includesToday ? t : nil)
    }

    /// Creates the window from a zone identifier.
    ///
    /// - Parameters:
    ///   - dayCount: How many days.
    ///   - now: The reference instant.
    ///   - includesToday: Whether today counts as one of the days.
    ///   - timeZoneIdentifier: An IANA identifier.
    /// - Throws: `CoreError` `.validationFailed` with field `"timeZone"` for an unknown
    ///   zone, otherwise as ``init(lastDays:endingAt:includesToday:timeZone:)``.
    public init(lastDays dayCount: Int, endingAt now: Date, includesToday: Bool, timeZoneIdentifier: String)
        throws
    {
        try self.init(
            lastDays: dayCount, endingAt: now, includesToday: includesToday,
            timeZone: ReportingPeriod.zone(timeZoneIdentifier))
    }

    private init(
        dayCount: Int, lastDay: Int, cut: Double?, includesToday: Bool, timeZone: TimeZone,
        exactEnd: Double? = nil
    ) throws {
        let first = lastDay - dayCount + 1
        guard ReportingPeriod.supportedYears.contains(CivilDays.date(dayNumber: first).year),
            ReportingPeriod.supportedYears.contains(CivilDays.date(dayNumber: lastDay).year)
        else {
            throw CoreError.limit(field: "now", reason: "the window must lie within years 1000 to 9999")
        }
        self.dayCount = dayCount
        self.includesToday = includesToday
        self.timeZone = timeZone
        self.firstDay = LocalDate(dayNumber: first)
        self.lastDay = LocalDate(dayNumber: lastDay)
        self.cutSecondOfDay = cut
        self.start = Date(timeIntervalSince1970: ZoneWallClock.startOfDay(first, in: timeZone))
        let endInstant: Double
        if let exactEnd {
            endInstant = exactEnd
        } else if let cut {
            let dayStart = ZoneWallClock.startOfDay(lastDay, in: timeZone)
            let wall = Int64(lastDay) * CivilDays.secondsPerDay + Int64(cut.rounded(.down))
            let fraction = cut - cut.rounded(.down)
            let nextStart = ZoneWallClock.startOfDay(lastDay + 1, in: timeZone)
            endInstant = min(
                max(ZoneWallClock.utc(forWall: wall, in: timeZone) + fraction, dayStart), nextStart)
        } else {
            endInstant = ZoneWallClock.startOfDay(lastDay + 1, in: timeZone)
        }
        self.end = Date(timeIntervalSince1970: endInstant)
    }

    /// `[start, end)` as a `DateInterval`.
    public var interval: DateInterval { DateInterval(start: start, end: end) }

    /// Whether `instant` lies in `[start, end)`.
    ///
    /// - Parameter instant: The instant to test.
    /// - Returns: `true` when the window contains it.
    public func contains(_ instant: Date) -> Bool { start <= instant && instant < end }

    /// The window of the same length immediately before this one, for period-over-period
    /// comparison. When today is included, its last day is cut at the same local time of
    /// day as this window's, so a partial today compares with an equally partial day.
    ///
    /// - Returns: The preceding window.
    /// - Throws: `CoreError` `.limitExceeded` with field `"now"` before year 1000.
    public func previous() throws -> RollingWindow {
        try RollingWindow(
            dayCount: dayCount, lastDay: lastDay.dayNumber - dayCount, cut: cutSecondOfDay,
            includesToday: includesToday, timeZone: timeZone)
    }

    /// The same window one year earlier: its last day is the same month and day one year
    /// before (29 February → 28 February), with the same length and cut time of day.
    ///
    /// - Returns: The year-ago window.
    /// - Throws: `CoreError` `.limitExceeded` with field `"now"` before year 1000.
    public func yearAgo() throws -> RollingWindow {
        let targetYear = lastDay.year - 1
        let day = min(lastDay.day, CivilDays.daysInMonth(year: targetYear, month: lastDay.month))
        return try RollingWindow(
            dayCount: dayCount,
            lastDay: CivilDays.dayNumber(year: targetYear, month: lastDay.month, day: day),
            cut: cutSecondOfDay, includesToday: includesToday, timeZone: timeZone)
    }
}
