/// When the outbound shipping the customer paid is refunded with returned units.
public enum OutboundShippingRefund: String, Hashable, Sendable, Codable, CaseIterable {
    /// Never.
    case never
    /// Only for units returned because of the shop's fault (damaged, wrong item).
    case whenShopAtFault
    /// Always, in proportion to the units returned.
    case always
}
