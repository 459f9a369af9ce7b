import Foundation

extension BusinessCalendar {
    /// The longest duration `addingBusinessTime(_:to:)` accepts: 100 years.
    public static let maximumBusinessDuration: TimeInterval = 100 * 366 * 86_400
    /// The most days ``addingBusinessDays(_:to:)`` accepts.
    public static let maximumBusinessDays = 36_600

    /// The instant at which `duration` of business time has elapsed after `start`: the SLA
    /// deadline for a target measured in business hours.
    ///
    /// Time outside working intervals does not count: from a closed instant the clock starts
    /// at the next working instant. A duration that exactly fills an interval ends at that
    /// interval's end (18:00), not at the next opening. Adding zero returns the first working
    /// instant at or after `start`. Precision is that of `Date`; whole seconds round-trip
    /// exactly through ``businessTime(from:to:)``.
    ///
    /// This is the deadline hot path: no Foundation calls, one pass over the days involved,
    /// whole weeks without holidays or DST transitions skipped arithmetically.
    ///
    /// - Parameters:
    ///   - duration: Business time to add, in seconds; not negative.
    ///   - start: When the clock starts (e.g. ticket creation).
    /// - Returns: The deadline.
    /// - Throws: `CoreError` `.validationFailed` with field `"duration"` for a negative or
    ///   non-finite duration, or field `"week"` when the calendar has no working time at all;
    ///   `.limitExceeded` with field `"duration"` for more than ``maximumBusinessDuration``
    ///   or a result after ``supportedRange``, and field `"start"` for a start outside it.
    public func addingBusinessTime(_ duration: TimeInterval, to start: Date) throws -> Date {
        guard duration.isFinite, duration >= 0 else {
            throw CoreError.validation(field: "duration", reason: "must be a finite, non-negative duration")
        }
        guard duration <= Self.maximumBusinessDuration else {
            throw CoreError.limit(field: "duration", reason: "must be at most 100 years")
        }
        let instant = try checkedStart(start)
        guard let result = engine.locate(from: instant, seconds: duration) else {
            throw CoreError.limit(field: "duration", reason: "the result lies after the supported range")
        }
        return Date(timeIntervalSince1970: result.instant)
    }

    /// The instant at which `duration` of business time has elapsed after `start`.
    ///
    /// Same as `addingBusinessTime(_:to:)`, taking a `Duration`.
    ///
    /// - Parameters:
    ///   - duration: Business time to add; not negative.
    ///   - start: When the clock starts.
    /// - Returns: The deadline.
    /// - Throws: `CoreError` as the `TimeInterval` overload does.
    public func addingBusinessTime(_ duration: Duration, to start: Date) throws -> Date {
        let parts = duration.components
        let seconds = Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
        return try addingBusinessTime(seconds, to: start)
    }

    /// The deadline `days` business days after `start`, Zendesk-style: it lands at the same
    /// business-time offset into the `days`-th working day after the start's working day.
    ///
    /// The start first moves to the next working instant (a Saturday start counts from
    /// Monday's opening). Its offset is the business time already elapsed that day; the
    /// result is the instant with the same elapsed business time on the target day. So with
    /// 09:00–18:00 hours, Friday 17:00 + 1 business day is Monday 17:00, and with split
    /// shifts 09:00–12:30 / 13:30–18:00, 14:00 stays 14:00. A working day is a day with any
    /// working time (holidays without intervals are skipped, partial days count); when the
    /// target day has less business time than the offset (a half day), the result is the
    /// end of its last interval. `days == 0` returns the next working instant.
    ///
    /// - Parameters:
    ///   - days: Working days to add; not negative.
    ///   - start: When the clock starts.
    /// - Returns: The deadline.
    /// - Throws: `CoreError` `.validationFailed` with field `"days"` when negative, or field
    ///   `"week"` when the calendar has no working time; `.limitExceeded` with field
    ///   `"days"` above ``maximumBusinessDays`` or when the result lies after
    ///   ``supportedRange``, and field `"start"` for a start outside it.
    public func addingBusinessDays(_ days: Int, to start: Date) throws -> Date {
        guard days >= 0 else {
            throw CoreError.validation(field: "days", reason: "must not be negative")
        }
        guard days <= Self.maximumBusinessDays else {
            throw CoreError.limit(field: "days", reason: "must be at most 36600")
        }
        let instant = try checkedStart(start)
        guard let first = engine.locate(from: instant, seconds: 0) else {
            throw CoreError.limit(field: "days", reason: "the result lies after the supported range")
        }
        guard days > 0 else { return Date(timeIntervalSince1970: first.instant) }
        let offset = engine.elapsed(on: engine.cursor(at: first.day), before: first.instant)
        guard let target = engine.workingDay(days, after: first.day),
            let result = engine.instant(on: target, atOffset: offset)
        else {
            throw CoreError.limit(field: "days", reason: "the result lies after the supported range")
        }
        return Date(timeIntervalSince1970: result)
    }

