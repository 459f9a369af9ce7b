/// A day of the week, ordered the ISO-8601 way (Monday first).
///
/// Encoded as its lower-case English name (`"monday"`), which is also the key used in a
/// ``BusinessCalendar``'s JSON week and in validation field names (`"week.monday[1]"`).
public enum Weekday: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    /// Monday (ISO day 1).
    case monday
    /// Tuesday (ISO day 2).
    case tuesday
    /// Wednesday (ISO day 3).
    case wednesday
    /// Thursday (ISO day 4).
    case thursday
    /// Friday (ISO day 5).
    case friday
    /// Saturday (ISO day 6).
    case saturday
    /// Sunday (ISO day 7).
    case sunday

    /// The ISO-8601 day number: Monday = 1 … Sunday = 7.
    public var isoNumber: Int { index + 1 }

    /// Monday = 0 … Sunday = 6.
    var index: Int {
        switch self {
        case .monday: 0
        case .tuesday: 1
        case .wednesday: 2
        case .thursday: 3
        case .friday: 4
        case .saturday: 5
        case .sunday: 6
        }
    }

    /// Orders weekdays Monday first.
    ///
    /// - Parameters:
    ///   - lhs: A weekday.
    ///   - rhs: Another weekday.
    /// - Returns: Whether `lhs` comes earlier in the ISO week than `rhs`.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.index < rhs.index }

    /// The weekdays listed Monday first.
    static let ordered: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]

    /// Monday through Friday.
    public static let workdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
}
