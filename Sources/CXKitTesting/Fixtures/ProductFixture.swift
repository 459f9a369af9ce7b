import CXKitCore

/// A product of a fixture catalogue.
///
/// Prices are tax-inclusive integer minor units (kuruş for TRY) with a three-letter
/// currency code; the tax rate is in basis points (2000 = 20 %).
public struct ProductFixture: Hashable, Sendable, Codable, Identifiable {
    /// A purchasable variant of a product (a size or a colour).
    public struct Variant: Hashable, Sendable, Codable, Identifiable {
        /// The variant's identifier.
        public let id: VariantID
        /// What distinguishes it (`"M"`, `"Siyah"`).
        public let label: String

        /// Creates a variant.
        ///
        /// - Parameters:
        ///   - id: The identifier.
        ///   - label: What distinguishes it.
        public init(id: VariantID, label: String) {
            self.id = id
            self.label = label
        }
    }

    /// The product's identifier.
    public let id: ProductID
    /// The display name (`"Lacivert Pamuklu Tişört"`).
    public let name: String
    /// The category.
    public let category: ProductCategory
    /// The tax-inclusive unit price in minor units.
    public let unitPriceMinorUnits: Int64
    /// The ISO 4217 currency code.
    public let currency: String
    /// The tax rate in basis points (2000 = 20 %).
    public let taxRateBasisPoints: Int
    /// The variants; empty for products sold without one.
    public let variants: [Variant]

    /// Creates a product.
    ///
    /// - Parameters:
    ///   - id: The identifier.
    ///   - name: The display name.
    ///   - category: The category.
    ///   - unitPriceMinorUnits: The tax-inclusive unit price in minor units.
    ///   - currency: The ISO 4217 currency code.
    ///   - taxRateBasisPoints: The tax rate in basis points.
    ///   - variants: The variants.
    public init(
        id: ProductID, name: String, category: ProductCategory, unitPriceMinorUnits: Int64, currency: String,
        taxRateBasisPoints: Int, variants: [Variant]
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.unitPriceMinorUnits = unitPriceMinorUnits
        self.currency = currency
        self.taxRateBasisPoints = taxRateBasisPoints
        self.variants = variants
    }
}
