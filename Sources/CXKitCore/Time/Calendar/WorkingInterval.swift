/// A span of local wall-clock time within one day, such as 09:00–12:30, measured in
/// minutes from midnight.
///
/// `startMinute` is inclusive and `endMinute` exclusive; `endMinute` may be 1440 to run
/// to midnight. The values are checked when the interval is put into a
/// ``BusinessCalendar`` (0 ≤ start < end ≤ 1440), which reports the offending interval by
/// field name. Encoded as `{"start": 540, "end": 750}`.
public struct WorkingInterval: Codable, Sendable, Hashable, Comparable {
    /// Minutes after local midnight at which the interval starts (inclusive).
    public let startMinute: Int
    /// Minutes after local midnight at which the interval ends (exclusive), at most 1440.
    public let endMinute: Int

    /// Creates an interval from minutes after midnight.
    ///
    /// - Parameters:
    ///   - startMinute: The inclusive start, e.g. `540` for 09:00.
    ///   - endMinute: The exclusive end, e.g. `750` for 12:30; `1440` means midnight.
    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Creates an interval from wall-clock hours and minutes: `WorkingInterval(from: (9, 0), to: (12, 30))`.
    ///
    /// - Parameters:
    ///   - start: The inclusive start as hour and minute.
    ///   - end: The exclusive end as hour and minute; `(24, 0)` means midnight.
    public init(from start: (hour: Int, minute: Int), to end: (hour: Int, minute: Int)) {
        self.init(
            startMinute: Self.minutes(start.hour, start.minute), endMinute: Self.minutes(end.hour, end.minute)
        )
    }

    /// `hour * 60 + minute`, or `Int.min` (rejected by validation) when that overflows.
    private static func minutes(_ hour: Int, _ minute: Int) -> Int {
        let (product, overflowed) = hour.multipliedReportingOverflow(by: 60)
        let (sum, overflowedAgain) = product.addingReportingOverflow(minute)
        return overflowed || overflowedAgain ? Int.min : sum
    }

    /// The interval's nominal length in minutes (DST changes can make the real length differ).
    /// Zero when the bounds are so far apart that the difference does not fit an `Int`.
    public var durationMinutes: Int {
        let (difference, overflowed) = endMinute.subtractingReportingOverflow(startMinute)
        return overflowed ? 0 : difference
    }

    /// Orders intervals by start, then end.
    ///
    /// - Parameters:
    ///   - lhs: An interval.
    ///   - rhs: Another interval.
    /// - Returns: Whether `lhs` starts earlier (or ends earlier for equal starts).
    public static func < (lhs: WorkingInterval, rhs: WorkingInterval) -> Bool {
        (lhs.startMinute, lhs.endMinute) < (rhs.startMinute, rhs.endMinute)
    }

    private enum CodingKeys: String, CodingKey {
        case start
        case end
    }

    /// Decodes `{"start": minutes, "end": minutes}`; ranges are checked by the calendar.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when a key is missing or not an integer.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.startMinute = try container.decode(Int.self, forKey: .start)
        self.endMinute = try container.decode(Int.self, forKey: .end)
    }

    /// Encodes `{"start": minutes, "end": minutes}`.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(startMinute, forKey: .start)
        try container.encode(endMinute, forKey: .end)
    }

    /// Checks `intervals` are in range, non-empty, sorted and non-overlapping.
    ///
    /// - Throws: `CoreError` `.validationFailed` with `field` set to `"\(field)[i]"`.
    static func validate(_ intervals: [WorkingInterval], field: String) throws {
        var previousEnd = -1
        for (i, interval) in intervals.enumerated() {
            let name = "\(field)[\(i)]"
            guard interval.startMinute >= 0, interval.endMinute <= 1440 else {
                throw CoreError.validation(field: name, reason: "must lie within 00:00–24:00")
            }
            guard interval.startMinute < interval.endMinute else {
                throw CoreError.validation(field: name, reason: "must end after it starts")
            }
            if interval.startMinute < previousEnd {
                if intervals[i - 1].startMinute > interval.startMinute {
                    throw CoreError.validation(field: name, reason: "intervals must be sorted by start time")
                }
                throw CoreError.validation(field: name, reason: "overlaps the previous interval")
            }
            previousEnd = interval.endMinute
        }
    }
}
