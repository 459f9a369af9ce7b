import CXKitCore
import Foundation

@testable import CXKitReturns

/// Builds orders for returns tests.
enum OrderFactory {
    static let currency = CurrencyCode.turkishLira

    static func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }

    static func lineID(_ n: UInt64) -> OrderLineID { OrderLineID(rawValue: Identifier(high: 0x11, low: n)) }

    /// A two-line order: 2 shirts at 100.00 with 10.00 line discount and 34.20 tax, one
    /// toothbrush (hygiene) at 30.00; 15.00 order discount, 20.00 shipping plus 4.00 tax.
    static func standardOrder(
        id: UInt64 = 1, customer: CustomerID = TestPrincipals.customerID,
        placedAt: Date = TestPrincipals.monday,
        deliveredAt: Date? = TestPrincipals.monday.addingTimeInterval(3 * 86_400)
    ) -> ReturnableOrder {
        ReturnableOrder(
            id: OrderID(rawValue: Identifier(high: 0x0D, low: id)), customer: customer, currency: currency,
            placedAt: placedAt, deliveredAt: deliveredAt,
            lines: [
                ReturnableOrderLine(
                    id: lineID(1), product: ProductID(rawValue: Identifier(high: 0x22, low: 1)),
                    variant: VariantID(rawValue: Identifier(high: 0x33, low: 1)), category: "apparel",
                    tags: ["summer"], quantity: 2, unitPrice: money(10_000), lineDiscount: money(1_000),
                    tax: money(3_420)),
                ReturnableOrderLine(
                    id: lineID(2), product: ProductID(rawValue: Identifier(high: 0x22, low: 2)),
                    category: "care",
                    productClass: "hygiene", quantity: 1, unitPrice: money(3_000), tax: money(540)),
            ], orderDiscount: money(1_500), shipping: money(2_000), shippingTax: money(400))
    }

    /// A random valid order (1 to 10 lines).
    static func randomOrder(_ random: SeededRandomSource, id: UInt64) -> ReturnableOrder {
        let lineCount = 1 + Int(random.next(below: 10))
        var lines: [ReturnableOrderLine] = []
        var net: Int64 = 0
        for n in 0..<lineCount {
            let quantity = 1 + Int(random.next(below: 7))
            let price = Int64(random.next(below: 50_000))
            let gross = price * Int64(quantity)
            let discount = gross == 0 ? 0 : Int64(random.next(below: UInt64(gross / 3 + 1)))
            let tax = Int64(random.next(below: UInt64(gross / 5 + 2)))
            net += gross - discount
            lines.append(
                ReturnableOrderLine(
                    id: lineID(UInt64(n + 1)),
                    product: ProductID(rawValue: Identifier(high: 0x22, low: UInt64(n))),
                    category: "c\(n % 3)", quantity: quantity, unitPrice: money(price),
                    lineDiscount: money(discount), tax: money(tax)))
        }
        let orderDiscount = net == 0 ? 0 : Int64(random.next(below: UInt64(net / 2 + 1)))
        return ReturnableOrder(
            id: OrderID(rawValue: Identifier(high: 0x0D, low: id)), customer: TestPrincipals.customerID,
            currency: currency, placedAt: TestPrincipals.monday, deliveredAt: TestPrincipals.monday,
            lines: lines, orderDiscount: money(orderDiscount),
            shipping: money(Int64(random.next(below: 3_000))),
            shippingTax: money(Int64(random.next(below: 600))))
    }
}
