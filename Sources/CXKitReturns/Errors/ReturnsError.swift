import CXKitCore

/// An error raised by CXKitReturns: bad input, refused transitions, eligibility and refund
/// limits, storage and port failures.
///
/// `description` is safe to log: it names codes, fields, states, record types and
/// identifiers, never the values a person typed.
public struct ReturnsError: FieldReportingError, Equatable {
    /// What went wrong.
    public let code: ErrorCode
    /// The offending input field for validation failures.
    public let field: String?
    /// A short, personal-data-free explanation.
    public let reason: String
    /// The record type involved, for storage errors (`"returns.request"`).
    public let recordType: String?
    /// The record involved, for storage and transition errors.
    public let recordID: Identifier?
    /// For refused transitions, the state the machine was in (`"inTransit"`).
    public let currentState: String?
    /// For refused transitions, the state the command asked for (`"cancelled"`).
    public let requestedState: String?

    /// Makes an error with a code, field and reason and no other detail.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - field: The offending input field, if any.
    ///   - reason: Why, without personal data.
    /// - Returns: The error.
    public static func make(code: ErrorCode, field: String?, reason: String) -> ReturnsError {
        ReturnsError(code: code, field: field, reason: reason)
    }

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - field: The offending input field, if any.
    ///   - reason: A personal-data-free explanation.
    ///   - recordType: The record type involved, if any.
    ///   - recordID: The record involved, if any.
    ///   - currentState: The state a refused transition started from.
    ///   - requestedState: The state a refused transition asked for.
    public init(
        code: ErrorCode, field: String? = nil, reason: String, recordType: String? = nil,
        recordID: Identifier? = nil, currentState: String? = nil, requestedState: String? = nil
    ) {
        self.code = code
        self.field = field
        self.reason = reason
        self.recordType = recordType
        self.recordID = recordID
        self.currentState = currentState
        self.requestedState = requestedState
    }

    /// A state machine refused a transition; both states are named.
    ///
    /// - Parameters:
    ///   - machine: The machine's name (`"request"`, `"refund"` …).
    ///   - from: The current state.
    ///   - to: The state the command asked for.
    ///   - detail: Why it is refused, when more than "not allowed" can be said.
    /// - Returns: The error.
    public static func invalidTransition(
        machine: String, from: String, to: String, detail: String? = nil
    ) -> ReturnsError {
        var reason = "\(machine) cannot move from \(from) to \(to)"
        if let detail { reason += ": " + detail }
        return ReturnsError(
            code: .invalidTransition, reason: reason, currentState: from, requestedState: to)
    }

    /// A record does not exist in the tenant (or is not visible to the principal).
    ///
    /// - Parameters:
    ///   - recordType: The record type looked for.
    ///   - id: Its identifier.
    ///   - field: The input field that named it, if any.
    /// - Returns: The error.
    public static func notFound(recordType: String, id: Identifier?, field: String? = nil) -> ReturnsError {
        ReturnsError(
            code: .notFound, field: field, reason: "no such record", recordType: recordType, recordID: id)
    }

    /// The principal may not perform the operation.
    ///
    /// - Parameter operation: The operation's stable name.
    /// - Returns: The error.
    public static func permissionDenied(_ operation: String) -> ReturnsError {
        ReturnsError(code: .permissionDenied, reason: "not allowed to perform \(operation)")
    }

    /// Wraps an error from the core (money, rules, storage …) keeping its code and field.
    ///
    /// - Parameter error: The error to wrap.
    /// - Returns: The error as a ``ReturnsError``.
    public static func wrapping(_ error: any Error) -> ReturnsError {
        if let returns = error as? ReturnsError { return returns }
        if let core = error as? CoreError {
            return ReturnsError(
                code: core.code, field: core.field, reason: core.reason, recordType: core.recordType,
                recordID: core.recordID)
        }
        if error is CancellationError {
            return ReturnsError(code: .cancelled, reason: "the operation was cancelled")
        }
        if let other = error as? any CXKitError {
            return ReturnsError(code: other.code, field: other.field, reason: other.reason)
        }
        return ReturnsError(code: .dependencyFailure, reason: "an underlying operation failed")
    }

    /// A readable, personal-data-free summary such as
    /// `invalidTransition: request cannot move from inTransit to cancelled`.
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

extension ErrorCode {
    /// A line or quantity is not eligible for return under the pinned policy.
    public static let returnNotEligible: ErrorCode = "returns.notEligible"
    /// A refund or settlement would exceed what is still refundable.
    public static let refundExceedsRefundable: ErrorCode = "returns.refundExceedsRefundable"
    /// A policy contains contradictory clauses and was rejected when built.
    public static let contradictoryPolicy: ErrorCode = "returns.contradictoryPolicy"
}
