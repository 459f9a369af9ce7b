import CXKitCore

/// A window for the lines a condition selects (a category, a tag …). The first matching
/// rule wins; lines no rule matches get the policy's default window.
public struct WindowRule: Hashable, Sendable, Codable {
    /// A short name shown in explanations (`"shoes"`).
    public let name: String
    /// Which lines it covers, over ``ReturnPolicySchema/line`` attributes.
    public let condition: Rule
    /// The window.
    public let window: ReturnWindow

    /// Creates a window rule.
    ///
    /// - Parameters:
    ///   - name: A short name.
    ///   - condition: Which lines it covers.
    ///   - window: The window.
    public init(name: String, condition: Rule, window: ReturnWindow) {
        self.name = name
        self.condition = condition
        self.window = window
    }
}
