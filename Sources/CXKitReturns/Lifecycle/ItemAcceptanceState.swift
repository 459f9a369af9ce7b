/// Whether one returned item (a line and quantity of a request) is accepted for return.
///
/// `pending → accepted | rejected | manualReview`, `manualReview → accepted | rejected`,
/// `accepted → rejected` (inspection found it ineligible).
public enum ItemAcceptanceState: String, LifecycleState {
    /// Not decided yet.
    case pending
    /// Accepted for return.
    case accepted
    /// Refused; final.
    case rejected
    /// Waiting for an agent.
    case manualReview

    /// `"itemAcceptance"`.
    public static var machineName: String { "itemAcceptance" }

    /// Whether no command leaves this state.
    public var isTerminal: Bool { self == .rejected }
}
