import CXKitCore

/// The attributes return policy rules may test.
///
/// Line rules (windows, exclusions): `line.category` (string), `line.tags`
/// (list of strings), `line.productClass` (string), `line.unitPrice` (money),
/// `line.finalSale` (boolean), `order.placedAt` and `order.deliveredAt` (dates).
///
/// Request rules (review): `request.total` (money, the quoted refund), `request.units`
/// (integer), `request.reasons` (list of leaf reason codes), `request.hasEvidence`
/// (boolean), `customer.recentRequests` (integer) and `customer.recentRefunds` (money).
public enum ReturnPolicySchema {
    /// The attributes of an order line.
    public static let line: RuleSchema = make([
        AttributeDescriptor("line.category", type: .string, displayName: "Category"),
        AttributeDescriptor("line.tags", type: .list(.string), displayName: "Tags"),
        AttributeDescriptor("line.productClass", type: .string, displayName: "Product class"),
        AttributeDescriptor("line.unitPrice", type: .money, displayName: "Unit price"),
        AttributeDescriptor("line.finalSale", type: .boolean, displayName: "Final sale"),
        AttributeDescriptor("order.placedAt", type: .date, displayName: "Purchase date"),
        AttributeDescriptor("order.deliveredAt", type: .date, displayName: "Delivery date"),
    ])

    /// The attributes of a submitted request.
    public static let request: RuleSchema = make([
        AttributeDescriptor("request.total", type: .money, displayName: "Refund total"),
        AttributeDescriptor("request.units", type: .integer, displayName: "Units"),
        AttributeDescriptor("request.reasons", type: .list(.string), displayName: "Reasons"),
        AttributeDescriptor("request.hasEvidence", type: .boolean, displayName: "Evidence attached"),
        AttributeDescriptor("customer.recentRequests", type: .integer, displayName: "Recent requests"),
        AttributeDescriptor("customer.recentRefunds", type: .money, displayName: "Recent refunds"),
        AttributeDescriptor("customer.recentReturnRate", type: .number, displayName: "Recent return rate"),
    ])

    static let categorySlot = line.slot(for: "line.category")
    static let tagsSlot = line.slot(for: "line.tags")
    static let productClassSlot = line.slot(for: "line.productClass")
    static let unitPriceSlot = line.slot(for: "line.unitPrice")
    static let finalSaleSlot = line.slot(for: "line.finalSale")
    static let placedAtSlot = line.slot(for: "order.placedAt")
    static let deliveredAtSlot = line.slot(for: "order.deliveredAt")

    private static func make(_ attributes: [AttributeDescriptor]) -> RuleSchema {
        do { return try RuleSchema(attributes) } catch {
            // The lists above are constant and valid (tests check every attribute); dropping
            // attributes until the schema builds ends at the empty list, which always builds.
            return make(Array(attributes.dropLast()))
        }
    }
}
