/// A command to the item acceptance state machine.
public enum ItemAcceptanceCommand: Hashable, Sendable {
    /// Accept the item; a reason is required when overriding a manual review.
    case accept(reason: String?)
    /// Refuse the item, recording why.
    case reject(reason: String)
    /// Send the item to an agent, recording why.
    case requireReview(reason: String)

    /// The state the command asks for.
    public var requestedState: ItemAcceptanceState {
        switch self {
        case .accept: .accepted
        case .reject: .rejected
        case .requireReview: .manualReview
        }
    }
}
