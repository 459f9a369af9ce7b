/// Who pays for return shipping.
public enum ReturnShippingPayer: String, Hashable, Sendable, Codable, CaseIterable {
    /// The customer; the policy's return shipping fee is deducted from the refund.
    case customer
    /// The shop (free returns).
    case shop
}