    /// The business time between two instants: positive when `end` is after `start`,
    /// zero when they are equal, and `-businessTime(from: end, to: start)` when `end` is
    /// earlier, so the measure is antisymmetric and additive over adjacent ranges.
    ///
    /// Time outside ``supportedRange`` counts as closed.
    ///
    /// - Parameters:
    ///   - start: The range's start.
    ///   - end: The range's end.
    /// - Returns: Business seconds in `[start, end)` (negated when reversed).
    public func businessTime(from start: Date, to end: Date) -> TimeInterval {
        let a = clamp(start.timeIntervalSince1970)
        let b = clamp(end.timeIntervalSince1970)
        if a == b { return 0 }
        return a < b ? engine.measure(from: a, to: b) : -engine.measure(from: b, to: a)
    }

    /// Whether `instant` falls inside a working interval (start inclusive, end exclusive).
    ///
    /// - Parameter instant: The instant to test.
    /// - Returns: `true` during working hours; `false` otherwise and outside ``supportedRange``.
    public func isWorkingTime(at instant: Date) -> Bool {
        let t = instant.timeIntervalSince1970
        guard t >= BusinessCalendarEngine.minUTC, t < BusinessCalendarEngine.maxUTC else { return false }
        return engine.contains(t)
    }

    /// The first working instant at or after `instant`: `instant` itself during working
    /// hours, otherwise the next interval's start.
    ///
    /// - Parameter instant: Where to start looking.
    /// - Returns: The instant, or `nil` when there is no working time between it and the
    ///   end of ``supportedRange`` (or it lies outside that range).
    public func nextWorkingInstant(atOrAfter instant: Date) -> Date? {
        let t = instant.timeIntervalSince1970
        guard t >= BusinessCalendarEngine.minUTC, t < BusinessCalendarEngine.maxUTC else { return nil }
        return engine.locate(from: t, seconds: 0).map { Date(timeIntervalSince1970: $0.instant) }
    }

    /// The first working instant strictly after `instant`.
    ///
    /// - Parameter instant: Where to start looking.
    /// - Returns: The instant, or `nil` as for ``nextWorkingInstant(atOrAfter:)``.
    public func nextWorkingInstant(after instant: Date) -> Date? {
        let t = instant.timeIntervalSince1970
        let next = t.nextUp
        guard let found = nextWorkingInstant(atOrAfter: Date(timeIntervalSince1970: next)) else { return nil }
        return found
    }

    /// Whether `date` has any working time (weekday hours or a partial holiday).
    ///
    /// - Parameter date: A local date in the calendar's zone.
    /// - Returns: `false` for closed weekdays, full holidays and dates outside ``supportedRange``.
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        let day = date.dayNumber
        guard day >= BusinessCalendarEngine.minDay, day < BusinessCalendarEngine.maxDay else { return false }
        return engine.instant(on: engine.cursor(at: day), atOffset: 0) != nil
    }

    private func checkedStart(_ start: Date) throws -> Double {
        let t = start.timeIntervalSince1970
        guard t.isFinite, t >= BusinessCalendarEngine.minUTC, t < BusinessCalendarEngine.maxUTC else {
            throw CoreError.limit(field: "start", reason: "must lie between 1970 and 2100")
        }
        guard engine.hasWorkingTime else {
            throw CoreError.validation(field: "week", reason: "the calendar has no working time")
        }
        return t
    }

    private func clamp(_ t: Double) -> Double {
        guard t.isFinite else { return t > 0 ? BusinessCalendarEngine.maxUTC : BusinessCalendarEngine.minUTC }
        return min(max(t, BusinessCalendarEngine.minUTC), BusinessCalendarEngine.maxUTC)
    }
}
