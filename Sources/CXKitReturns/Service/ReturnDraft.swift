import CXKitCore

/// What a customer (or an agent on their behalf) asks to return.
public struct ReturnDraft: Hashable, Sendable, Codable {
    /// The order.
    public var order: OrderID
    /// The items, one per line.
    public var items: [ReturnDraftItem]
    /// The resolution wanted.
    public var resolution: ReturnResolution
    /// Whether replacements should ship before the return arrives (exchanges only, when
    /// the policy allows it).
    public var instantExchange: Bool

    /// Creates a draft.
    ///
    /// - Parameters:
    ///   - order: The order.
    ///   - items: The items.
    ///   - resolution: The resolution wanted; defaults to a refund to the original payment.
    ///   - instantExchange: Whether to ship replacements first.
    public init(
        order: OrderID, items: [ReturnDraftItem], resolution: ReturnResolution = .refundToOriginalPayment,
        instantExchange: Bool = false
    ) {
        self.order = order
        self.items = items
        self.resolution = resolution
        self.instantExchange = instantExchange
    }
}
