import Foundation

/// A typed value in a rule (the right-hand side of a comparison) or supplied by a subject
/// for an attribute.
///
/// The `Codable` form keeps hand-written JSON short: strings, whole numbers, other
/// numbers, booleans and lists are plain JSON (`"TR"`, `3`, `4.5`, `true`, `["a", "b"]`);
/// the other types are one-key objects:
/// `{"date": "2026-03-12T00:00:00Z"}`, `{"money": {"minorUnits": 10000, "currency": "TRY"}}`,
/// `{"duration": {"days": 30}}`. Validation against a ``RuleSchema`` widens whole numbers
/// for `number` attributes.
public enum RuleValue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Text.
    case string(String)
    /// A whole number.
    case integer(Int64)
    /// A floating-point number (must be finite in rules).
    case number(Double)
    /// A Boolean.
    case boolean(Bool)
    /// An instant.
    case date(Date)
    /// An amount of money.
    case money(Money)
    /// A length of time.
    case duration(RuleDuration)
    /// A list of values of one type.
    indirect case list([RuleValue])

    /// The value's type; for a list, the type of its first element (`list<string>` for an
    /// empty list).
    public var type: RuleValueType {
        switch self {
        case .string: return .string
        case .integer: return .integer
        case .number: return .number
        case .boolean: return .boolean
        case .date: return .date
        case .money: return .money
        case .duration: return .duration
        case .list(let values): return .list(values.first?.type ?? .string)
        }
    }

    /// Whether the value can stand for an attribute of `type` (whole numbers count as
    /// numbers; every list element must match).
    ///
    /// - Parameter type: The attribute type.
    /// - Returns: `true` when the value fits the type.
    public func conforms(to type: RuleValueType) -> Bool {
        switch (self, type) {
        case (.string, .string), (.integer, .integer), (.integer, .number), (.number, .number),
            (.boolean, .boolean), (.date, .date), (.money, .money), (.duration, .duration):
            return true
        case (.list(let values), .list(let element)):
            return values.allSatisfy { $0.conforms(to: element) }
        default:
            return false
        }
    }

    /// Readable text used in explanations: strings quoted, money as `"120.00 TRY"`, dates as
    /// `2026-03-12` (UTC), durations as `30 days`.
    public var description: String {
        switch self {
        case .string(let value): return "\"" + value + "\""
        case .integer(let value): return String(value)
        case .number(let value): return value.isFinite ? "\(value)" : "not a number"
        case .boolean(let value): return value ? "true" : "false"
        case .date(let value): return RuleDateText.readable(value)
        case .money(let value): return value.description
        case .duration(let value): return value.description
        case .list(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        }
    }

    private enum TagKey: String, CodingKey {
        case date
        case money
        case duration
    }

    /// Decodes a value from its JSON form (see the type's documentation).
    ///
    /// - Throws: ``CoreError`` `.validationFailed` naming the coding path for anything that is
    ///   not a recognised value form (`null`, unknown object keys, malformed dates).
    public init(from decoder: any Decoder) throws {
        let field = CodingPathText.field(decoder.codingPath, root: "value")
        if let container = try? decoder.singleValueContainer() {
            if container.decodeNil() {
                throw CoreError.validation(field: field, reason: "must not be null")
            }
            if let value = try? container.decode(Bool.self) {
                self = .boolean(value)
                return
            }
            if let value = try? container.decode(Int64.self) {
                self = .integer(value)
                return
            }
            if let value = try? container.decode(Double.self) {
                self = .number(value)
                return
            }
            if let value = try? container.decode(String.self) {
                self = .string(value)
                return
            }
        }
        if var array = try? decoder.unkeyedContainer() {
            var values: [RuleValue] = []
            while !array.isAtEnd {
                values.append(try array.decode(RuleValue.self))
            }
            self = .list(values)
            return
        }
        // Unknown members make the object invalid, so count every key, not only known ones.
        let memberCount = (try? decoder.container(keyedBy: Rule.JSONKey.self))?.allKeys.count ?? 0
        guard memberCount == 1, let object = try? decoder.container(keyedBy: TagKey.self),
            let key = object.allKeys.first
        else {
            throw CoreError.validation(
                field: field,
                reason: "must be a string, number, boolean, list, or an object with date, money or duration")
        }
        switch key {
        case .date:
            guard let text = try? object.decode(String.self, forKey: .date),
                let date = RuleDateText.parse(text)
            else {
                throw CoreError.validation(field: field + ".date", reason: "must be an ISO 8601 date")
            }
            self = .date(date)
        case .money:
            self = .money(try object.decode(Money.self, forKey: .money))
        case .duration:
            self = .duration(try object.decode(RuleDuration.self, forKey: .duration))
        }
    }

    /// Encodes the value in its JSON form.
    ///
    /// - Throws: `EncodingError` for a non-finite number; whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .integer(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .boolean(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .date(let value):
            var container = encoder.container(keyedBy: TagKey.self)
            try container.encode(RuleDateText.iso(value), forKey: .date)
        case .money(let value):
            var container = encoder.container(keyedBy: TagKey.self)
            try container.encode(value, forKey: .money)
        case .duration(let value):
            var container = encoder.container(keyedBy: TagKey.self)
            try container.encode(value, forKey: .duration)
        case .list(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        }
    }
}
