import CXKitCore

/// The per-line shares of an order's order-level discount and shipping, computed once
/// with the core's exact largest-remainder allocation; every unit's refund derives from it.
///
/// Within a line, amounts are split evenly over units with the remainder going one minor
/// unit at a time to the first units (line discount, tax, shipping) or to the last units
/// (order discount). The opposite directions keep every unit's net price at or above zero,
/// and the units of an order always add up to exactly what it paid.
public struct OrderRefundBasis: Hashable, Sendable {
    /// The order's currency.
    public let currency: CurrencyCode
    /// Each line's share of the order-level discount, in minor units.
    public let orderDiscountShares: [Int64]
    /// Each line's share of outbound shipping plus shipping tax, in minor units.
    public let shippingShares: [Int64]
    /// What the order paid in all, in minor units.
    public let amountPaid: Int64
    /// What the order paid without shipping, in minor units.
    public let amountPaidForGoods: Int64

    /// Computes the basis of a validated order.
    ///
    /// - Parameter order: The order (see ``ReturnableOrder/validate()``).
    /// - Throws: ``ReturnsError`` carrying the core allocation error when the order's
    ///   amounts are inconsistent (an unvalidated order).
    public init(order: ReturnableOrder) throws(ReturnsError) {
        var nets: [Money] = []
        nets.reserveCapacity(order.lines.count)
        var netSum: Int64 = 0
        var taxSum: Int64 = 0
        for line in order.lines {
            let net = line.unitPrice.minorUnits * Int64(line.quantity) - line.lineDiscount.minorUnits
            nets.append(Money(minorUnits: net, currency: order.currency))
            netSum += net
            taxSum += line.tax.minorUnits
        }
        do {
            if order.orderDiscount.minorUnits > 0 {
                orderDiscountShares = try order.orderDiscount.allocate(proportionalTo: nets).map(\.minorUnits)
            } else {
                orderDiscountShares = Array(repeating: 0, count: nets.count)
            }
            let shippingTotal = Money(
                minorUnits: order.shipping.minorUnits + order.shippingTax.minorUnits, currency: order.currency
            )
            if shippingTotal.minorUnits == 0 {
                shippingShares = Array(repeating: 0, count: nets.count)
            } else if netSum > 0 {
                shippingShares = try shippingTotal.allocate(proportionalTo: nets).map(\.minorUnits)
            } else {
                shippingShares = try shippingTotal.allocate(order.lines.map { Int64($0.quantity) }).map(
                    \.minorUnits)
            }
        } catch {
            throw ReturnsError.wrapping(error)
        }
        currency = order.currency
        amountPaidForGoods = netSum - order.orderDiscount.minorUnits + taxSum
        amountPaid = amountPaidForGoods + order.shipping.minorUnits + order.shippingTax.minorUnits
    }

    /// The `unit`-th of `parts` even shares of `total` (non-negative), larger shares first:
    /// the same parts as the core's `Money.split(evenlyInto:)`, without building the array.
    ///
    /// - Parameters:
    ///   - total: The amount in minor units.
    ///   - parts: The number of parts (at least 1).
    ///   - unit: The part's position.
    /// - Returns: The part in minor units.
    @inline(__always)
    static func evenShare(_ total: Int64, parts: Int, unit: Int) -> Int64 {
        let count = Int64(parts)
        return total / count + (Int64(unit) < total % count ? 1 : 0)
    }

    /// Like ``evenShare(_:parts:unit:)`` with the larger shares last.
    @inline(__always)
    static func evenShareLastFirst(_ total: Int64, parts: Int, unit: Int) -> Int64 {
        evenShare(total, parts: parts, unit: parts - 1 - unit)
    }
}
