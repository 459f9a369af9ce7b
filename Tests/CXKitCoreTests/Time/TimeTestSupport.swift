import CXKitCore
import Foundation
import Testing

/// Parses an ISO-8601 UTC instant such as `"2026-03-29T01:00:00Z"`.
func instant(_ text: String) throws -> Date {
    try Date(text, strategy: Date.ISO8601FormatStyle())
}

/// A local wall-clock instant in a zone, built with Foundation's calendar (test reference).
func wallClock(
    _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0, in zone: String
) throws -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: zone))
    let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
    return try #require(calendar.date(from: components))
}

func interval(_ start: Int, _ startMinute: Int, _ end: Int, _ endMinute: Int) -> WorkingInterval {
    WorkingInterval(from: (start, startMinute), to: (end, endMinute))
}

func zone(_ identifier: String) throws -> TimeZone {
    try #require(TimeZone(identifier: identifier))
}

func date(_ text: String) throws -> LocalDate { try LocalDate(iso8601: text) }

/// Monday–Friday with the same intervals.
func workweek(_ intervals: [WorkingInterval]) -> [Weekday: [WorkingInterval]] {
    var week: [Weekday: [WorkingInterval]] = [:]
    for day in Weekday.workdays { week[day] = intervals }
    return week
}

/// Every day of the week with the same intervals.
func everyDay(_ intervals: [WorkingInterval]) -> [Weekday: [WorkingInterval]] {
    var week: [Weekday: [WorkingInterval]] = [:]
    for day in Weekday.allCases { week[day] = intervals }
    return week
}

/// Asserts `body` throws a `CoreError` with `code` and `field`.
func expectCoreError(
    _ code: ErrorCode, field: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected \(code) on \(field), nothing thrown", sourceLocation: sourceLocation)
    } catch let error as CoreError {
        #expect(error.code == code, sourceLocation: sourceLocation)
        #expect(error.field == field, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected CoreError, got \(error)", sourceLocation: sourceLocation)
    }
}

let hour: TimeInterval = 3600
