import Foundation

/// Where an outbox entry stands.
public enum OutboxStatus: String, Hashable, Sendable, Codable {
    /// Waiting for (re)delivery.
    case pending
    /// Given up on after too many failed attempts; waits for a redrive.
    case deadLettered
}

/// An event in the outbox with its delivery bookkeeping.
public struct OutboxEntry: Sendable {
    /// The event.
    public let event: EventEnvelope
    /// Its position in global commit order (strictly increasing, assigned by the store).
    public let sequence: UInt64
    /// Where it stands.
    public var status: OutboxStatus
    /// How many delivery attempts have failed so far.
    public var attempts: Int
    /// The earliest instant the next attempt may start.
    public var nextAttemptAt: Date
    /// The last delivery error, without personal data.
    public var lastError: String?
    /// The names of the sinks that already accepted the event; retries skip them.
    public var deliveredSinks: Set<String>

    /// Creates an entry.
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - sequence: Its position in commit order.
    ///   - status: Where it stands.
    ///   - attempts: Failed attempts so far.
    ///   - nextAttemptAt: The earliest next attempt.
    ///   - lastError: The last delivery error.
    ///   - deliveredSinks: Sinks that already accepted it.
    public init(
        event: EventEnvelope, sequence: UInt64, status: OutboxStatus = .pending, attempts: Int = 0,
        nextAttemptAt: Date, lastError: String? = nil, deliveredSinks: Set<String> = []
    ) {
        self.event = event
        self.sequence = sequence
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.deliveredSinks = deliveredSinks
    }
}

/// A failed delivery attempt reported back to the store.
public struct OutboxFailure: Sendable {
    /// What went wrong, without personal data.
    public let error: String
    /// The sinks that accepted the event during this attempt (kept so retries skip them).
    public let deliveredSinks: Set<String>
    /// When to try again; `nil` dead-letters the entry.
    public let retryAt: Date?

    /// Creates a failure report.
    ///
    /// - Parameters:
    ///   - error: What went wrong.
    ///   - deliveredSinks: The sinks that accepted the event.
    ///   - retryAt: When to retry, or `nil` to dead-letter.
    public init(error: String, deliveredSinks: Set<String>, retryAt: Date?) {
        self.error = error
        self.deliveredSinks = deliveredSinks
        self.retryAt = retryAt
    }
}
