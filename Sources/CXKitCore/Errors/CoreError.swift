/// An error raised by CXKitCore: validation of core values (tenants, money, rules,
/// calendars, queries), storage and delivery ports, idempotency and access control.
///
/// `description` is safe to log: it names codes, fields, record types and identifiers,
/// never the values a person typed.
public struct CoreError: FieldReportingError, Equatable {
    /// What went wrong.
    public let code: ErrorCode
    /// The offending input field for validation failures.
    public let field: String?
    /// A short, personal-data-free explanation.
    public let reason: String
    /// The record type involved, for storage errors (`"returns.request"`).
    public let recordType: String?
    /// The record involved, for storage errors.
    public let recordID: Identifier?
    /// The record's version in the store, for version conflicts; `nil` when it is absent.
    public let currentVersion: UInt64?

    /// Makes an error with a code, field and reason and no other detail.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - field: The offending input field, if any.
    ///   - reason: Why, without personal data.
    /// - Returns: The error.
    public static func make(code: ErrorCode, field: String?, reason: String) -> CoreError {
        CoreError(code: code, field: field, reason: reason)
    }

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - field: The offending input field, if any.
    ///   - reason: A personal-data-free explanation.
    ///   - recordType: The record type involved, if any.
    ///   - recordID: The record involved, if any.
    ///   - currentVersion: The stored version for conflicts.
    public init(
        code: ErrorCode, field: String? = nil, reason: String, recordType: String? = nil,
        recordID: Identifier? = nil, currentVersion: UInt64? = nil
    ) {
        self.code = code
        self.field = field
        self.reason = reason
        self.recordType = recordType
        self.recordID = recordID
        self.currentVersion = currentVersion
    }

    /// A readable, personal-data-free summary such as
    /// `versionConflict: returns.request 0190… is at version 4 (expected 3)`.
    public var description: String {
        var text = code.rawValue
        if let field { text += " [\(field)]" }
        if let recordType {
            text += " \(recordType)"
            if let recordID { text += " \(recordID.uuidString)" }
        }
        text += ": " + reason
        return text
    }
}
