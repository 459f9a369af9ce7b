import CXKitCore
import Foundation

/// Maps instants to local days of one zone, caching by 15-minute UTC slot (every zone
/// offset and transition in use today is a multiple of 15 minutes; a slot that straddles
/// a day boundary is never cached), so bucketing a stream of observations costs a
/// dictionary lookup instead of a calendar computation.
struct DayBucketer: Sendable {
    let timeZone: TimeZone
    private(set) var days: [ReportingPeriod] = []
    private var dayPositions: [Date: Int] = [:]
    private var slots: [Int64: Int] = [:]
    private var lastSlot: Int64 = .min
    private var lastPosition = 0

    static let slotLength: Double = 900

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// The position in ``days`` of the local day containing `time`.
    mutating func position(of time: Date) throws(MetricsError) -> Int {
        let seconds = time.timeIntervalSince1970
        guard seconds.isFinite, Swift.abs(seconds) < 2.5e11 else {
            throw .limit(field: "time", reason: "must lie within years 1000 to 9999")
        }
        let slot = Int64((seconds / Self.slotLength).rounded(.down))
        if slot == lastSlot { return lastPosition }
        if let cached = slots[slot] {
            lastSlot = slot
            lastPosition = cached
            return cached
        }
        let period: ReportingPeriod
        do {
            period = try ReportingPeriod.containing(time, granularity: .day, timeZone: timeZone)
        } catch {
            throw .limit(field: "time", reason: "must lie within years 1000 to 9999")
        }
        let position: Int
        if let known = dayPositions[period.start] {
            position = known
        } else {
            position = days.count
            days.append(period)
            dayPositions[period.start] = position
        }
        let slotStart = Date(timeIntervalSince1970: Double(slot) * Self.slotLength)
        let slotEnd = slotStart.addingTimeInterval(Self.slotLength)
        if period.start <= slotStart, slotEnd <= period.end {
            if slots.count > 200_000 { slots.removeAll(keepingCapacity: true) }
            slots[slot] = position
            lastSlot = slot
            lastPosition = position
        }
        return position
    }
}
