/// What went wrong, as a stable, machine-readable code shared by every CXKit module.
///
/// Front-ends switch on the code and write their own localised text. Codes are an open
/// set: modules add their own (`ErrorCode("returns.windowClosed")`) next to these.
/// Match them in `catch` clauses with `~=`:
///
/// ```swift
/// do { try await returns.approve(request, by: agent) }
/// catch ErrorCode.invalidTransition { … }
/// ```
public struct ErrorCode: Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The code's stable name, e.g. `"versionConflict"`.
    public let rawValue: String

    /// Creates a code from its stable name.
    ///
    /// - Parameter rawValue: The name; by convention lower camel case, namespaced by module
    ///   for module-specific codes (`"returns.windowClosed"`).
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Creates a code from a string literal.
    ///
    /// - Parameter value: The code's name.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The code's name.
    public var description: String { rawValue }

    /// Creates a code from its encoded name.
    ///
    /// - Throws: `DecodingError` when the value is not a string.
    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the code as its name.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The record, event or key does not exist (or is not visible to this tenant).
    public static let notFound: ErrorCode = "notFound"
    /// A record with the same identity already exists.
    public static let alreadyExists: ErrorCode = "alreadyExists"
    /// A state machine was asked for a transition its current state does not allow.
    public static let invalidTransition: ErrorCode = "invalidTransition"
    /// Input failed validation; ``CXKitError/field`` names the offending field.
    public static let validationFailed: ErrorCode = "validationFailed"
    /// The record changed since it was read (optimistic concurrency).
    public static let versionConflict: ErrorCode = "versionConflict"
    /// The acting principal may not perform the operation.
    public static let permissionDenied: ErrorCode = "permissionDenied"
    /// An idempotency key was reused with a different request (HTTP 422 semantics).
    public static let idempotencyKeyReused: ErrorCode = "idempotencyKeyReused"
    /// A request with the same idempotency key is still running (HTTP 409 semantics).
    public static let idempotencyKeyInFlight: ErrorCode = "idempotencyKeyInFlight"
    /// The storage backend failed; the change may or may not have been committed.
    public static let storageFailure: ErrorCode = "storageFailure"
    /// A configured limit (size, count, rate, length) was exceeded.
    public static let limitExceeded: ErrorCode = "limitExceeded"
    /// Two amounts in different currencies were combined.
    public static let currencyMismatch: ErrorCode = "currencyMismatch"
    /// An arithmetic result does not fit its type.
    public static let arithmeticOverflow: ErrorCode = "arithmeticOverflow"
    /// The operation was cancelled before it completed; nothing was committed.
    public static let cancelled: ErrorCode = "cancelled"
    /// A port implemented by the host (payments, carriers, sinks …) failed.
    public static let dependencyFailure: ErrorCode = "dependencyFailure"
}
