import Benchmark
import CXKitCore
import Foundation

/// The calendar and inputs the calendar benchmarks share, built once per process.
///
/// Built outside the measured closure: a sample that built or released them would time
/// the zone's offset table and the input arrays, not the deadline.
enum CalendarFixture {
    /// Mon–Fri 09:00–18:00 (5 intervals a week) and 20 holidays, in a zone with DST.
    static let calendar: Result<BusinessCalendar, any Error> = Result {
        let day = [WorkingInterval(from: (hour: 9, minute: 0), to: (hour: 18, minute: 0))]
        var week: [Weekday: [WorkingInterval]] = [:]
        for weekday in [Weekday.monday, .tuesday, .wednesday, .thursday, .friday] { week[weekday] = day }
        var holidays: [BusinessHoliday] = []
        var date = try LocalDate(year: 2026, month: 1, day: 1)
        for _ in 0..<20 {
            holidays.append(BusinessHoliday(date: date))
            date = try date.adding(days: 17)
        }
        return try BusinessCalendar(timeZoneIdentifier: "Europe/Berlin", week: week, holidays: holidays)
    }

    /// 1,024 instants spread over 300 days from 2026-01-01, across both DST transitions.
    static let starts: [Date] = {
        let random = SeededRandomSource(seed: 21)
        let base = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
        return (0..<1024).map { _ in base.addingTimeInterval(Double(random.next(below: 300 * 86_400))) }
    }()

    /// 1,024 durations of 4 to 72 business hours.
    static let durations: [TimeInterval] = {
        let random = SeededRandomSource(seed: 22)
        return (0..<1024).map { _ in Double(4 + random.next(below: 69)) * 3_600 }
    }()
}

/// The calendar target (spec `core.md`): a deadline in ≤ 2 µs for a calendar with 5
/// intervals a week and 20 holidays. Each scaled iteration is one call; the figures are
/// per call.
func registerCalendarBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .nanoseconds, warmupIterations: 3,
        scalingFactor: .kilo, maxDuration: .seconds(2), maxIterations: 2_000)

    Benchmark("Calendar/deadline: add 4-72 business hours", configuration: configuration) { benchmark in
        let calendar = try CalendarFixture.calendar.get()
        let starts = CalendarFixture.starts
        let durations = CalendarFixture.durations
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            blackHole(
                try calendar.addingBusinessTime(durations[iteration & 1023], to: starts[iteration & 1023]))
        }
        benchmark.stopMeasurement()
    }

    Benchmark("Calendar/business time between two instants", configuration: configuration) { benchmark in
        let calendar = try CalendarFixture.calendar.get()
        let starts = CalendarFixture.starts
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            let start = starts[iteration & 1023]
            blackHole(calendar.businessTime(from: start, to: start.addingTimeInterval(3 * 86_400)))
        }
        benchmark.stopMeasurement()
    }
}
