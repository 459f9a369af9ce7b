/// The position of an attribute in a ``RuleSchema``: fills ``RuleFacts`` without looking the
/// name up each time.
public struct AttributeSlot: Hashable, Sendable {
    /// The zero-based position in ``RuleSchema/attributes``.
    public let index: Int
}
