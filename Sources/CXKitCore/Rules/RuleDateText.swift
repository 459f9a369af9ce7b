import Foundation

/// ISO 8601 text for dates in rule documents and explanations, in UTC, without Foundation
/// formatters (so it is fast, allocation-light and identical on every platform).
enum RuleDateText {
    /// Parses `2026-03-12`, `2026-03-12T08:30:00Z`, `2026-03-12T08:30:00.250Z` or
    /// `2026-03-12T11:30:00+03:00`; `nil` for anything else.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                let byte = bytes[index + offset]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += digits
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else {
                return false
            }
            index += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
            (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month)
        else { return nil }
        var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
        if index == bytes.count { return Date(timeIntervalSince1970: seconds) }
        guard expect("T"), let hour = number(2), expect(":"), let minute = number(2), expect(":"),
            let second = number(2), hour < 24, minute < 60, second < 60
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60 + second)
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var fraction = 0.0
            var scale = 0.1
            var digits = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57, digits < 9 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            seconds += fraction
        }
        if expect("Z") {
            return index == bytes.count ? Date(timeIntervalSince1970: seconds) : nil
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
        else { return nil }
        let sign: Double = bytes[index] == UInt8(ascii: "+") ? 1 : -1
        index += 1
        guard let offsetHours = number(2), expect(":"), let offsetMinutes = number(2), index == bytes.count,
            offsetHours < 24, offsetMinutes < 60
        else { return nil }
        seconds -= sign * Double(offsetHours * 3600 + offsetMinutes * 60)
        return Date(timeIntervalSince1970: seconds)
    }

    /// `2026-03-12T08:30:00Z`, with milliseconds only when the instant has them.
    static func iso(_ date: Date) -> String {
        let parts = components(date)
        var text = "\(parts.date)T\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))"
        if parts.millisecond > 0 { text += "." + pad(parts.millisecond, width: 3) }
        return text + "Z"
    }

    /// `2026-03-12` at midnight UTC, `2026-03-12 08:30 UTC` otherwise: for explanations.
    static func readable(_ date: Date) -> String {
        let parts = components(date)
        if parts.hour == 0, parts.minute == 0, parts.second == 0, parts.millisecond == 0 { return parts.date }
        return "\(parts.date) \(pad(parts.hour)):\(pad(parts.minute)) UTC"
    }

    private static func components(
        _ date: Date
    ) -> (date: String, hour: Int, minute: Int, second: Int, millisecond: Int) {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite, abs(interval) < 1e14 else { return ("invalid date", 0, 0, 0, 0) }
        let totalMilliseconds = Int64((interval * 1000).rounded(.down))
        let (days, rest) = divideFloor(totalMilliseconds, 86_400_000)
        let civil = civilFromDays(days)
        let yearText = civil.year < 0 ? "-" + pad(-civil.year, width: 4) : pad(civil.year, width: 4)
        let text = "\(yearText)-\(pad(civil.month))-\(pad(civil.day))"
        let milliseconds = Int(rest)
        return (
            text, milliseconds / 3_600_000, milliseconds / 60_000 % 60, milliseconds / 1000 % 60,
            milliseconds % 1000
        )
    }

    private static func divideFloor(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }

    private static func pad(_ value: Int, width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilFromDays(_ days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
