import CXKitCore

/// Lines that can never be returned beyond the non-returnable classes (for example
/// `line.tags contains "final-sale"`).
public struct PolicyExclusion: Hashable, Sendable, Codable {
    /// A short name shown in explanations.
    public let name: String
    /// Which lines it excludes, over ``ReturnPolicySchema/line`` attributes.
    public let condition: Rule

    /// Creates an exclusion.
    ///
    /// - Parameters:
    ///   - name: A short name.
    ///   - condition: Which lines it excludes.
    public init(name: String, condition: Rule) {
        self.name = name
        self.condition = condition
    }
}
