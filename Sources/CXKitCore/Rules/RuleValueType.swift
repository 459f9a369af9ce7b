/// The type of an attribute or a rule value. A ``RuleSchema`` declares one per attribute and
/// rule validation checks every operator and value against it.
///
/// The `Codable` form is the ``name``: `"string"`, `"integer"`, `"number"`, `"boolean"`,
/// `"date"`, `"money"`, `"duration"`, or `"list<string>"` and so on for lists.
public enum RuleValueType: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Text.
    case string
    /// A whole number (`Int64`).
    case integer
    /// A floating-point number; integer values are accepted and widened.
    case number
    /// `true` or `false`.
    case boolean
    /// An instant in time.
    case date
    /// An amount of ``Money``.
    case money
    /// A length of time (``RuleDuration``).
    case duration
    /// A list whose elements have the given type (tags, categories).
    indirect case list(RuleValueType)

    /// The type's stable name, as used in the `Codable` form.
    public var name: String {
        switch self {
        case .string: return "string"
        case .integer: return "integer"
        case .number: return "number"
        case .boolean: return "boolean"
        case .date: return "date"
        case .money: return "money"
        case .duration: return "duration"
        case .list(let element): return "list<\(element.name)>"
        }
    }

    /// The type's name.
    public var description: String { name }

    /// Parses a type name.
    ///
    /// - Parameter name: A name as produced by ``name``.
    /// - Returns: The type, or `nil` for an unknown name.
    public static func named(_ name: String) -> RuleValueType? {
        switch name {
        case "string": return .string
        case "integer": return .integer
        case "number": return .number
        case "boolean": return .boolean
        case "date": return .date
        case "money": return .money
        case "duration": return .duration
        default:
            guard name.hasPrefix("list<"), name.hasSuffix(">"), name.count > 6 else { return nil }
            let inner = String(name.dropFirst(5).dropLast())
            guard let element = named(inner) else { return nil }
            return .list(element)
        }
    }

    /// The operators rule validation accepts for an attribute of this type.
    public var supportedOperators: [RuleOperator] {
        switch self {
        case .string: return [.equals, .notEquals, .in, .notIn, .contains, .startsWith, .exists]
        case .integer:
            return [
                .equals, .notEquals, .in, .notIn, .lessThan, .lessThanOrEqual, .greaterThan,
                .greaterThanOrEqual, .between, .exists,
            ]
        case .number, .money, .duration:
            return [
                .equals, .notEquals, .lessThan, .lessThanOrEqual, .greaterThan, .greaterThanOrEqual,
                .between, .exists,
            ]
        case .boolean: return [.equals, .notEquals, .exists]
        case .date:
            return [
                .equals, .notEquals, .lessThan, .lessThanOrEqual, .greaterThan, .greaterThanOrEqual,
                .between, .exists, .withinLast, .olderThan, .before, .after,
            ]
        case .list: return [.contains, .exists]
        }
    }

    /// Decodes a type from its name.
    ///
    /// - Throws: ``CoreError`` `.validationFailed` naming the coding path for an unknown name.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let type = RuleValueType.named(text) else {
            throw CoreError.validation(
                field: CodingPathText.field(decoder.codingPath, root: "type"), reason: "is not a known type")
        }
        self = type
    }

    /// Encodes the type's name.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
