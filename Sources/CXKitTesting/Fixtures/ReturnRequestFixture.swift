import CXKitCore
import CXKitReturns
import Foundation

/// A customer's seeded return request for a delivered fixture order: which lines, how
/// many units and why, and when the customer asks.
///
/// Submit ``draft`` to `ReturnsService.submit(_:idempotencyKey:by:)` as the customer at
/// ``requestedAt``; ``idempotencyKey`` is a stable client key for that submission.
public struct ReturnRequestFixture: Hashable, Sendable, Codable {
    /// The order being returned from.
    public let order: OrderID
    /// The customer who placed the order and asks for the return.
    public let customer: CustomerID
    /// When the customer asks: one to five days after the order's delivery.
    public let requestedAt: Date
    /// The request as the customer submits it: lines, quantities, reasons, evidence.
    public let draft: ReturnDraft
    /// A stable client idempotency key for submitting ``draft``.
    public let idempotencyKey: String

    /// Creates a request fixture.
    ///
    /// - Parameters:
    ///   - order: The order.
    ///   - customer: The customer.
    ///   - requestedAt: When the customer asks.
    ///   - draft: The request.
    ///   - idempotencyKey: The client key for submitting it.
    public init(
        order: OrderID, customer: CustomerID, requestedAt: Date, draft: ReturnDraft, idempotencyKey: String
    ) {
        self.order = order
        self.customer = customer
        self.requestedAt = requestedAt
        self.draft = draft
        self.idempotencyKey = idempotencyKey
    }

    /// How many units the request returns.
    public var unitCount: Int { draft.items.reduce(0) { $0 + $1.quantity } }
}
