/// A command to the refund state machine.
public enum RefundCommand: Hashable, Sendable {
    /// Send the first attempt to the gateway.
    case begin
    /// The gateway confirmed the attempt.
    case succeed
    /// The gateway refused or failed the attempt, with a reason code.
    case fail(reason: String)
    /// Send a new attempt after a failure.
    case retry
    /// Give up on the refund.
    case cancel(reason: String)

    /// The state the command asks for.
    public var requestedState: RefundState {
        switch self {
        case .begin, .retry: .processing
        case .succeed: .succeeded
        case .fail: .failed
        case .cancel: .cancelled
        }
    }
}
