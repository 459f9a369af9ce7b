import Foundation

/// The scope an idempotency key lives in: the same key sent by another principal or for
/// another operation is a different key. The tenant is given separately to every call.
public struct IdempotencyScope: Hashable, Sendable, Codable {
    /// The principal who sent the request.
    public let principal: Identifier
    /// The operation's stable name (`"returns.submit"`).
    public let operation: String
    /// The client-chosen key (1 to 255 characters).
    public let key: String

    /// Creates a scope.
    ///
    /// - Parameters:
    ///   - principal: The requesting principal's identity.
    ///   - operation: The operation's stable name.
    ///   - key: The client-chosen key.
    public init(principal: Identifier, operation: String, key: String) {
        self.principal = principal
        self.operation = operation
        self.key = key
    }
}

/// What the store knows about an idempotency key.
public struct IdempotencyRecord: Sendable {
    /// Where the request stands.
    public enum State: Sendable {
        /// A request holds the key until `leaseExpiresAt`; a duplicate is refused.
        case inProgress(leaseExpiresAt: Date)
        /// The request finished; replays return `result`.
        case completed(result: Payload)
    }

    /// The key.
    public let scope: IdempotencyScope
    /// A hash of the original request; a replay with another fingerprint is refused.
    public let fingerprint: String
    /// Where the request stands.
    public let state: State
    /// When the key was first claimed.
    public let createdAt: Date
    /// When the record may be forgotten (a request after that runs anew).
    public let expiresAt: Date

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - scope: The key.
    ///   - fingerprint: The request hash.
    ///   - state: Where the request stands.
    ///   - createdAt: When the key was first claimed.
    ///   - expiresAt: When the record may be forgotten.
    public init(
        scope: IdempotencyScope, fingerprint: String, state: State, createdAt: Date, expiresAt: Date
    ) {
        self.scope = scope
        self.fingerprint = fingerprint
        self.state = state
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// The answer to ``RecordStore/claimIdempotencyKey(_:fingerprint:in:now:leaseUntil:expiresAt:)``.
public enum IdempotencyClaim: Sendable {
    /// The caller now holds the key and must complete it in its commit or release it.
    case acquired
    /// The key is already known (in progress or completed); the caller must not run the
    /// operation.
    case existing(IdempotencyRecord)
}
