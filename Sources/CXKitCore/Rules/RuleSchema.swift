/// The attributes rules may test in one context (return policies, segments, survey
/// targeting …), with their types and display names.
///
/// A schema validates rules — unknown attributes, operators that do not apply to a type,
/// values of the wrong type, `between` bounds in the wrong order, empty `in` lists and
/// size limits are reported as ``CoreError`` naming the JSON path — and compiles them for
/// fast evaluation.
///
/// ```swift
/// let schema = try RuleSchema([
///     AttributeDescriptor("customer.country", type: .string, displayName: "Country"),
///     AttributeDescriptor("order.total", type: .money, displayName: "Order total"),
///     AttributeDescriptor("order.delivered_at", type: .date, displayName: "Delivery date"),
/// ])
/// let rule = try schema.compile(RuleDocument.decode(from: json))
/// ```
public struct RuleSchema: Sendable {
    /// The declared attributes, in slot order.
    public let attributes: [AttributeDescriptor]
    private let slots: [AttributeName: Int]
    /// Shared by every copy of this schema: lets a ``CompiledRule`` recognise ``RuleFacts``
    /// built from the same schema in one pointer comparison.
    let identity: SchemaIdentity

    final class SchemaIdentity: Sendable {}

    /// Creates a schema.
    ///
    /// - Parameter attributes: The attributes; names must be unique and well formed.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"attributes[i].name"` for a
    ///   malformed or duplicate name, `"attributes[i].type"` for a list of lists.
    public init(_ attributes: [AttributeDescriptor]) throws {
        var slots: [AttributeName: Int] = [:]
        for (index, attribute) in attributes.enumerated() {
            guard attribute.name.isWellFormed else {
                throw CoreError.validation(
                    field: "attributes[\(index)].name",
                    reason: "must be 1–128 ASCII letters, digits, '_', '.' or '-'")
            }
            guard slots[attribute.name] == nil else {
                throw CoreError.validation(field: "attributes[\(index)].name", reason: "is declared twice")
            }
            if case .list(let element) = attribute.type, case .list = element {
                throw CoreError.validation(
                    field: "attributes[\(index)].type", reason: "must not be a list of lists")
            }
            slots[attribute.name] = index
        }
        self.attributes = attributes
        self.slots = slots
        self.identity = SchemaIdentity()
    }

    /// The descriptor of `name`, if declared.
    ///
    /// - Parameter name: The attribute name.
    /// - Returns: Its descriptor, or `nil`.
    public func descriptor(for name: AttributeName) -> AttributeDescriptor? {
        slots[name].map { attributes[$0] }
    }

    /// The slot of `name`, if declared.
    ///
    /// - Parameter name: The attribute name.
    /// - Returns: Its slot, or `nil`.
    public func slot(for name: AttributeName) -> AttributeSlot? {
        slots[name].map(AttributeSlot.init(index:))
    }

    func index(of name: AttributeName) -> Int? { slots[name] }

    /// Whether `other` declares exactly the same attributes in the same order.
    func isEquivalent(to other: RuleSchema) -> Bool {
        identity === other.identity || attributes == other.attributes
    }

    /// Checks a rule against the schema and returns it normalised (whole numbers widened for
    /// `number` attributes).
    ///
    /// - Parameters:
    ///   - rule: The rule.
    ///   - field: The JSON path of the rule, used as the prefix of error fields.
    /// - Returns: The normalised rule.
    /// - Throws: ``CoreError`` `.validationFailed` naming the offending path, e.g.
    ///   `"condition.all[2].attribute"` (unknown attribute), `"….op"` (operator does not apply
    ///   to the type), `"….value"` (wrong type, empty list, low above high, non-finite
    ///   number, duration out of range); `.limitExceeded` for more than
    ///   ``Rule/maximumDepth`` levels, ``Rule/maximumConditionCount`` conditions or
    ///   ``Rule/maximumListCount`` list values.
    public func validate(_ rule: Rule, field: String = "condition") throws -> Rule {
        var validator = RuleValidator(schema: self)
        return try validator.validate(rule, path: field, depth: 0)
    }

    /// Validates a rule and compiles it for evaluation.
    ///
    /// - Parameter rule: The rule.
    /// - Returns: The compiled rule.
    /// - Throws: See ``validate(_:field:)``.
    public func compile(_ rule: Rule) throws -> CompiledRule {
        try CompiledRule(rule, schema: self)
    }

    /// Validates a document's condition and compiles it for evaluation.
    ///
    /// - Parameter document: The document.
    /// - Returns: The compiled rule.
    /// - Throws: See ``validate(_:field:)``; fields start with `"condition"`.
    public func compile(_ document: RuleDocument) throws -> CompiledRule {
        try CompiledRule(document.condition, schema: self)
    }
}

extension RuleSchema: Codable {
    /// Decodes a schema from its attribute list, `[{"name": …, "type": …, "displayName": …}]`,
    /// so rule builders in other front-ends can read what may be tested.
    ///
    /// - Throws: The errors of ``init(_:)``; `DecodingError` for a malformed list.
    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode([AttributeDescriptor].self))
    }

    /// Encodes the attribute list.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(attributes)
    }
}
