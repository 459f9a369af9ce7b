/// Where a refund stands.
///
/// `pending → processing → succeeded | failed`, `failed → processing` (retry with a new
/// idempotency key), `pending | failed → cancelled`.
public enum RefundState: String, LifecycleState {
    /// Created, not sent to the gateway yet.
    case pending
    /// An attempt is with the gateway.
    case processing
    /// The gateway confirmed the refund; final.
    case succeeded
    /// The last attempt failed; it may be retried.
    case failed
    /// Given up (for example settled as store credit instead); final.
    case cancelled

    /// `"refund"`.
    public static var machineName: String { "refund" }

    /// Whether no command leaves this state.
    public var isTerminal: Bool { self == .succeeded || self == .cancelled }
}
