/// What ``IdempotentExecutor`` returns: the operation's result and whether it was replayed
/// from an earlier run with the same idempotency key.
public struct IdempotentResult<Value: Sendable>: Sendable {
    /// The operation's result (the stored one on a replay).
    public let value: Value
    /// `true` when the operation did not run because an earlier request with the same key
    /// and fingerprint completed it.
    public let isReplay: Bool

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - value: The operation's result.
    ///   - isReplay: Whether it was replayed.
    public init(value: Value, isReplay: Bool) {
        self.value = value
        self.isReplay = isReplay
    }
}

extension IdempotentResult: Equatable where Value: Equatable {}
