import CXKitCore

/// An error raised by CXKitMetrics: invalid observations (scores outside their scale,
/// non-finite values, negative durations), unknown scales and time zones, configuration
/// out of range, cardinality caps and storage failures while recording rollups.
///
/// `description` is safe to log: it names codes, fields and metric kinds, never the values
/// a person typed.
public struct MetricsError: CXKitError, Equatable {
    /// What went wrong.
    public let code: ErrorCode
    /// The offending input field for validation failures (`"score"`, `"dimensions[2].value"`).
    public let field: String?
    /// A short, personal-data-free explanation.
    public let reason: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - field: The offending input field, if any.
    ///   - reason: A personal-data-free explanation.
    public init(code: ErrorCode, field: String? = nil, reason: String) {
        self.code = code
        self.field = field
        self.reason = reason
    }

    /// A validation failure naming the field and why it was rejected.
    ///
    /// - Parameters:
    ///   - field: The offending input field.
    ///   - reason: Why it was rejected.
    /// - Returns: An error with code `ErrorCode.validationFailed`.
    public static func validation(field: String, reason: String) -> MetricsError {
        MetricsError(code: .validationFailed, field: field, reason: reason)
    }

    /// A configured limit was exceeded by an input field.
    ///
    /// - Parameters:
    ///   - field: The offending input field.
    ///   - reason: Which limit was exceeded.
    /// - Returns: An error with code `ErrorCode.limitExceeded`.
    public static func limit(field: String, reason: String) -> MetricsError {
        MetricsError(code: .limitExceeded, field: field, reason: reason)
    }

    /// A readable, personal-data-free summary such as
    /// `validationFailed [score]: must lie within the scale 0...10`.
    public var description: String {
        var text = code.rawValue
        if let field { text += " [\(field)]" }
        return text + ": " + reason
    }
}
