/// The shape every CXKit module error shares: a stable ``ErrorCode``, the field and reason
/// for validation failures, and a `description` that never contains personal data.
///
/// Each module has one error struct conforming to this protocol (``CoreError``,
/// `ReturnsError`, `MetricsError` …) so callers can handle any module's error through the
/// protocol and match codes with `catch ErrorCode.notFound`.
public protocol CXKitError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    var code: ErrorCode { get }
    /// For validation failures, the path of the offending input field
    /// (`"lines[2].quantity"`); `nil` otherwise.
    var field: String? { get }
    /// A short, personal-data-free explanation (`"must be between 1 and 99"`).
    var reason: String { get }
}

extension ErrorCode {
    /// Matches any ``CXKitError`` carrying this code, for use in `catch` patterns.
    ///
    /// - Parameters:
    ///   - code: The code to look for.
    ///   - error: The thrown error.
    /// - Returns: `true` when `error` is a ``CXKitError`` with that code.
    public static func ~= (code: ErrorCode, error: any Error) -> Bool {
        (error as? any CXKitError)?.code == code
    }
}

/// A ``CXKitError`` that can be built from a code, a field and a reason: what the shared
/// ``validation(field:reason:)`` and ``limit(field:reason:)`` factories need. Every
/// module's error adopts it, so the factories exist once.
public protocol FieldReportingError: CXKitError {
    /// Makes an error with a code, the offending field (if any) and a personal-data-free
    /// reason, every other detail left empty.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - field: The offending input field, if any.
    ///   - reason: Why, without personal data.
    /// - Returns: The error.
    static func make(code: ErrorCode, field: String?, reason: String) -> Self
}

extension FieldReportingError {
    /// A validation failure naming the field and why it was rejected.
    ///
    /// - Parameters:
    ///   - field: The offending input field (`"items[1].quantity"`, `"weights[3]"`).
    ///   - reason: Why it was rejected.
    /// - Returns: An error with code ``ErrorCode/validationFailed``.
    public static func validation(field: String, reason: String) -> Self {
        make(code: .validationFailed, field: field, reason: reason)
    }

    /// A configured limit was exceeded by an input field.
    ///
    /// - Parameters:
    ///   - field: The offending input field.
    ///   - reason: Which limit, e.g. `"must be at most 512 characters"`.
    /// - Returns: An error with code ``ErrorCode/limitExceeded``.
    public static func limit(field: String, reason: String) -> Self {
        make(code: .limitExceeded, field: field, reason: reason)
    }
}
