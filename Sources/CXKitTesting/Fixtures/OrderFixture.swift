import CXKitCore
import Foundation

/// A fixture order with its lines. All amounts are integer minor units of ``currency``
/// and tax-inclusive:
///
/// - ``subtotalMinorUnits`` = Σ line ``OrderLineFixture/totalMinorUnits``
/// - ``totalMinorUnits`` = ``subtotalMinorUnits`` − ``discountMinorUnits`` + ``shippingMinorUnits``
/// - ``taxMinorUnits`` = Σ line ``OrderLineFixture/taxMinorUnits`` (shipping is untaxed in
///   fixtures)
public struct OrderFixture: Hashable, Sendable, Codable, Identifiable {
    /// The order's identifier; its timestamp is ``placedAt``.
    public let id: OrderID
    /// The customer who placed it.
    public let customer: CustomerID
    /// When it was placed.
    public let placedAt: Date
    /// When it was delivered; `nil` while in transit or when cancelled.
    public let deliveredAt: Date?
    /// The ISO 4217 currency code.
    public let currency: String
    /// The lines (at least one).
    public let lines: [OrderLineFixture]
    /// The order-level discount (a coupon), never more than the subtotal.
    public let discountMinorUnits: Int64
    /// The shipping fee.
    public let shippingMinorUnits: Int64
    /// The sum of the line totals.
    public let subtotalMinorUnits: Int64
    /// What the customer paid.
    public let totalMinorUnits: Int64
    /// The tax contained in the lines.
    public let taxMinorUnits: Int64

    /// Creates an order.
    ///
    /// - Parameters:
    ///   - id: The identifier.
    ///   - customer: The customer.
    ///   - placedAt: When it was placed.
    ///   - deliveredAt: When it was delivered, if it was.
    ///   - currency: The currency code.
    ///   - lines: The lines.
    ///   - discountMinorUnits: The order-level discount.
    ///   - shippingMinorUnits: The shipping fee.
    ///   - subtotalMinorUnits: The sum of the line totals.
    ///   - totalMinorUnits: What the customer paid.
    ///   - taxMinorUnits: The contained tax.
    public init(
        id: OrderID, customer: CustomerID, placedAt: Date, deliveredAt: Date?, currency: String,
        lines: [OrderLineFixture], discountMinorUnits: Int64, shippingMinorUnits: Int64,
        subtotalMinorUnits: Int64, totalMinorUnits: Int64, taxMinorUnits: Int64
    ) {
        self.id = id
        self.customer = customer
        self.placedAt = placedAt
        self.deliveredAt = deliveredAt
        self.currency = currency
        self.lines = lines
        self.discountMinorUnits = discountMinorUnits
        self.shippingMinorUnits = shippingMinorUnits
        self.subtotalMinorUnits = subtotalMinorUnits
        self.totalMinorUnits = totalMinorUnits
        self.taxMinorUnits = taxMinorUnits
    }

    /// Whether the order has been delivered.
    public var isDelivered: Bool { deliveredAt != nil }
}
