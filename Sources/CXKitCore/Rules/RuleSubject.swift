/// Something a rule can be evaluated against: it answers the value of each attribute.
///
/// Each module exposes its own fields (customer.country, order.total …) by conforming a
/// small adapter type. Return `nil` when the subject has no value; the clause then fails
/// with the reason "missing" (only `exists` tests presence). For the fastest evaluation,
/// fill a ``RuleFacts`` instead.
public protocol RuleSubject {
    /// The value of `attribute`, or `nil` when the subject has none.
    ///
    /// - Parameter attribute: A name declared in the rule's schema.
    /// - Returns: The value, which should conform to the declared type.
    func value(for attribute: AttributeName) -> RuleValue?
}

extension Dictionary: RuleSubject where Key == AttributeName, Value == RuleValue {
    /// The value stored under `attribute`.
    ///
    /// - Parameter attribute: The attribute.
    /// - Returns: The stored value, if any.
    public func value(for attribute: AttributeName) -> RuleValue? { self[attribute] }
}
