import CXKitCore

/// An auto-approval exception: a submitted request matching the condition goes to manual
/// review with the rule's name recorded as the reason (high value, many units …).
public struct ReviewRule: Hashable, Sendable, Codable {
    /// A short name recorded as the review reason.
    public let name: String
    /// Which requests it catches, over ``ReturnPolicySchema/request`` attributes.
    public let condition: Rule

    /// Creates a review rule.
    ///
    /// - Parameters:
    ///   - name: A short name.
    ///   - condition: Which requests it catches.
    public init(name: String, condition: Rule) {
        self.name = name
        self.condition = condition
    }
}
