/// How often a report is produced.
public enum ReportCadence: String, Hashable, Sendable, Codable {
    /// One ISO week (Monday to Sunday) in the tenant's zone.
    case weekly
    /// One calendar month in the tenant's zone.
    case monthly
}
