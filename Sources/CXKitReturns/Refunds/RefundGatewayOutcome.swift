/// What the payment side answered for a refund attempt.
public enum RefundGatewayOutcome: Hashable, Sendable, Codable {
    /// The money was sent; `reference` is the payment side's transaction reference.
    case succeeded(reference: String)
    /// The attempt was refused (`code` such as `"card_expired"`); a retry needs a new attempt.
    case failed(code: String, isRetryable: Bool)
}
