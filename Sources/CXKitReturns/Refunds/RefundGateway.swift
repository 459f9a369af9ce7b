/// The port to the payment provider (refunds to the original payment method) and the
/// host's store-credit ledger.
///
/// ``InMemoryRefundGateway`` is the reference. Implementations must be idempotent per
/// ``RefundAttemptRequest/idempotencyKey``.
public protocol RefundGateway: Sendable {
    /// Sends one refund attempt.
    ///
    /// - Parameter attempt: The attempt.
    /// - Returns: The answer.
    /// - Throws: Any error when the outcome is unknown (timeout, network). The refund then
    ///   stays `processing` and a retry re-sends the *same* attempt and key, which the
    ///   gateway deduplicates.
    func submit(_ attempt: RefundAttemptRequest) async throws -> RefundGatewayOutcome
}
