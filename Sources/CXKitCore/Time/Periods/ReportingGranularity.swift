/// The length of a ``ReportingPeriod``: a local day, an ISO-8601 week (Monday to Sunday),
/// a calendar month, quarter or year.
public enum ReportingGranularity: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    /// One local calendar day (23 or 25 hours long on DST change days).
    case day
    /// One ISO-8601 week, Monday to Sunday, numbered within its ISO week-year.
    case isoWeek
    /// One calendar month.
    case month
    /// One calendar quarter (January–March is Q1).
    case quarter
    /// One calendar year.
    case year

    /// Orders granularities from finest (day) to coarsest (year).
    ///
    /// - Parameters:
    ///   - lhs: A granularity.
    ///   - rhs: Another granularity.
    /// - Returns: Whether `lhs` is finer.
    public static func < (lhs: ReportingGranularity, rhs: ReportingGranularity) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .day: 0
        case .isoWeek: 1
        case .month: 2
        case .quarter: 3
        case .year: 4
        }
    }
}
