import Benchmark
import CXKitCore
import Foundation

func registerCalendarBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: .nanoseconds, warmupIterations: 1_000,
        scalingFactor: .one, maxDuration: .seconds(2), maxIterations: 200_000)

    /// Mon–Fri 09:00–18:00 with a lunch break on Friday (5 intervals a week plus one) and
    /// 20 holidays, in a zone with DST.
    func makeCalendar() throws -> BusinessCalendar {
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

    Benchmark("Calendar/deadline: add 4-72 business hours", configuration: configuration) { benchmark in
        let calendar = try makeCalendar()
        let random = SeededRandomSource(seed: 21)
        let base = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
        let starts = (0..<1024).map { _ in base.addingTimeInterval(Double(random.next(below: 300 * 86_400))) }
        let durations = (0..<1024).map { _ in Double(4 + random.next(below: 69)) * 3_600 }
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            blackHole(try calendar.addingBusinessTime(durations[iteration & 1023], to: starts[iteration & 1023]))
        }
    }

    Benchmark("Calendar/business time between two instants", configuration: configuration) { benchmark in
        let calendar = try makeCalendar()
        let random = SeededRandomSource(seed: 22)
        let base = Date(timeIntervalSince1970: 1_767_225_600)
        let starts = (0..<1024).map { _ in base.addingTimeInterval(Double(random.next(below: 300 * 86_400))) }
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            let start = starts[iteration & 1023]
            blackHole(calendar.businessTime(from: start, to: start.addingTimeInterval(3 * 86_400)))
        }
    }
}
