/// Which resolution time: until the first solve or until the latest solve.
public enum ResolutionVariant: String, Hashable, Sendable, Codable {
    /// Creation → first time solved.
    case first
    /// Creation → latest time solved (counts the time a reopened ticket spent open again).
    case full
}

/// Whether a duration is counted on the wall clock or in business hours (the tenant's
/// `BusinessCalendar`, applied when the observation is made).
public enum TimeBasis: String, Hashable, Sendable, Codable {
    /// Calendar (wall-clock) time; what industry benchmarks use.
    case calendar
    /// Business hours only.
    case business
}
