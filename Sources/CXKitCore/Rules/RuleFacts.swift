/// An array-backed ``RuleSubject``: one value slot per attribute of a ``RuleSchema``.
///
/// ``CompiledRule`` reads facts by slot index, with no dictionary lookups, string hashing
/// or existential calls — the fast path for evaluating many rules or many subjects. Build
/// one per subject and reuse it across rules of the same schema.
///
/// ```swift
/// var facts = RuleFacts(schema: schema)
/// try facts.set(.string("TR"), for: "customer.country")
/// if let country = schema.slot(for: "customer.country") {  // resolve once, reuse
///     facts[country] = .string("DE")                          // unchecked fast setter
/// }
/// ```
public struct RuleFacts: Sendable, RuleSubject {
    /// The schema whose slots these facts fill.
    public let schema: RuleSchema
    private(set) var values: [RuleValue?]

    /// Creates facts with every attribute missing.
    ///
    /// - Parameter schema: The schema whose attributes the facts hold.
    public init(schema: RuleSchema) {
        self.schema = schema
        self.values = [RuleValue?](repeating: nil, count: schema.attributes.count)
    }

    /// The value in a slot, without type checks. Reading a slot outside the schema gives
    /// `nil`; writing one is ignored. A value of the wrong type makes clauses on it fail.
    ///
    /// - Parameter slot: A slot from ``RuleSchema/slot(for:)`` of this schema.
    public subscript(slot: AttributeSlot) -> RuleValue? {
        get { values.indices.contains(slot.index) ? values[slot.index] : nil }
        set {
            guard values.indices.contains(slot.index) else { return }
            values[slot.index] = newValue
        }
    }

    /// Sets (or, with `nil`, clears) an attribute's value after checking it against the
    /// schema; whole numbers are widened for `number` attributes.
    ///
    /// - Parameters:
    ///   - value: The value, or `nil` for missing.
    ///   - attribute: A declared attribute.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"attribute"` for an unknown
    ///   attribute and `"value"` for a value of the wrong type.
    public mutating func set(_ value: RuleValue?, for attribute: AttributeName) throws {
        guard let index = schema.index(of: attribute) else {
            throw CoreError.validation(field: "attribute", reason: "is not an attribute of this schema")
        }
        guard var value else {
            values[index] = nil
            return
        }
        let type = schema.attributes[index].type
        guard value.conforms(to: type) else {
            throw CoreError.validation(field: "value", reason: "must be a \(type.name) value")
        }
        if case .integer(let whole) = value, type == .number { value = .number(Double(whole)) }
        values[index] = value
    }

    /// The value of `attribute`, or `nil` when missing or not declared.
    ///
    /// - Parameter attribute: The attribute.
    /// - Returns: Its value.
    public func value(for attribute: AttributeName) -> RuleValue? {
        guard let index = schema.index(of: attribute) else { return nil }
        return values[index]
    }

    /// Clears every value, keeping the storage for reuse.
    public mutating func removeAll() {
        for index in values.indices { values[index] = nil }
    }
}
