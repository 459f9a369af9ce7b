/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), after
/// Howard Hinnant's `days_from_civil` / `civil_from_days`. Pure integer work: no
/// Foundation `Calendar`, no allocation.
enum CivilDays {
    /// Seconds in a nominal (wall-clock) day.
    static let secondsPerDay: Int64 = 86_400

    /// The day number of a calendar date.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date of a day number.
    static func date(dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// The ISO weekday index of a day number: Monday = 0 … Sunday = 6.
    static func weekdayIndex(dayNumber: Int) -> Int {
        // 1970-01-01 was a Thursday (index 3).
        let r = (dayNumber + 3) % 7
        return r < 0 ? r + 7 : r
    }

    /// Whether `year` is a Gregorian leap year.
    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `floor(value / divisor)` for a positive divisor.
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let q = value / divisor
        return (value % divisor != 0 && value < 0) ? q - 1 : q
    }

    /// The ISO-8601 week-year and week number of a day number.
    static func isoWeek(dayNumber: Int) -> (weekYear: Int, week: Int) {
        let thursday = dayNumber - weekdayIndex(dayNumber: dayNumber) + 3
        let weekYear = date(dayNumber: thursday).year
        let firstDay = self.dayNumber(year: weekYear, month: 1, day: 1)
        return (weekYear, (thursday - firstDay) / 7 + 1)
    }

    /// The day number of the Monday starting ISO week 1 of `weekYear`.
    static func isoWeekOneMonday(weekYear: Int) -> Int {
        let january4 = dayNumber(year: weekYear, month: 1, day: 4)
        return january4 - weekdayIndex(dayNumber: january4)
    }

    /// The number of ISO weeks (52 or 53) in `weekYear`.
    static func isoWeeksInYear(_ weekYear: Int) -> Int {
        isoWeek(dayNumber: dayNumber(year: weekYear, month: 12, day: 28)).week
    }
}
