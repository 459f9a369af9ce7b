/// One node of a return reason taxonomy: a parent groups reasons, a leaf is what a
/// customer picks (`"damaged"` under `"quality"`).
public struct ReturnReason: Hashable, Sendable, Codable {
    /// The stable code (`"damaged"`): 1 to 64 characters from `a–z 0–9 - _ .`.
    public let code: String
    /// The text shown to people (hosts localise by code).
    public let title: String
    /// The parent's code, or `nil` for a top-level reason.
    public let parent: String?
    /// Whether the shop is at fault (damaged, wrong item): return shipping and outbound
    /// shipping are refunded when the policy says so, and no restocking fee applies.
    public let isShopFault: Bool
    /// Whether the customer must attach evidence (photo references) to use it.
    public let requiresEvidence: Bool

    /// Creates a reason.
    ///
    /// - Parameters:
    ///   - code: The stable code.
    ///   - title: The display text.
    ///   - parent: The parent's code, if any.
    ///   - isShopFault: Whether the shop is at fault.
    ///   - requiresEvidence: Whether evidence is required.
    public init(
        code: String, title: String, parent: String? = nil, isShopFault: Bool = false,
        requiresEvidence: Bool = false
    ) {
        self.code = code
        self.title = title
        self.parent = parent
        self.isShopFault = isShopFault
        self.requiresEvidence = requiresEvidence
    }
}
