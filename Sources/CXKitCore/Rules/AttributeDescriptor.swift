/// Declares one attribute a rule may test: its name, its type and the words people see for
/// it in explanations.
public struct AttributeDescriptor: Hashable, Sendable, Codable {
    /// The attribute's name (`"order.delivered_at"`).
    public let name: AttributeName
    /// The attribute's type.
    public let type: RuleValueType
    /// The words used in explanations (`"Delivery date"`); the name when `nil`.
    public let displayName: String?

    /// Declares an attribute.
    ///
    /// - Parameters:
    ///   - name: The attribute's name: 1–128 ASCII letters, digits, `_`, `.` or `-`.
    ///   - type: The attribute's type.
    ///   - displayName: The words used in explanations, if different from the name.
    public init(_ name: AttributeName, type: RuleValueType, displayName: String? = nil) {
        self.name = name
        self.type = type
        self.displayName = displayName
    }

    /// What explanations call the attribute.
    public var label: String { displayName ?? name.rawValue }
}
