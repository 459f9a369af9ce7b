/// The category of a fixture product. Return policies typically treat them differently
/// (hygiene items and personalised goods are often non-returnable once opened or made).
public enum ProductCategory: String, Hashable, Sendable, Codable, CaseIterable {
    /// Clothing and shoes; comes in sizes.
    case apparel
    /// Devices and accessories; some come in colours.
    case electronics
    /// Cosmetics and hygiene products.
    case cosmetics
    /// Food and drink.
    case food
    /// Home and kitchen goods.
    case home
    /// Books.
    case books
    /// Goods made to the customer's order (engraved, printed).
    case personalised
}
