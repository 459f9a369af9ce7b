import CXKitCore

/// When a customer's recent returns route new requests to manual review. Never blocks
/// silently: the triggering figures are recorded as the review reason.
public struct SerialReturnerRule: Hashable, Sendable, Codable {
    /// The look-back window in days.
    public let windowDays: Int
    /// Requests in the window at or above which review is required.
    public let maximumRequests: Int
    /// Refunded value in the window at or above which review is required, if any.
    public let maximumRefundedValue: Money?
    /// The customer's return rate in the window — requests (including the new one) ÷
    /// orders — at or above which review is required, if any (for example `0.5`).
    public let maximumReturnRate: Double?

    /// Creates a rule.
    ///
    /// - Parameters:
    ///   - windowDays: The look-back window in days.
    ///   - maximumRequests: The request count that triggers review.
    ///   - maximumRefundedValue: The refunded value that triggers review, if any.
    ///   - maximumReturnRate: The requests-per-order rate that triggers review, if any.
    public init(
        windowDays: Int, maximumRequests: Int, maximumRefundedValue: Money? = nil,
        maximumReturnRate: Double? = nil
    ) {
        self.windowDays = windowDays
        self.maximumRequests = maximumRequests
        self.maximumRefundedValue = maximumRefundedValue
        self.maximumReturnRate = maximumReturnRate
    }
}
