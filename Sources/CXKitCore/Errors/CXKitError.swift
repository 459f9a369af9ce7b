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
