import Foundation

/// The precomputed, immutable form of a ``BusinessCalendar`` that its operations run on.
///
/// Everything the hot paths need is flattened into integer arrays: the zone's offset
/// transitions, each weekday's and each holiday's intervals (seconds after local
/// midnight), and the sorted local day numbers of every holiday in the supported range
/// (repeating holidays expanded). Walking days is integer arithmetic; a day's intervals
/// convert to UTC with one subtraction unless a DST transition touches that day. Runs of
/// whole weeks with no holiday and no transition are skipped arithmetically.
final class BusinessCalendarEngine: Sendable {
    /// First supported local day (1970-01-01) and the first unsupported one (2100-01-01).
    static let minDay = 0
    static let maxDay = CivilDays.dayNumber(year: 2100, month: 1, day: 1)
    static let minUTC = Double(Int64(minDay) * CivilDays.secondsPerDay)
    static let maxUTC = Double(Int64(maxDay) * CivilDays.secondsPerDay)

    let zone: ZoneOffsetTable
    /// Interval bounds in seconds after local midnight, as start/end pairs, per slot.
    let bounds: [Int64]
    /// Slot `s` covers `bounds[slotStart[s] ..< slotStart[s + 1]]`; slots 0…6 are Monday…Sunday,
    /// slot `7 + k` is holiday definition `k`.
    let slotStart: [Int]
    /// Sorted local day numbers of holidays in the supported range.
    let holidayDays: [Int]
    /// The slot used on each of `holidayDays`.
    let holidaySlots: [Int]
    /// Nominal business seconds in a week without holidays or transitions.
    let weekSeconds: Double
    /// Weekdays that have at least one interval.
    let workingWeekdays: Int
    /// Whether any weekday or holiday has working time.
    let hasWorkingTime: Bool

    init(timeZone: TimeZone, week: [Weekday: [WorkingInterval]], holidays: [BusinessHoliday]) {
        let margin = 3 * CivilDays.secondsPerDay
        self.zone = ZoneOffsetTable(
            timeZone: timeZone, lower: Int64(Self.minDay) * CivilDays.secondsPerDay - margin,
            upper: Int64(Self.maxDay) * CivilDays.secondsPerDay + margin)
        var bounds: [Int64] = []
        var slotStart: [Int] = []
        var weekSeconds: Int64 = 0
        var workingWeekdays = 0
        var hasWorkingTime = false
        for weekday in Weekday.ordered {
            slotStart.append(bounds.count)
            let intervals = week[weekday] ?? []
            if !intervals.isEmpty {
                workingWeekdays += 1
                hasWorkingTime = true
            }
            for interval in intervals {
                bounds.append(Int64(interval.startMinute) * 60)
                bounds.append(Int64(interval.endMinute) * 60)
                weekSeconds += Int64(interval.durationMinutes) * 60
            }
        }
        for holiday in holidays {
            slotStart.append(bounds.count)
            if !holiday.workingIntervals.isEmpty { hasWorkingTime = true }
            for interval in holiday.workingIntervals {
                bounds.append(Int64(interval.startMinute) * 60)
                bounds.append(Int64(interval.endMinute) * 60)
            }
        }
        slotStart.append(bounds.count)

        var slotByDay: [Int: Int] = [:]
        for (k, holiday) in holidays.enumerated() where !holiday.repeatsYearly {
            slotByDay[holiday.date.dayNumber] = 7 + k
        }
        let firstYear = 1969
        let lastYear = 2100
        for (k, holiday) in holidays.enumerated() where holiday.repeatsYearly {
            let month = holiday.date.month
            let day = holiday.date.day
            for year in max(firstYear, holiday.date.year)...lastYear
            where day <= CivilDays.daysInMonth(year: year, month: month) {
                let number = CivilDays.dayNumber(year: year, month: month, day: day)
                if slotByDay[number] == nil { slotByDay[number] = 7 + k }
            }
        }
        let sortedDays = slotByDay.keys.sorted()
        self.holidayDays = sortedDays
        self.holidaySlots = sortedDays.map { slotByDay[$0] ?? 0 }
        self.bounds = bounds
        self.slotStart = slotStart
        self.weekSeconds = Double(weekSeconds)
        self.workingWeekdays = workingWeekdays
        self.hasWorkingTime = hasWorkingTime
    }

