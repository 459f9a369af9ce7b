/// The name of a comparison in a rule, as written in the `"op"` member of a clause.
///
/// Raw values are the stable JSON spellings.
public enum RuleOperator: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Equal to the value (`"eq"`); strings compare exactly.
    case equals = "eq"
    /// Present and not equal to the value (`"neq"`).
    case notEquals = "neq"
    /// Equal to one of the listed values (`"in"`); strings and integers.
    case `in` = "in"
    /// Present and equal to none of the listed values (`"notIn"`).
    case notIn = "notIn"
    /// Less than (`"lt"`).
    case lessThan = "lt"
    /// Less than or equal to (`"lte"`).
    case lessThanOrEqual = "lte"
    /// Greater than (`"gt"`).
    case greaterThan = "gt"
    /// Greater than or equal to (`"gte"`).
    case greaterThanOrEqual = "gte"
    /// Between two values, both included (`"between"`, value `[low, high]`).
    case between = "between"
    /// For text: contains the value ignoring case; for lists: has an element equal to it
    /// (`"contains"`).
    case contains = "contains"
    /// Text starts with the value, ignoring case (`"startsWith"`).
    case startsWith = "startsWith"
    /// The subject has a value for the attribute (`"exists"`, no value).
    case exists = "exists"
    /// A date no earlier than the duration before now and not after now (`"withinLast"`,
    /// value `{"days": 30}`).
    case withinLast = "withinLast"
    /// A date earlier than the duration before now (`"olderThan"`, value `{"days": 30}`).
    case olderThan = "olderThan"
    /// A date strictly before the given instant (`"before"`, value `"2026-03-12T00:00:00Z"`).
    case before = "before"
    /// A date strictly after the given instant (`"after"`, value `"2026-03-12T00:00:00Z"`).
    case after = "after"

    /// The JSON spelling.
    public var description: String { rawValue }
}
