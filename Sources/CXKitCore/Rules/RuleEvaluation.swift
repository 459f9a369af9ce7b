/// The result of evaluating a rule with explanations.
public struct RuleEvaluation: Hashable, Sendable {
    /// Whether the rule holds.
    public let isSatisfied: Bool
    /// The explanation of the root condition and, nested, of every other condition.
    public let explanation: RuleExplanation

    /// Creates a result.
    ///
    /// - Parameter explanation: The root explanation; its outcome decides ``isSatisfied``.
    public init(explanation: RuleExplanation) {
        self.isSatisfied = explanation.isSatisfied
        self.explanation = explanation
    }

    /// The reasons of the clauses that decided the outcome, in rule order
    /// (`["Delivery date 2026-03-02 is not within the last 30 days (window closed on 2026-04-01)"]`).
    public var reasons: [String] { explanation.decidingClauses.map(\.reason) }
}
