import CXKitCore

/// An error raised by CXKitMetrics: invalid observations (scores outside their scale,
/// non-finite values, negative durations), unknown scales and time zones, configuration
/// out of range, cardinality caps and storage failures while recording rollups.
///
/// `description` is safe to log: it names codes, fields and metric kinds, never the values
/// a person typed.
public struct MetricsError: FieldReportingError, Equatable {
    /// What went wrong.
    public let code: ErrorCode
    /// The offending input field for validation failures (`"score"`, `"dimensions[2].value"`).
    public let field: String?
    /// A short, personal-data-free explanation.
    public let reason: String

    /// Makes an error with a code, field and reason and no other detail.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - field: The offending input field, if any.
    ///   - reason: Why, without personal data.
    /// - Returns: The error.
    public static func make(code: ErrorCode, field: String?, reason: String) -> MetricsError {
        MetricsError(code: code, field: field, reason: reason)
    }

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

    /// A readable, personal-data-free summary such as
    /// `validationFailed [score]: must lie within the scale 0...10`.
    public var description: String {
        var text = code.rawValue
        if let field { text += " [\(field)]" }
        return text + ": " + reason
    }
}
