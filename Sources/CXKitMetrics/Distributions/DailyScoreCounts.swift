import CXKitCore
import Foundation

/// Exact score counts for many days at once, stored as one flat array (day-major, one slot
/// per score): the hot path for computing NPS or CSAT per day straight from raw answers
/// held as columns (struct of arrays), with no per-row object, existential or allocation.
///
/// ```swift
/// var table = try DailyScoreCounts(scale: .netPromoter, dayCount: 365)
/// try table.add(scores: scoreColumn, days: dayColumn)   // e.g. 10 M rows
/// let perDay = try table.netPromoterScores()             // [KPIValue?], nil for empty days
/// ```
public struct DailyScoreCounts: Sendable, Hashable {
    /// The scale every score is on.
    public let scale: ScoreScale
    /// How many days the table covers (day positions 0 ..< dayCount).
    public let dayCount: Int
    /// The counts, `counts[day * scale.valueCount + (score − lowest)]`.
    public private(set) var counts: [Int64]

    /// The most days one table may cover.
    public static let maximumDayCount = 100_000

    /// Creates an empty table.
    ///
    /// - Parameters:
    ///   - scale: The scale of the scores.
    ///   - dayCount: Days covered, 1 … 100 000.
    /// - Throws: ``MetricsError`` naming `dayCount` when out of range.
    public init(scale: ScoreScale, dayCount: Int) throws(MetricsError) {
        guard (1...Self.maximumDayCount).contains(dayCount) else {
            throw .validation(field: "dayCount", reason: "must be between 1 and \(Self.maximumDayCount)")
        }
        self.scale = scale
        self.dayCount = dayCount
        self.counts = [Int64](repeating: 0, count: dayCount * scale.valueCount)
    }

    /// Counts a column of scores, each with the position of its day.
    ///
    /// One pass, no allocation. On a bad row every row counted before it is taken back, so
    /// the table is unchanged when this throws.
    ///
    /// - Parameters:
    ///   - scores: The scores (on ``scale``).
    ///   - days: Each score's day position, `0 ..< dayCount`; as long as `scores`.
    /// - Throws: ``MetricsError`` naming `days` when the columns differ in length,
    ///   `scores[i]` for a score off the scale, `days[i]` for a day out of range.
    public mutating func add(scores: [UInt8], days: [Int32]) throws(MetricsError) {
        guard scores.count == days.count else {
            throw .validation(field: "days", reason: "must have one entry per score")
        }
        let width = scale.valueCount
        let lowest = scale.range.lowerBound
        let dayLimit = dayCount
        let failure: (field: String, row: Int)? = counts.withUnsafeMutableBufferPointer { table in
            scores.withUnsafeBufferPointer { scoreColumn in
                days.withUnsafeBufferPointer { dayColumn in
                    for row in 0..<scoreColumn.count {
                        let slot = Int(scoreColumn[row]) &- lowest
                        let day = Int(dayColumn[row])
                        guard slot >= 0, slot < width else {
                            Self.undo(table, scoreColumn, dayColumn, rows: row, width: width, lowest: lowest)
                            return ("scores", row)
                        }
                        guard day >= 0, day < dayLimit else {
                            Self.undo(table, scoreColumn, dayColumn, rows: row, width: width, lowest: lowest)
                            return ("days", row)
                        }
                        table[day &* width &+ slot] &+= 1
                    }
                    return nil
                }
            }
        }
        if let failure {
            throw .validation(field: "\(failure.field)[\(failure.row)]", reason: "is out of range")
        }
    }