    // MARK: - Day cursor

    /// Position while walking local days: the day, the first holiday not before it and the
    /// first transition whose (widened) day range does not end before it.
    struct Cursor {
        var day: Int
        var holiday: Int
        var transition: Int
    }

    func cursor(at day: Int) -> Cursor {
        var low = 0
        var high = holidayDays.count
        while low < high {
            let mid = (low + high) >> 1
            if holidayDays[mid] < day { low = mid + 1 } else { high = mid }
        }
        return Cursor(day: day, holiday: low, transition: zone.firstTransition(notBefore: day))
    }

    @inline(__always)
    func move(_ cursor: inout Cursor, to day: Int) {
        cursor.day = day
        while cursor.holiday < holidayDays.count, holidayDays[cursor.holiday] < day { cursor.holiday += 1 }
        while cursor.transition < zone.dirtyLastDay.count, zone.dirtyLastDay[cursor.transition] < day {
            cursor.transition += 1
        }
    }

    /// The slot whose intervals apply on the cursor's day.
    @inline(__always)
    func slot(_ cursor: Cursor) -> Int {
        if cursor.holiday < holidayDays.count, holidayDays[cursor.holiday] == cursor.day {
            return holidaySlots[cursor.holiday]
        }
        return CivilDays.weekdayIndex(dayNumber: cursor.day)
    }

    /// The first day at or after the cursor that is a holiday or touched by a transition.
    @inline(__always)
    func barrier(_ cursor: Cursor) -> Int {
        var result = Self.maxDay
        if cursor.holiday < holidayDays.count { result = min(result, holidayDays[cursor.holiday]) }
        if cursor.transition < zone.dirtyFirstDay.count {
            result = min(result, zone.dirtyFirstDay[cursor.transition])
        }
        return result
    }

    /// The UTC instant (seconds since 1970) of `second` after local midnight on the cursor's day.
    @inline(__always)
    func utc(_ cursor: Cursor, second: Int64) -> Int64 {
        let wall = Int64(cursor.day) * CivilDays.secondsPerDay + second
        let j = cursor.transition
        if j == zone.dirtyFirstDay.count || cursor.day < zone.dirtyFirstDay[j] {
            return wall - (j == 0 ? zone.initialOffset : zone.offsetsAfter[j - 1])
        }
        return zone.utc(forWall: wall)
    }

    /// The local day number containing a UTC instant.
    @inline(__always)
    func localDay(_ instant: Double) -> Int {
        let whole = Int64(instant.rounded(.down))
        return Int(CivilDays.floorDivide(whole + zone.offset(atUTC: instant), CivilDays.secondsPerDay))
    }

    // MARK: - Operations

    /// The instant at which `seconds` of business time have elapsed after `start`, and the
    /// local day of the interval it lands in. With `seconds == 0` this is the first working
    /// instant at or after `start`. `nil` when it lies beyond the supported range.
    func locate(from start: Double, seconds: Double) -> (instant: Double, day: Int)? {
        let startDay = localDay(start) - 1
        var cursor = self.cursor(at: startDay)
        var remaining = seconds
        while cursor.day < Self.maxDay {
            let s = slot(cursor)
            var k = slotStart[s]
            let end = slotStart[s + 1]
            while k < end {
                let a = Double(utc(cursor, second: bounds[k]))
                let b = Double(utc(cursor, second: bounds[k + 1]))
                k += 2
                if b <= start || b <= a { continue }
                let from = max(a, start)
                let available = b - from
                if remaining <= available { return (from + remaining, cursor.day) }
                remaining -= available
            }
            move(&cursor, to: cursor.day + 1)
            guard cursor.day >= startDay + 3 else { continue }
            if weekSeconds > 0 {
                if remaining > weekSeconds {
                    var weeks = min((barrier(cursor) - cursor.day) / 7, Int(remaining / weekSeconds))
                    if weeks > 0, Double(weeks) * weekSeconds >= remaining { weeks -= 1 }
                    if weeks > 0 {
                        remaining -= Double(weeks) * weekSeconds
                        move(&cursor, to: cursor.day + 7 * weeks)
                    }
                }
            } else if cursor.holiday >= holidayDays.count {
                return nil
            } else if holidayDays[cursor.holiday] > cursor.day {
                move(&cursor, to: holidayDays[cursor.holiday])
            }
        }
        return nil
    }

