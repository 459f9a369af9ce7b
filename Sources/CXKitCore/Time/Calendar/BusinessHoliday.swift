/// A day on which a ``BusinessCalendar``'s weekly hours do not apply: either closed all day
/// or open only for its own replacement intervals (a half day such as 09:00–13:00 on
/// 24 December).
///
/// A holiday that repeats yearly applies on the same month and day of every year from
/// `date.year` on; a repeating 29 February applies in leap years only. A one-off holiday
/// on the same date as a repeating one takes precedence.
///
/// Encoded as `{"date": "2026-12-24", "workingIntervals": [...], "repeatsYearly": false}`;
/// the last two keys are optional when decoding.
public struct BusinessHoliday: Codable, Sendable, Hashable {
    /// The local date (first occurrence for repeating holidays).
    public let date: LocalDate
    /// The working intervals that replace the weekday's hours; empty means closed all day.
    public let workingIntervals: [WorkingInterval]
    /// Whether the holiday repeats every year on the same month and day.
    public let repeatsYearly: Bool

    /// Creates a holiday.
    ///
    /// - Parameters:
    ///   - date: The local date (the first year for a repeating holiday).
    ///   - workingIntervals: Replacement hours for a partial day; empty (the default)
    ///     closes the whole day. Checked by ``BusinessCalendar``.
    ///   - repeatsYearly: Whether it recurs every year on the same month and day.
    public init(date: LocalDate, workingIntervals: [WorkingInterval] = [], repeatsYearly: Bool = false) {
        self.date = date
        self.workingIntervals = workingIntervals
        self.repeatsYearly = repeatsYearly
    }

    /// Whether this is a partial working day rather than a closed day.
    public var isPartialDay: Bool { !workingIntervals.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case date
        case workingIntervals
        case repeatsYearly
    }

    /// Decodes a holiday; missing `workingIntervals` means closed, missing `repeatsYearly` false.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` for missing or mistyped keys; `CoreError` for a bad date.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.date = try container.decode(LocalDate.self, forKey: .date)
        self.workingIntervals =
            try container.decodeIfPresent([WorkingInterval].self, forKey: .workingIntervals) ?? []
        self.repeatsYearly = try container.decodeIfPresent(Bool.self, forKey: .repeatsYearly) ?? false
    }

    /// Encodes all three keys.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(workingIntervals, forKey: .workingIntervals)
        try container.encode(repeatsYearly, forKey: .repeatsYearly)
    }
}
