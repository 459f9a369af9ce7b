import CXKitCore

/// Who pays what on a return.
public struct ReturnFees: Hashable, Sendable, Codable {
    /// Restocking fee in basis points of each unit's net price (0 … 10 000), not charged
    /// when the shop is at fault.
    public let restockingFeeBasisPoints: Int
    /// Who pays return shipping.
    public let returnShippingPaidBy: ReturnShippingPayer
    /// What the customer pays for return shipping, once per request, when they pay it.
    public let returnShippingFee: Money?
    /// Orders whose goods total reaches this amount return for free.
    public let freeReturnsAbove: Money?
    /// When outbound shipping is refunded.
    public let outboundShipping: OutboundShippingRefund

    /// Creates fees.
    ///
    /// - Parameters:
    ///   - restockingFeeBasisPoints: Restocking fee in basis points; defaults to 0.
    ///   - returnShippingPaidBy: Who pays return shipping; defaults to the shop.
    ///   - returnShippingFee: The customer's fee when they pay.
    ///   - freeReturnsAbove: The goods total above which returns are free.
    ///   - outboundShipping: When outbound shipping is refunded; defaults to when the shop
    ///     is at fault.
    public init(
        restockingFeeBasisPoints: Int = 0, returnShippingPaidBy: ReturnShippingPayer = .shop,
        returnShippingFee: Money? = nil, freeReturnsAbove: Money? = nil,
        outboundShipping: OutboundShippingRefund = .whenShopAtFault
    ) {
        self.restockingFeeBasisPoints = restockingFeeBasisPoints
        self.returnShippingPaidBy = returnShippingPaidBy
        self.returnShippingFee = returnShippingFee
        self.freeReturnsAbove = freeReturnsAbove
        self.outboundShipping = outboundShipping
    }
}
