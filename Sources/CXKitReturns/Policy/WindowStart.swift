/// The instant a return window counts from.
public enum WindowStart: String, Hashable, Sendable, Codable, CaseIterable {
    /// The delivery date; when it is unknown, the purchase date plus the window's fallback
    /// delay.
    case delivery
    /// The purchase date.
    case purchase
}
