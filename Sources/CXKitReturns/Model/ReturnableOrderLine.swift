import CXKitCore

/// One line of an order as the returns module sees it: what was bought, delivered and
/// paid, and the product facts policies test.
public struct ReturnableOrderLine: Hashable, Sendable, Codable {
    /// The line's identity.
    public let id: OrderLineID
    /// The product.
    public let product: ProductID
    /// The variant bought, if the product has variants.
    public let variant: VariantID?
    /// The product's category (`"shoes"`), tested by window rules.
    public let category: String
    /// The product's tags (`"sale"`, `"personalised"`), tested by rules.
    public let tags: [String]
    /// The product's class for non-returnable exceptions (`"hygiene"`, `"food"`), if any.
    public let productClass: String?
    /// Units ordered.
    public let quantity: Int
    /// Units delivered so far.
    public let deliveredQuantity: Int
    /// The price of one unit before discounts and tax.
    public let unitPrice: Money
    /// The line-level discount over all units.
    public let lineDiscount: Money
    /// The tax charged on the whole line.
    public let tax: Money
    /// Whether the line was sold as final sale.
    public let isFinalSale: Bool

    /// Creates a line.
    ///
    /// - Parameters:
    ///   - id: The line's identity.
    ///   - product: The product.
    ///   - variant: The variant, if any.
    ///   - category: The category.
    ///   - tags: The tags.
    ///   - productClass: The class for non-returnable exceptions, if any.
    ///   - quantity: Units ordered.
    ///   - deliveredQuantity: Units delivered; defaults to `quantity`.
    ///   - unitPrice: Price of one unit before discounts and tax.
    ///   - lineDiscount: Discount over the whole line; defaults to zero.
    ///   - tax: Tax over the whole line; defaults to zero.
    ///   - isFinalSale: Whether sold as final sale.
    public init(
        id: OrderLineID, product: ProductID, variant: VariantID? = nil, category: String, tags: [String] = [],
        productClass: String? = nil, quantity: Int, deliveredQuantity: Int? = nil, unitPrice: Money,
        lineDiscount: Money? = nil, tax: Money? = nil, isFinalSale: Bool = false
    ) {
        self.id = id
        self.product = product
        self.variant = variant
        self.category = category
        self.tags = tags
        self.productClass = productClass
        self.quantity = quantity
        self.deliveredQuantity = deliveredQuantity ?? quantity
        self.unitPrice = unitPrice
        self.lineDiscount = lineDiscount ?? .zero(unitPrice.currency)
        self.tax = tax ?? .zero(unitPrice.currency)
        self.isFinalSale = isFinalSale
    }
}
