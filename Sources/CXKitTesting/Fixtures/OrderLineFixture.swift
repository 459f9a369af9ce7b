import CXKitCore

/// One line of a fixture order. All amounts are integer minor units of the order's
/// currency and tax-inclusive:
///
/// - ``grossMinorUnits`` = ``unitPriceMinorUnits`` × ``quantity``
/// - ``totalMinorUnits`` = ``grossMinorUnits`` − ``discountMinorUnits``
/// - ``orderDiscountShareMinorUnits`` is this line's part of the order-level discount
///   (largest-remainder allocation by line total, so the shares sum to the discount)
/// - ``taxMinorUnits`` is the tax contained in ``totalMinorUnits`` −
///   ``orderDiscountShareMinorUnits`` at ``taxRateBasisPoints``, rounded half up.
public struct OrderLineFixture: Hashable, Sendable, Codable, Identifiable {
    /// The line's identifier.
    public let id: OrderLineID
    /// The product.
    public let product: ProductID
    /// The variant bought, for products that have variants.
    public let variant: VariantID?
    /// The product's name at the time of the order.
    public let productName: String
    /// The product's category.
    public let category: ProductCategory
    /// The tax-inclusive unit price.
    public let unitPriceMinorUnits: Int64
    /// How many units were bought (at least 1).
    public let quantity: Int
    /// The tax rate in basis points (2000 = 20 %).
    public let taxRateBasisPoints: Int
    /// The discount given on this line.
    public let discountMinorUnits: Int64
    /// Unit price × quantity.
    public let grossMinorUnits: Int64
    /// Gross minus the line discount.
    public let totalMinorUnits: Int64
    /// This line's share of the order-level discount.
    public let orderDiscountShareMinorUnits: Int64
    /// The tax contained in what the customer paid for this line.
    public let taxMinorUnits: Int64

    /// Creates a line.
    ///
    /// - Parameters:
    ///   - id: The identifier.
    ///   - product: The product.
    ///   - variant: The variant, if any.
    ///   - productName: The product's name.
    ///   - category: The product's category.
    ///   - unitPriceMinorUnits: The unit price.
    ///   - quantity: The quantity.
    ///   - taxRateBasisPoints: The tax rate.
    ///   - discountMinorUnits: The line discount.
    ///   - grossMinorUnits: Unit price × quantity.
    ///   - totalMinorUnits: Gross minus the line discount.
    ///   - orderDiscountShareMinorUnits: The share of the order discount.
    ///   - taxMinorUnits: The contained tax.
    public init(
        id: OrderLineID, product: ProductID, variant: VariantID?, productName: String,
        category: ProductCategory,
        unitPriceMinorUnits: Int64, quantity: Int, taxRateBasisPoints: Int, discountMinorUnits: Int64,
        grossMinorUnits: Int64, totalMinorUnits: Int64, orderDiscountShareMinorUnits: Int64,
        taxMinorUnits: Int64
    ) {
        self.id = id
        self.product = product
        self.variant = variant
        self.productName = productName
        self.category = category
        self.unitPriceMinorUnits = unitPriceMinorUnits
        self.quantity = quantity
        self.taxRateBasisPoints = taxRateBasisPoints
        self.discountMinorUnits = discountMinorUnits
        self.grossMinorUnits = grossMinorUnits
        self.totalMinorUnits = totalMinorUnits
        self.orderDiscountShareMinorUnits = orderDiscountShareMinorUnits
        self.taxMinorUnits = taxMinorUnits
    }
}
