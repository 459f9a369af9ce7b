import Foundation

/// A time zone's UTC-offset transitions between two instants, precomputed once so that
/// converting between UTC and local wall time costs a binary search instead of a
/// Foundation call.
///
/// Local wall time is "seconds since 1970-01-01T00:00 local". Converting wall time to UTC
/// uses the *earliest-occurrence* rule, which is monotonic: a wall time that occurs twice
/// (fall-back) maps to its first occurrence, and a wall time that does not exist
/// (spring-forward gap) maps to the transition instant.
struct ZoneOffsetTable: Sendable {
    /// The offset (seconds east of UTC) before the first transition.
    let initialOffset: Int64
    /// UTC instants (seconds since 1970) at which the offset changes, ascending.
    let instants: [Int64]
    /// The offset in force from each transition on.
    let offsetsAfter: [Int64]
    /// `instants[i] + min(before, after)`: the first wall time affected by transition i.
    let wallKeys: [Int64]
    /// First and last local day numbers touched by each transition, widened by one day.
    let dirtyFirstDay: [Int]
    let dirtyLastDay: [Int]

    /// Reads the transitions of `timeZone` in `[lower, upper)` (UTC seconds since 1970).
    init(timeZone: TimeZone, lower: Int64, upper: Int64) {
        let initial = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(lower))))
        var instants: [Int64] = []
        var offsets: [Int64] = []
        var keys: [Int64] = []
        var firstDays: [Int] = []
        var lastDays: [Int] = []
        var previous = initial
        var cursor = Date(timeIntervalSince1970: Double(lower))
        let end = Date(timeIntervalSince1970: Double(upper))
        var steps = 0
        while steps < 4096, let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next < end,
            next > cursor
        {
            steps += 1
            cursor = next
            let instant = Int64(next.timeIntervalSince1970.rounded())
            let after = Int64(timeZone.secondsFromGMT(for: next))
            if after == previous { continue }
            instants.append(instant)
            offsets.append(after)
            keys.append(instant + min(previous, after))
            let first = CivilDays.floorDivide(instant + min(previous, after), CivilDays.secondsPerDay) - 1
            let last = CivilDays.floorDivide(instant + max(previous, after), CivilDays.secondsPerDay) + 1
            firstDays.append(Int(first))
            lastDays.append(Int(last))
            previous = after
        }
        self.initialOffset = initial
        self.instants = instants
        self.offsetsAfter = offsets
        self.wallKeys = keys
        self.dirtyFirstDay = firstDays
        self.dirtyLastDay = lastDays
    }

    /// The offset in force at a UTC instant.
    func offset(atUTC instant: Double) -> Int64 {
        // Last transition <= instant.
        var low = 0
        var high = instants.count
        while low < high {
            let mid = (low + high) >> 1
            if Double(instants[mid]) <= instant { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? initialOffset : offsetsAfter[low - 1]
    }

    /// The UTC instant of a local wall time (earliest occurrence; gap → transition instant).
    func utc(forWall wall: Int64) -> Int64 {
        var low = 0
        var high = wallKeys.count
        while low < high {
            let mid = (low + high) >> 1
            if wallKeys[mid] <= wall { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return wall - initialOffset }
        let i = low - 1
        let before = i == 0 ? initialOffset : offsetsAfter[i - 1]
        let after = offsetsAfter[i]
        let instant = instants[i]
        if after < before {
            // Fall-back: wall times in [instant + after, instant + before) occur twice.
            return wall < instant + before ? wall - before : wall - after
        }
        // Spring-forward: wall times in [instant + before, instant + after) do not exist.
        return wall < instant + after ? instant : wall - after
    }

    /// The index of the first transition whose dirty day range ends at or after `day`.
    func firstTransition(notBefore day: Int) -> Int {
        var low = 0
        var high = dirtyLastDay.count
        while low < high {
            let mid = (low + high) >> 1
            if dirtyLastDay[mid] < day { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
