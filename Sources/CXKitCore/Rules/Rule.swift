import Foundation

/// A condition over typed attributes — the one condition language CXKit uses for segments,
/// SLA selection, loyalty earn rules, return policies and survey targeting.
///
/// Build rules in code or decode them from stored JSON, check them against a
/// ``RuleSchema`` (`schema.compile(rule)`), then evaluate the resulting ``CompiledRule``:
/// quickly (`isSatisfied(by: facts, now: now)`) or with an explanation of every clause
/// (``CompiledRule/evaluate(against:now:)``).
///
/// Text operators (`contains`, `startsWith`) ignore case using Unicode default
/// lower-casing, which is not locale-specific (Turkish dotted and dotless i are not
/// unified); equality and `in` compare text exactly.
///
/// ## JSON shape (version 1)
///
/// A condition is exactly one of:
///
/// ```json
/// {"all": [<condition>, …]}          every condition holds (an empty list always holds)
/// {"any": [<condition>, …]}          at least one holds (an empty list never holds)
/// {"not": <condition>}               the condition does not hold
/// {"attribute": "<name>", "op": "<operator>", "value": <operand>}
/// ```
///
/// Operands by operator (see ``RuleOperator``): `eq`, `neq`, `lt`, `lte`, `gt`, `gte` and
/// `contains` take one ``RuleValue``; `in`/`notIn` a JSON array of values; `between` an
/// array `[low, high]`; `startsWith` a string; `exists` no `value`; `withinLast` and
/// `olderThan` a duration such as `{"days": 30}`; `before` and `after` an ISO 8601 date
/// string. Unknown members are rejected. Wrap a condition in a ``RuleDocument`` to store it
/// with its version.
///
/// ```json
/// {"version": 1, "condition": {"all": [
///   {"attribute": "customer.country", "op": "in", "value": ["TR", "DE"]},
///   {"attribute": "order.total", "op": "gte",
///    "value": {"money": {"minorUnits": 10000, "currency": "TRY"}}},
///   {"attribute": "order.delivered_at", "op": "withinLast", "value": {"days": 30}}
/// ]}}
/// ```
public indirect enum Rule: Hashable, Sendable, Codable {
    /// Every condition holds.
    case all([Rule])
    /// At least one condition holds.
    case any([Rule])
    /// The condition does not hold.
    case not(Rule)
    /// One attribute test.
    case clause(RuleClause)

    /// The largest nesting of `all`/`any`/`not` a rule may have.
    public static let maximumDepth = 32
    /// The largest number of conditions (groups and clauses) a rule may have.
    public static let maximumConditionCount = 256
    /// The largest number of values in an `in`/`notIn` list.
    public static let maximumListCount = 1024

    /// A clause testing `attribute` with `predicate`.
    ///
    /// - Parameters:
    ///   - attribute: The attribute tested.
    ///   - predicate: The test.
    /// - Returns: `.clause(RuleClause(attribute, predicate))`.
    public static func attribute(_ attribute: AttributeName, _ predicate: RulePredicate) -> Rule {
        .clause(RuleClause(attribute, predicate))
    }

    /// A rule that always holds (`{"all": []}`).
    public static var always: Rule { .all([]) }

    /// How many conditions (groups and clauses) the rule contains.
    public var conditionCount: Int {
        switch self {
        case .all(let rules), .any(let rules): return 1 + rules.reduce(0) { $0 + $1.conditionCount }
        case .not(let rule): return 1 + rule.conditionCount
        case .clause: return 1
        }
    }

    struct JSONKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { self.stringValue = string }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }

        static let all = JSONKey("all")
        static let any = JSONKey("any")
        static let not = JSONKey("not")
        static let attribute = JSONKey("attribute")
        static let op = JSONKey("op")
        static let value = JSONKey("value")
    }

    /// Decodes a condition from the version 1 JSON shape.
    ///
    /// - Throws: ``CoreError`` `.validationFailed` whose field is the JSON path of the
    ///   offending member (`"condition.all[2].op"`) for any shape error; `.limitExceeded` when
    ///   nesting exceeds ``maximumDepth``.
    public init(from decoder: any Decoder) throws {
        let path = decoder.codingPath
        let field = CodingPathText.field(path, root: "condition")
        let depth = path.reduce(0) { count, key in
            count + (key.stringValue == "all" || key.stringValue == "any" || key.stringValue == "not" ? 1 : 0)
        }
        guard let container = try? decoder.container(keyedBy: JSONKey.self) else {
            throw CoreError.validation(field: field, reason: "must be an object")
        }
        let keys = Set(container.allKeys.map(\.stringValue))
        if depth >= Rule.maximumDepth, keys == ["all"] || keys == ["any"] || keys == ["not"] {
            throw CoreError.limit(field: field, reason: "nests deeper than \(Rule.maximumDepth) levels")
        }
        func member(_ key: String) -> String { CodingPathText.field(path, appending: key) }
        func list(_ key: JSONKey) throws -> [Rule] {
            guard var items = try? container.nestedUnkeyedContainer(forKey: key) else {
                throw CoreError.validation(
                    field: member(key.stringValue), reason: "must be a list of conditions")
            }
            var rules: [Rule] = []
            while !items.isAtEnd {
                guard rules.count < Rule.maximumConditionCount else {
                    throw CoreError.limit(
                        field: member(key.stringValue),
                        reason: "has more than \(Rule.maximumConditionCount) conditions")
                }
                rules.append(try items.decode(Rule.self))
            }
            return rules
        }
        if keys == ["all"] {
            self = .all(try list(.all))
        } else if keys == ["any"] {
            self = .any(try list(.any))
        } else if keys == ["not"] {
            self = .not(try container.decode(Rule.self, forKey: .not))
        } else if keys.contains("attribute"), keys.isSubset(of: ["attribute", "op", "value"]) {
            self = .clause(try Rule.decodeClause(container, path: path))
        } else {
            throw CoreError.validation(
                field: field, reason: "must have exactly one of all, any, not, or attribute with op and value"
            )
        }
    }

    private static func decodeClause(
        _ container: KeyedDecodingContainer<JSONKey>, path: [any CodingKey]
    ) throws -> RuleClause {
        func member(_ key: String) -> String { CodingPathText.field(path, appending: key) }
        guard let name = try? container.decode(String.self, forKey: .attribute) else {
            throw CoreError.validation(field: member("attribute"), reason: "must be a string")
        }
        guard let opText = try? container.decode(String.self, forKey: .op) else {
            throw CoreError.validation(field: member("op"), reason: "must be an operator name")
        }
        guard let op = RuleOperator(rawValue: opText) else {
            throw CoreError.validation(field: member("op"), reason: "is not a known operator")
        }
        let hasValue = container.contains(.value)
        if op == .exists {
            guard !hasValue else {
                throw CoreError.validation(field: member("value"), reason: "must be absent for exists")
            }
            return RuleClause(AttributeName(name), .exists)
        }
        guard hasValue else {
            throw CoreError.validation(field: member("value"), reason: "is required for \(op.rawValue)")
        }
        func values() throws -> [RuleValue] {
            guard var items = try? container.nestedUnkeyedContainer(forKey: .value) else {
                throw CoreError.validation(field: member("value"), reason: "must be a list")
            }
            var result: [RuleValue] = []
            while !items.isAtEnd {
                guard result.count < Rule.maximumListCount else {
                    throw CoreError.limit(
                        field: member("value"), reason: "has more than \(Rule.maximumListCount) values")
                }
                result.append(try items.decode(RuleValue.self))
            }
            return result
        }
        func single() throws -> RuleValue { try container.decode(RuleValue.self, forKey: .value) }
        func date() throws -> Date {
            guard let text = try? container.decode(String.self, forKey: .value),
                let date = RuleDateText.parse(text)
            else {
                throw CoreError.validation(field: member("value"), reason: "must be an ISO 8601 date")
            }
            return date
        }
        let predicate: RulePredicate
        switch op {
        case .equals: predicate = .equals(try single())
        case .notEquals: predicate = .notEquals(try single())
        case .in: predicate = .oneOf(try values())
        case .notIn: predicate = .noneOf(try values())
        case .lessThan: predicate = .lessThan(try single())
        case .lessThanOrEqual: predicate = .lessThanOrEqual(try single())
        case .greaterThan: predicate = .greaterThan(try single())
        case .greaterThanOrEqual: predicate = .greaterThanOrEqual(try single())
        case .between:
            let bounds = try values()
            guard bounds.count == 2 else {
                throw CoreError.validation(
                    field: member("value"), reason: "must be a list of two values [low, high]")
            }
            predicate = .between(bounds[0], bounds[1])
        case .contains: predicate = .contains(try single())
        case .startsWith:
            guard let text = try? container.decode(String.self, forKey: .value) else {
                throw CoreError.validation(field: member("value"), reason: "must be a string")
            }
            predicate = .startsWith(text)
        case .exists: predicate = .exists
        case .withinLast: predicate = .withinLast(try container.decode(RuleDuration.self, forKey: .value))
        case .olderThan: predicate = .olderThan(try container.decode(RuleDuration.self, forKey: .value))
        case .before: predicate = .before(try date())
        case .after: predicate = .after(try date())
        }
        return RuleClause(AttributeName(name), predicate)
    }

    /// Encodes the condition in the version 1 JSON shape.
    ///
    /// - Throws: `EncodingError` for a non-finite number; whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        switch self {
        case .all(let rules): try container.encode(rules, forKey: .all)
        case .any(let rules): try container.encode(rules, forKey: .any)
        case .not(let rule): try container.encode(rule, forKey: .not)
        case .clause(let clause):
            try container.encode(clause.attribute, forKey: .attribute)
            try container.encode(clause.predicate.operator.rawValue, forKey: .op)
            switch clause.predicate {
            case .equals(let value), .notEquals(let value), .lessThan(let value), .lessThanOrEqual(let value),
                .greaterThan(let value), .greaterThanOrEqual(let value), .contains(let value):
                try container.encode(value, forKey: .value)
            case .oneOf(let values), .noneOf(let values):
                try container.encode(values, forKey: .value)
            case .between(let low, let high):
                try container.encode([low, high], forKey: .value)
            case .startsWith(let prefix):
                try container.encode(prefix, forKey: .value)
            case .exists:
                break
            case .withinLast(let duration), .olderThan(let duration):
                try container.encode(duration, forKey: .value)
            case .before(let date), .after(let date):
                try container.encode(RuleDateText.iso(date), forKey: .value)
            }
        }
    }
}