    /// The day positions (0 = `firstDay`) of instants, for filling the `days` column of
    /// ``add(scores:days:)`` from raw timestamps. Local days of `firstDay`'s zone are used;
    /// consecutive instants in the same 15-minute slot cost one dictionary lookup.
    ///
    /// - Parameters:
    ///   - times: Instants as seconds since 1970.
    ///   - firstDay: The day period that becomes position 0.
    /// - Returns: One position per instant (negative or beyond the table for instants
    ///   outside the covered days, which ``add(scores:days:)`` then rejects).
    /// - Throws: ``MetricsError`` naming `firstDay` when it is not a day period, or
    ///   `times[i]` for a non-finite instant or one outside years 1000 … 9999.
    public static func dayPositions(of times: [Double], from firstDay: ReportingPeriod) throws(MetricsError)
        -> [Int32]
    {
        guard firstDay.granularity == .day else {
            throw .validation(field: "firstDay", reason: "must be a day period")
        }
        var bucketer = DayBucketer(timeZone: firstDay.timeZone)
        var offsets: [Int] = []
        var positions: [Int32] = []
        positions.reserveCapacity(times.count)
        for (row, seconds) in times.enumerated() {
            let position: Int
            do {
                position = try bucketer.position(of: Date(timeIntervalSince1970: seconds))
            } catch {
                throw .validation(field: "times[\(row)]", reason: error.reason)
            }
            while offsets.count < bucketer.days.count {
                let start = bucketer.days[offsets.count].start
                offsets.append(Int((start.timeIntervalSince(firstDay.start) / 86_400).rounded()))
            }
            positions.append(Int32(clamping: offsets[position]))
        }
        return positions
    }

    private static func undo(
        _ table: UnsafeMutableBufferPointer<Int64>, _ scores: UnsafeBufferPointer<UInt8>,
        _ days: UnsafeBufferPointer<Int32>, rows: Int, width: Int, lowest: Int
    ) {
        for row in 0..<rows {
            table[Int(days[row]) &* width &+ Int(scores[row]) &- lowest] &-= 1
        }
    }

    /// The score distribution of one day.
    ///
    /// - Parameter day: A day position.
    /// - Returns: Its distribution (empty for a day without answers).
    /// - Throws: ``MetricsError`` naming `day` when out of range.
    public func distribution(day: Int) throws(MetricsError) -> ScoreDistribution {
        guard day >= 0, day < dayCount else { throw .validation(field: "day", reason: "is out of range") }
        let width = scale.valueCount
        return try KPI.core {
            try ScoreDistribution(scale: scale, counts: Array(counts[day * width..<(day + 1) * width]))
        }
    }

    /// The NPS of every day, `nil` for days without answers.
    ///
    /// - Parameters:
    ///   - confidenceLevel: The intervals' level.
    ///   - interval: Wald or adjusted-Wald.
    /// - Returns: One value per day.
    /// - Throws: ``MetricsError`` naming `scale` when the table is not on the NPS scale.
    public func netPromoterScores(
        confidenceLevel: Double = 0.95, interval: ScoreStatistics.NetScoreInterval = .adjustedWald
    ) throws(MetricsError) -> [KPIValue?] {
        var values: [KPIValue?] = []
        values.reserveCapacity(dayCount)
        for day in 0..<dayCount {
            values.append(
                try KPI.netPromoterScore(
                    distribution(day: day), confidenceLevel: confidenceLevel, interval: interval))
        }
        return values
    }

    /// The CSAT top-2-box share of every day, `nil` for days without answers.
    ///
    /// - Parameter confidenceLevel: The intervals' level.
    /// - Returns: One value per day.
    /// - Throws: ``MetricsError`` naming `aggregate` when the table is not on a satisfaction scale.
    public func customerSatisfactionScores(confidenceLevel: Double = 0.95) throws(MetricsError) -> [KPIValue?]
    {
        guard scale.metric == .satisfaction else {
            throw .validation(
                field: "aggregate", reason: "csat cannot use answers on the \(scale.rawValue) scale")
        }
        let width = scale.valueCount
        var values: [KPIValue?] = []
        values.reserveCapacity(dayCount)
        for day in 0..<dayCount {
            let row = counts[day * width..<(day + 1) * width]
            let total = row.reduce(0, +)
            let top = row.suffix(2).reduce(0, +)
            values.append(
                try KPI.share(name: "csat.topTwoBox", successes: top, trials: total, confidenceLevel))
        }
        return values
    }
}
