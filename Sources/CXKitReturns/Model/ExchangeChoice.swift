import CXKitCore

/// What a customer wants instead of a returned item: another variant of the same product
/// or another product, at its current unit price.
public struct ExchangeChoice: Hashable, Sendable, Codable {
    /// The replacement product.
    public let product: ProductID
    /// The replacement variant.
    public let variant: VariantID
    /// The replacement's unit price (tax included), in the order's currency.
    public let unitPrice: Money

    /// Creates a choice.
    ///
    /// - Parameters:
    ///   - product: The replacement product.
    ///   - variant: The replacement variant.
    ///   - unitPrice: Its unit price.
    public init(product: ProductID, variant: VariantID, unitPrice: Money) {
        self.product = product
        self.variant = variant
        self.unitPrice = unitPrice
    }
}
