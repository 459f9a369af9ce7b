/// Whether an alert is quiet or firing.
public enum AlertStatus: String, Hashable, Sendable, Codable {
    /// Not breached (or breached but not yet triggered).
    case normal
    /// Triggered and not yet resolved.
    case firing
}
