import CXKitCore

/// The money terms of a policy that a refund computation needs.
public struct RefundTerms: Hashable, Sendable, Codable {
    /// Restocking fee in basis points of a unit's net price (not charged when the shop is at fault).
    public let restockingFeeBasisPoints: Int
    /// When outbound shipping is refunded.
    public let outboundShipping: OutboundShippingRefund
    /// The return shipping fee charged to the customer once per request, if any (not
    /// charged when the shop is at fault).
    public let returnShippingFee: Money?

    /// Creates terms.
    ///
    /// - Parameters:
    ///   - restockingFeeBasisPoints: Restocking fee in basis points.
    ///   - outboundShipping: When outbound shipping is refunded.
    ///   - returnShippingFee: The per-request return shipping fee, if any.
    public init(
        restockingFeeBasisPoints: Int = 0, outboundShipping: OutboundShippingRefund = .never,
        returnShippingFee: Money? = nil
    ) {
        self.restockingFeeBasisPoints = restockingFeeBasisPoints
        self.outboundShipping = outboundShipping
        self.returnShippingFee = returnShippingFee
    }
}
