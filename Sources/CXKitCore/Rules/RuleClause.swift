/// One test of one attribute: `order.total ≥ 100.00 TRY`.
///
/// JSON: `{"attribute": "order.total", "op": "gte", "value": {"money": {…}}}`; see ``Rule``.
public struct RuleClause: Hashable, Sendable {
    /// The attribute tested.
    public var attribute: AttributeName
    /// The test.
    public var predicate: RulePredicate

    /// Creates a clause.
    ///
    /// - Parameters:
    ///   - attribute: The attribute tested.
    ///   - predicate: The test.
    public init(_ attribute: AttributeName, _ predicate: RulePredicate) {
        self.attribute = attribute
        self.predicate = predicate
    }
}
