/// One reason a line (or quantity) cannot be returned, with a personal-data-free
/// explanation hosts can show or localise by ``code``.
public struct EligibilityFailure: Hashable, Sendable, Codable {
    /// Why a line is not eligible.
    public enum Code: String, Hashable, Sendable, Codable, CaseIterable {
        /// The return window has closed.
        case windowClosed
        /// The product class can never be returned.
        case nonReturnableClass
        /// A policy exclusion matches the line.
        case excluded
        /// The line was sold as final sale.
        case finalSale
        /// No unit has been delivered yet.
        case notDelivered
        /// The requested quantity is zero or negative.
        case quantityNotPositive
        /// More units were asked for than remain returnable.
        case quantityExceedsReturnable
    }

    /// Why.
    public let code: Code
    /// A readable explanation (`"the 30-day window from delivery closed on 2026-02-04"`).
    public let explanation: String
    /// The policy clause that decided it (`"exclusions[0]"`), if any.
    public let clause: String?

    /// Creates a failure.
    ///
    /// - Parameters:
    ///   - code: Why.
    ///   - explanation: A readable explanation.
    ///   - clause: The deciding policy clause, if any.
    public init(code: Code, explanation: String, clause: String? = nil) {
        self.code = code
        self.explanation = explanation
        self.clause = clause
    }
}
