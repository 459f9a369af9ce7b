import Foundation

/// A calendar date without a time or time zone (proleptic Gregorian), such as a holiday
/// or the local day a reporting period starts on.
///
/// Years run from 1 to 9999. Encoded as the ISO-8601 string `"2026-12-24"`.
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, 1…9999.
    public let year: Int
    /// The month, 1…12.
    public let month: Int
    /// The day of the month, 1…31 (depending on the month).
    public let day: Int

    /// Creates a date after checking it exists.
    ///
    /// - Parameters:
    ///   - year: 1…9999.
    ///   - month: 1…12.
    ///   - day: 1 to the length of the month.
    /// - Throws: `CoreError` `.validationFailed` with field `"year"`, `"month"` or `"day"`.
    public init(year: Int, month: Int, day: Int) throws {
        guard (1...9999).contains(year) else {
            throw CoreError.validation(field: "year", reason: "must be between 1 and 9999")
        }
        guard (1...12).contains(month) else {
            throw CoreError.validation(field: "month", reason: "must be between 1 and 12")
        }
        guard day >= 1, day <= CivilDays.daysInMonth(year: year, month: month) else {
            throw CoreError.validation(field: "day", reason: "does not exist in that month")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `"YYYY-MM-DD"`.
    ///
    /// - Parameter iso8601: The date string, e.g. `"2026-03-14"`.
    /// - Throws: `CoreError` `.validationFailed` with field `"date"` when the text is not a
    ///   valid date in that form.
    public init(iso8601: String) throws {
        let parts = iso8601.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = LocalDate.digits(parts[0]), let month = LocalDate.digits(parts[1]),
            let day = LocalDate.digits(parts[2])
        else {
            throw CoreError.validation(field: "date", reason: "must have the form YYYY-MM-DD")
        }
        do {
            try self.init(year: year, month: month, day: day)
        } catch {
            throw CoreError.validation(field: "date", reason: "is not a calendar date")
        }
    }

    /// Creates the date for a day number without checks (callers guarantee the range).
    init(dayNumber: Int) {
        let civil = CivilDays.date(dayNumber: dayNumber)
        self.year = civil.year
        self.month = civil.month
        self.day = civil.day
    }

    /// Days since 1970-01-01.
    var dayNumber: Int { CivilDays.dayNumber(year: year, month: month, day: day) }

    /// The day of the week of this date.
    public var weekday: Weekday { Weekday.ordered[CivilDays.weekdayIndex(dayNumber: dayNumber)] }

    /// The date `days` days later (earlier when negative).
    ///
    /// - Parameter days: How many days to move.
    /// - Returns: The moved date.
    /// - Throws: `CoreError` `.limitExceeded` with field `"days"` when the result falls
    ///   outside years 1…9999.
    public func adding(days: Int) throws -> LocalDate {
        guard (-4_000_000...4_000_000).contains(days) else {
            throw CoreError.limit(field: "days", reason: "result must lie within years 1 to 9999")
        }
        let target = LocalDate(dayNumber: dayNumber + days)
        guard (1...9999).contains(target.year) else {
            throw CoreError.limit(field: "days", reason: "result must lie within years 1 to 9999")
        }
        return target
    }

    /// The ISO-8601 form, `"2026-03-14"`.
    public var description: String {
        LocalDate.pad(year, 4) + "-" + LocalDate.pad(month, 2) + "-" + LocalDate.pad(day, 2)
    }

    /// Orders dates chronologically.
    ///
    /// - Parameters:
    ///   - lhs: A date.
    ///   - rhs: Another date.
    /// - Returns: Whether `lhs` is earlier.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes `"YYYY-MM-DD"`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when the value is not a string; `CoreError`
    ///   `.validationFailed` (field `"date"`) when it is not a valid date.
    public init(from decoder: any Decoder) throws {
        try self.init(iso8601: decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the date as `"YYYY-MM-DD"`.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func digits(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(text)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
