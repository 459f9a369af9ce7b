/// A command to the return request state machine.
public enum ReturnRequestCommand: Hashable, Sendable {
    /// Send a draft.
    case submit
    /// Approve a submitted request, or override a review (a reason is then required).
    case approve(reason: String?)
    /// Route a submitted request to manual review, recording why.
    case routeToReview(reason: String)
    /// Refuse the request, recording why.
    case reject(reason: String)
    /// Record that a label or QR code was issued.
    case issueLabel
    /// Record the carrier's first scan.
    case markInTransit
    /// Record that the warehouse has the parcel.
    case receive
    /// Record that every item was inspected.
    case inspect
    /// Record that the money side is settled (refund, exchange, credit or keep-the-item).
    case resolve
    /// Close a resolved request.
    case close
    /// Withdraw the request.
    case cancel(reason: String?)
    /// Expire a request whose label was not used in time.
    case expire

    /// The state the command asks for.
    public var requestedState: ReturnRequestState {
        switch self {
        case .submit: .submitted
        case .approve: .approved
        case .routeToReview: .needsReview
        case .reject: .rejected
        case .issueLabel: .labelIssued
        case .markInTransit: .inTransit
        case .receive: .received
        case .inspect: .inspected
        case .resolve: .resolved
        case .close: .closed
        case .cancel: .cancelled
        case .expire: .expired
        }
    }
}
