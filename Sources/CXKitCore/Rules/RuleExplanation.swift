/// Why one condition of a rule held or not, with the same for every nested condition.
///
/// Reasons are sentences for people, built from each attribute's display name:
/// `"Delivery date 2026-03-02 is not within the last 30 days (window closed on 2026-04-01)"`.
/// Dates are shown in UTC. Reasons quote the subject's values, so treat them like the
/// subject's data, not like error descriptions.
public struct RuleExplanation: Hashable, Sendable {
    /// What kind of condition this node is.
    public enum Kind: Hashable, Sendable {
        /// `all`.
        case all
        /// `any`.
        case any
        /// `not`.
        case not
        /// An attribute clause.
        case clause
    }

    /// How a condition came out.
    public enum Outcome: Hashable, Sendable {
        /// It holds.
        case satisfied
        /// It does not hold.
        case notSatisfied
        /// A clause whose attribute has no value (fails every operator but `exists`).
        case missing
        /// A clause whose value cannot be compared: the wrong type, another currency, or NaN.
        case incomparable
    }

    /// The JSON path of the condition (`"condition.all[2]"`).
    public let path: String
    /// The kind of condition.
    public let kind: Kind
    /// The attribute a clause tests; `nil` for groups.
    public let attribute: AttributeName?
    /// How the condition came out.
    public let outcome: Outcome
    /// A sentence saying why.
    public let reason: String
    /// The nested conditions' explanations, in order; empty for clauses.
    public let children: [RuleExplanation]

    /// Whether the condition holds.
    public var isSatisfied: Bool { outcome == .satisfied }

    /// Creates an explanation node.
    ///
    /// - Parameters:
    ///   - path: The JSON path of the condition.
    ///   - kind: The kind of condition.
    ///   - attribute: The attribute of a clause.
    ///   - outcome: How it came out.
    ///   - reason: Why.
    ///   - children: Nested explanations.
    public init(
        path: String, kind: Kind, attribute: AttributeName?, outcome: Outcome, reason: String,
        children: [RuleExplanation]
    ) {
        self.path = path
        self.kind = kind
        self.attribute = attribute
        self.outcome = outcome
        self.reason = reason
        self.children = children
    }

    /// Every clause in the tree, depth first.
    public var clauses: [RuleExplanation] {
        kind == .clause ? [self] : children.flatMap(\.clauses)
    }

    /// The clauses that decided this node's outcome: for a failed `all`, its failed
    /// children's deciding clauses; for a satisfied `any`, its satisfied children's; for
    /// `not`, its child's; a clause decides itself. Use their reasons to tell people why
    /// ("not eligible: …").
    public var decidingClauses: [RuleExplanation] {
        switch kind {
        case .clause:
            return [self]
        case .not:
            return children.flatMap(\.decidingClauses)
        case .all:
            let relevant = isSatisfied ? children : children.filter { !$0.isSatisfied }
            return relevant.flatMap(\.decidingClauses)
        case .any:
            let relevant = isSatisfied ? children.filter(\.isSatisfied) : children
            return relevant.flatMap(\.decidingClauses)
        }
    }
}