    /// Business seconds in `[from, to)`; `from < to`, both inside the supported range.
    func measure(from: Double, to: Double) -> Double {
        let startDay = localDay(from) - 1
        let lastDay = localDay(to)
        var cursor = self.cursor(at: startDay)
        var total = 0.0
        while cursor.day <= lastDay + 1 {
            if cursor.day >= startDay + 3, weekSeconds > 0 {
                let weeks = (min(barrier(cursor), lastDay - 1) - cursor.day) / 7
                if weeks > 0 {
                    total += Double(weeks) * weekSeconds
                    move(&cursor, to: cursor.day + 7 * weeks)
                }
            }
            let s = slot(cursor)
            var k = slotStart[s]
            let end = slotStart[s + 1]
            while k < end {
                let a = max(Double(utc(cursor, second: bounds[k])), from)
                let b = min(Double(utc(cursor, second: bounds[k + 1])), to)
                k += 2
                if b > a { total += b - a }
            }
            move(&cursor, to: cursor.day + 1)
        }
        return total
    }

    /// Whether `instant` lies inside a working interval.
    func contains(_ instant: Double) -> Bool {
        let day = localDay(instant)
        var cursor = self.cursor(at: day - 1)
        while cursor.day <= day + 1 {
            let s = slot(cursor)
            var k = slotStart[s]
            let end = slotStart[s + 1]
            while k < end {
                let a = Double(utc(cursor, second: bounds[k]))
                let b = Double(utc(cursor, second: bounds[k + 1]))
                k += 2
                if a <= instant, instant < b { return true }
            }
            move(&cursor, to: cursor.day + 1)
        }
        return false
    }

    /// Business seconds on the cursor's day before `instant` (all of the day's when later).
    func elapsed(on cursor: Cursor, before instant: Double) -> Double {
        let s = slot(cursor)
        var k = slotStart[s]
        var total = 0.0
        while k < slotStart[s + 1] {
            let a = Double(utc(cursor, second: bounds[k]))
            let b = min(Double(utc(cursor, second: bounds[k + 1])), instant)
            k += 2
            if b > a { total += b - a }
        }
        return total
    }

    /// The instant `offset` business seconds into the cursor's day; the end of the day's last
    /// interval when the day has less business time; `nil` when it has none.
    func instant(on cursor: Cursor, atOffset offset: Double) -> Double? {
        let s = slot(cursor)
        var k = slotStart[s]
        var remaining = offset
        var lastEnd: Double?
        while k < slotStart[s + 1] {
            let a = Double(utc(cursor, second: bounds[k]))
            let b = Double(utc(cursor, second: bounds[k + 1]))
            k += 2
            guard b > a else { continue }
            if remaining < b - a { return a + remaining }
            remaining -= b - a
            lastEnd = b
        }
        return lastEnd
    }

    /// The local day `count` working days after `day` (a working day has business time).
    func workingDay(_ count: Int, after day: Int) -> Cursor? {
        var cursor = self.cursor(at: day)
        var found = 0
        while found < count {
            move(&cursor, to: cursor.day + 1)
            if workingWeekdays > 0 {
                let left = count - found
                if left > workingWeekdays {
                    let weeks = min((barrier(cursor) - cursor.day) / 7, (left - 1) / workingWeekdays)
                    if weeks > 0 {
                        found += weeks * workingWeekdays
                        move(&cursor, to: cursor.day + 7 * weeks)
                    }
                }
            } else if cursor.holiday >= holidayDays.count {
                return nil
            } else if holidayDays[cursor.holiday] > cursor.day {
                move(&cursor, to: holidayDays[cursor.holiday])
            }
            guard cursor.day < Self.maxDay else { return nil }
            if instant(on: cursor, atOffset: 0) != nil { found += 1 }
        }
        return cursor
    }
}
