import CXKitCore

/// One attempt to pay a refund out, as sent to the ``RefundGateway``.
///
/// Every attempt has its own idempotency key (`"<refund id>-<attempt>"`): a gateway that
/// sees the same key again must return the first outcome without paying twice. A new
/// attempt (after an explicit failure) gets a new key.
public struct RefundAttemptRequest: Hashable, Sendable, Codable {
    /// The tenant.
    public let tenant: TenantID
    /// The refund.
    public let refund: RefundID
    /// The order being refunded.
    public let order: OrderID
    /// The customer.
    public let customer: CustomerID
    /// The amount.
    public let amount: Money
    /// Where the money goes: the original payment method or store credit.
    public let method: ReturnResolution
    /// The attempt number, from 1.
    public let attempt: Int
    /// The attempt's idempotency key.
    public let idempotencyKey: String

    /// Creates an attempt.
    ///
    /// - Parameters:
    ///   - tenant: The tenant.
    ///   - refund: The refund.
    ///   - order: The order.
    ///   - customer: The customer.
    ///   - amount: The amount.
    ///   - method: Original payment or store credit.
    ///   - attempt: The attempt number.
    ///   - idempotencyKey: The attempt's key.
    public init(
        tenant: TenantID, refund: RefundID, order: OrderID, customer: CustomerID, amount: Money,
        method: ReturnResolution, attempt: Int, idempotencyKey: String
    ) {
        self.tenant = tenant
        self.refund = refund
        self.order = order
        self.customer = customer
        self.amount = amount
        self.method = method
        self.attempt = attempt
        self.idempotencyKey = idempotencyKey
    }
}
