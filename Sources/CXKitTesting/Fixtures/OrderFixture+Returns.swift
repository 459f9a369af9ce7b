import CXKitCore
import CXKitReturns
import Foundation

extension OrderFixture {
    /// The largest amount, in minor units, the conversion to ``ReturnableOrder`` accepts
    /// for any figure of the order (so the tax arithmetic cannot overflow).
    public static let maximumReturnableAmountMinorUnits: Int64 = Int64.max / 40_000

    /// The order as CXKitReturns sees it, with prices split into their net and tax parts.
    ///
    /// Fixture amounts are tax-inclusive; returns orders carry prices before tax with the
    /// tax separately. Each line's unit price, line discount and share of the order
    /// discount are converted to net amounts at the line's tax rate (rounded half up), and
    /// the line's tax is what remains of what the customer paid for it, so the returns
    /// order's amount paid equals ``totalMinorUnits`` to the minor unit. Categories become
    /// the lines' `category`; food and personalised goods get the product classes `"food"`
    /// and `"personalised"`, cosmetics the tag `"sealed"`. Undelivered orders have no
    /// delivered units; shipping is untaxed, as in fixtures.
    ///
    /// - Returns: The returns order.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` and field `currency`
    ///   for an unknown currency code, `lines` for an order without lines,
    ///   `lines[i].quantity` for a quantity below 1, `lines[i].taxRateBasisPoints` for a rate
    ///   outside 0…10000, or `lines[i].totalMinorUnits` for line figures that contradict each
    ///   other (a negative amount, a discount above the line's gross amount or a discount
    ///   share above the line's total); ``ErrorCode/limitExceeded`` and field `lines` for more
    ///   than `ReturnableOrder.maximumLines` lines, `lines[i].quantity` above
    ///   `ReturnableOrder.maximumQuantity`, or `lines[i].grossMinorUnits` or
    ///   `shippingMinorUnits` for an amount above ``maximumReturnableAmountMinorUnits``.
    public func returnableOrder() throws(CoreError) -> ReturnableOrder {
        let code: CurrencyCode
        do { code = try CurrencyCode(currency) } catch {
            throw CoreError.validation(field: "currency", reason: "is not a known ISO 4217 currency code")
        }
        guard !lines.isEmpty else { throw CoreError.validation(field: "lines", reason: "must not be empty") }
        guard lines.count <= ReturnableOrder.maximumLines else {
            throw CoreError.limit(field: "lines", reason: "at most \(ReturnableOrder.maximumLines) lines")
        }
        let limit = Self.maximumReturnableAmountMinorUnits
        guard (0...limit).contains(shippingMinorUnits) else {
            throw CoreError.limit(field: "shippingMinorUnits", reason: "must be between 0 and \(limit)")
        }
        var converted: [ReturnableOrderLine] = []
        converted.reserveCapacity(lines.count)
        var orderDiscountNet: Int64 = 0
        for (index, line) in lines.enumerated() {
            guard line.quantity >= 1 else {
                throw CoreError.validation(field: "lines[\(index)].quantity", reason: "must be at least 1")
            }
            guard line.quantity <= ReturnableOrder.maximumQuantity else {
                throw CoreError.limit(
                    field: "lines[\(index)].quantity", reason: "at most \(ReturnableOrder.maximumQuantity)")
            }
            guard (0...10_000).contains(line.taxRateBasisPoints) else {
                throw CoreError.validation(
                    field: "lines[\(index)].taxRateBasisPoints", reason: "must be between 0 and 10000")
            }
            guard (0...limit).contains(line.grossMinorUnits), (0...limit).contains(line.unitPriceMinorUnits)
            else {
                throw CoreError.limit(
                    field: "lines[\(index)].grossMinorUnits", reason: "must be between 0 and \(limit)")
            }
            let paid = line.totalMinorUnits - line.orderDiscountShareMinorUnits
            guard (0...line.grossMinorUnits).contains(line.discountMinorUnits),
                line.orderDiscountShareMinorUnits >= 0,
                (0...line.grossMinorUnits).contains(line.totalMinorUnits), paid >= 0
            else {
                throw CoreError.validation(
                    field: "lines[\(index)].totalMinorUnits",
                    reason: "must lie between the line's discount share and its gross amount")
            }
            let rate = Int64(line.taxRateBasisPoints)
            let grossNet = Self.net(line.unitPriceMinorUnits, rate: rate) * Int64(line.quantity)
            var lineDiscountNet = min(Self.net(line.discountMinorUnits, rate: rate), grossNet)
            let shareNet = min(
                Self.net(line.orderDiscountShareMinorUnits, rate: rate), grossNet - lineDiscountNet)
            var tax = paid - (grossNet - lineDiscountNet - shareNet)
            if tax < 0 {
                // Rounding the unit price made the net line worth more than was paid: the
                // difference is a (tiny) line discount, never negative tax.
                lineDiscountNet -= tax
                tax = 0
            }
            orderDiscountNet += shareNet
            converted.append(
                ReturnableOrderLine(
                    id: line.id, product: line.product, variant: line.variant,
                    category: line.category.rawValue,
                    tags: line.category == .cosmetics ? ["sealed"] : [],
                    productClass: Self.productClass(of: line.category), quantity: line.quantity,
                    deliveredQuantity: isDelivered ? line.quantity : 0,
                    unitPrice: Money(minorUnits: grossNet / Int64(line.quantity), currency: code),
                    lineDiscount: Money(minorUnits: lineDiscountNet, currency: code),
                    tax: Money(minorUnits: tax, currency: code)))
        }
        return ReturnableOrder(
            id: id, customer: customer, currency: code, placedAt: placedAt, deliveredAt: deliveredAt,
            lines: converted, orderDiscount: Money(minorUnits: orderDiscountNet, currency: code),
            shipping: Money(minorUnits: shippingMinorUnits, currency: code),
            shippingTax: Money(minorUnits: 0, currency: code))
    }

    /// The net part of a tax-inclusive amount at `rate` basis points, rounded half up.
    private static func net(_ gross: Int64, rate: Int64) -> Int64 {
        let divisor = 10_000 + rate
        return (gross * 20_000 + divisor) / (2 * divisor)
    }

    /// The product class the fixture shop's policy treats as non-returnable, if any.
    private static func productClass(of category: ProductCategory) -> String? {
        switch category {
        case .food: return "food"
        case .personalised: return "personalised"
        case .apparel, .electronics, .cosmetics, .home, .books: return nil
        }
    }
}
