/// How a return is settled.
public enum ReturnResolution: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Money back to the original payment method.
    case refundToOriginalPayment
    /// Credit in the host's store-credit ledger.
    case storeCredit
    /// Another variant or product instead.
    case exchange
    /// Refund without sending the item back (low-value items).
    case keepItem

    /// Orders resolutions by declaration order.
    public static func < (lhs: ReturnResolution, rhs: ReturnResolution) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
