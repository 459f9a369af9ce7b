/// How long after delivery or purchase items may be returned.
public struct ReturnWindow: Hashable, Sendable, Codable {
    /// Calendar days the window lasts (1 … 3650).
    public let days: Int
    /// What the window counts from.
    public let start: WindowStart
    /// When counting from delivery and the delivery date is unknown: days added to the
    /// purchase date to stand in for it.
    public let undeliveredFallbackDays: Int

    /// Creates a window.
    ///
    /// - Parameters:
    ///   - days: Calendar days the window lasts.
    ///   - start: What it counts from.
    ///   - undeliveredFallbackDays: Days after purchase that stand in for an unknown
    ///     delivery date; defaults to 7.
    public init(days: Int, from start: WindowStart, undeliveredFallbackDays: Int = 7) {
        self.days = days
        self.start = start
        self.undeliveredFallbackDays = undeliveredFallbackDays
    }
}
