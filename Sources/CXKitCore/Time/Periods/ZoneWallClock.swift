import Foundation

/// Conversions between UTC instants and local wall time through Foundation's `TimeZone`,
/// for code that cannot afford a precomputed ``ZoneOffsetTable`` (one-off period lookups).
///
/// Uses the same rule as ``BusinessCalendar``: a wall time that occurs twice maps to its
/// first occurrence, a wall time skipped by a spring-forward maps to the transition instant.
enum ZoneWallClock {
    /// Instants further than this from 1970 (about year 33 000) are rejected before any
    /// integer conversion, so no input can overflow.
    static let maximumMagnitude: Double = 1e12

    /// The local day number (days since 1970-01-01 local) of a UTC instant.
    static func localDay(of instant: Double, in zone: TimeZone) -> Int {
        let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: instant)))
        return Int(CivilDays.floorDivide(Int64(instant.rounded(.down)) + offset, CivilDays.secondsPerDay))
    }

    /// Seconds after local midnight of `instant`'s local day.
    static func secondOfDay(of instant: Double, in zone: TimeZone) -> Double {
        let offset = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: instant)))
        let local = instant + offset
        let day = (local / 86_400).rounded(.down)
        return local - day * 86_400
    }

    /// The UTC instant (seconds since 1970) at which local midnight of `day` occurs first.
    static func startOfDay(_ day: Int, in zone: TimeZone) -> Double {
        utc(forWall: Int64(day) * CivilDays.secondsPerDay, in: zone)
    }

    /// The UTC instant of a local wall time (earliest occurrence; gap → transition instant).
    static func utc(forWall wall: Int64, in zone: TimeZone) -> Double {
        func offset(_ instant: Int64) -> Int64 {
            Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant))))
        }
        let before = offset(wall - 2 * CivilDays.secondsPerDay)
        let after = offset(wall + 2 * CivilDays.secondsPerDay)
        var best: Int64?
        for candidate in [before, after] {
            let instant = wall - candidate
            if offset(instant) == candidate { best = min(best ?? instant, instant) }
        }
        if let best { return Double(best) }
        // Spring-forward gap: the transition lies in (wall - after, wall - before].
        let probe = Date(timeIntervalSince1970: Double(wall - max(before, after)))
        if let transition = zone.nextDaylightSavingTimeTransition(after: probe),
            transition.timeIntervalSince1970 <= Double(wall - min(before, after))
        {
            return transition.timeIntervalSince1970
        }
        return Double(wall - before)
    }
}
