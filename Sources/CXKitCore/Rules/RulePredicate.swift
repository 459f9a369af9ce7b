import Foundation

/// What a clause checks about its attribute's value: an operator with its operand(s).
public enum RulePredicate: Hashable, Sendable {
    /// Equal to the value.
    case equals(RuleValue)
    /// Present and different from the value.
    case notEquals(RuleValue)
    /// Equal to one of the values (JSON `"in"`).
    case oneOf([RuleValue])
    /// Present and equal to none of the values (JSON `"notIn"`).
    case noneOf([RuleValue])
    /// Less than the value.
    case lessThan(RuleValue)
    /// Less than or equal to the value.
    case lessThanOrEqual(RuleValue)
    /// Greater than the value.
    case greaterThan(RuleValue)
    /// Greater than or equal to the value.
    case greaterThanOrEqual(RuleValue)
    /// Between `low` and `high`, both included.
    case between(RuleValue, RuleValue)
    /// Text containing the value (ignoring case), or a list with an element equal to it.
    case contains(RuleValue)
    /// Text starting with the prefix, ignoring case.
    case startsWith(String)
    /// The attribute has a value.
    case exists
    /// A date within the duration before now (inclusive) and not in the future.
    case withinLast(RuleDuration)
    /// A date more than the duration before now.
    case olderThan(RuleDuration)
    /// A date strictly before the instant.
    case before(Date)
    /// A date strictly after the instant.
    case after(Date)

    /// The operator.
    public var `operator`: RuleOperator {
        switch self {
        case .equals: return .equals
        case .notEquals: return .notEquals
        case .oneOf: return .in
        case .noneOf: return .notIn
        case .lessThan: return .lessThan
        case .lessThanOrEqual: return .lessThanOrEqual
        case .greaterThan: return .greaterThan
        case .greaterThanOrEqual: return .greaterThanOrEqual
        case .between: return .between
        case .contains: return .contains
        case .startsWith: return .startsWith
        case .exists: return .exists
        case .withinLast: return .withinLast
        case .olderThan: return .olderThan
        case .before: return .before
        case .after: return .after
        }
    }
}
