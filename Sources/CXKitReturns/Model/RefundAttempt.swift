import Foundation

/// One attempt of a refund, with its own idempotency key.
public struct RefundAttempt: Hashable, Sendable, Codable {
    /// The attempt number, from 1.
    public let number: Int
    /// Its idempotency key.
    public let idempotencyKey: String
    /// When it was sent.
    public let startedAt: Date
    /// The gateway's answer, once known.
    public var outcome: RefundGatewayOutcome?
    /// When the answer was recorded.
    public var finishedAt: Date?

    /// Creates an attempt.
    ///
    /// - Parameters:
    ///   - number: The attempt number.
    ///   - idempotencyKey: Its key.
    ///   - startedAt: When it was sent.
    public init(number: Int, idempotencyKey: String, startedAt: Date) {
        self.number = number
        self.idempotencyKey = idempotencyKey
        self.startedAt = startedAt
        self.outcome = nil
        self.finishedAt = nil
    }
}
