import CXKitCore

/// The pure refund computation behind quotes and settlements.
///
/// Each unit of each line has a fixed breakdown (see ``OrderRefundBasis``); a quote or a
/// settlement covers a run of unit positions per line. Because the ledger hands out each
/// position once, a full return refunds exactly what was paid (with shipping when it is
/// refunded) and consecutive partial returns can never exceed it.
public enum RefundCalculator {
    /// Computes the refund of some units.
    ///
    /// - Parameters:
    ///   - selections: The units to refund, per line.
    ///   - order: The validated order.
    ///   - basis: The order's basis (compute it once with ``OrderRefundBasis/init(order:)``).
    ///   - terms: The policy's money terms.
    ///   - previouslyRefunded: What was refunded for the order before, in its currency.
    /// - Returns: The quote.
    /// - Throws: ``ReturnsError`` with `.validationFailed` naming
    ///   `selections[i].lineIndex`, `selections[i].quantity` or
    ///   `selections[i].conditionDeductionBasisPoints` for out-of-range values;
    ///   `.refundExceedsRefundable` naming `selections[i].quantity` when units
    ///   beyond the line's quantity are asked for, or `total` when the refund would exceed
    ///   what is still refundable; `.currencyMismatch` naming
    ///   `previouslyRefunded` or `terms.returnShippingFee`.
    public static func quote(
        _ selections: [RefundSelection], order: ReturnableOrder, basis: OrderRefundBasis, terms: RefundTerms,
        previouslyRefunded: Money
    ) throws(ReturnsError) -> RefundQuote {
        let currency = order.currency
        guard previouslyRefunded.currency == currency else {
            throw ReturnsError(
                code: .currencyMismatch, field: "previouslyRefunded",
                reason: "must be in the order's currency")
        }
        var feeMinor: Int64 = 0
        if let fee = terms.returnShippingFee {
            guard fee.currency == currency else {
                throw ReturnsError(
                    code: .currencyMismatch, field: "terms.returnShippingFee",
                    reason: "must be in the order's currency")
            }
            feeMinor = max(0, fee.minorUnits)
        }
        let restockingBasisPoints = Int64(min(max(terms.restockingFeeBasisPoints, 0), 10_000))
        var units: [RefundUnitBreakdown] = []
        units.reserveCapacity(selections.reduce(0) { $0 + max($1.quantity, 0) })
        var anyShopFault = false
        var sum: Int64 = 0
        for (index, selection) in selections.enumerated() {
            guard order.lines.indices.contains(selection.lineIndex) else {
                throw ReturnsError.validation(
                    field: "selections[\(index)].lineIndex", reason: "names no order line")
            }
            guard selection.quantity >= 1 else {
                throw ReturnsError.validation(
                    field: "selections[\(index)].quantity", reason: "must be at least 1")
            }
            guard (0...10_000).contains(selection.conditionDeductionBasisPoints) else {
                throw ReturnsError.validation(
                    field: "selections[\(index)].conditionDeductionBasisPoints",
                    reason: "must be between 0 and 10000")
            }
            let line = order.lines[selection.lineIndex]
            guard selection.firstUnit >= 0, selection.firstUnit + selection.quantity <= line.quantity else {
                throw ReturnsError(
                    code: .refundExceedsRefundable, field: "selections[\(index)].quantity",
                    reason: "more units than the line has left to refund")
            }
            anyShopFault = anyShopFault || selection.isShopFault
            let refundShipping: Bool
            switch terms.outboundShipping {
            case .never: refundShipping = false
            case .always: refundShipping = true
            case .whenShopAtFault: refundShipping = selection.isShopFault
            }
            let restocking = selection.isShopFault ? 0 : restockingBasisPoints
            let condition = Int64(selection.conditionDeductionBasisPoints)
            let quantity = line.quantity
            let price = line.unitPrice.minorUnits
            let orderShare = basis.orderDiscountShares[selection.lineIndex]
            let shippingShare = basis.shippingShares[selection.lineIndex]
            for unit in selection.firstUnit..<(selection.firstUnit + selection.quantity) {
                let lineDiscount = OrderRefundBasis.evenShare(
                    line.lineDiscount.minorUnits, parts: quantity, unit: unit)
                let orderDiscount = OrderRefundBasis.evenShareLastFirst(
                    orderShare, parts: quantity, unit: unit)
                let tax = OrderRefundBasis.evenShare(line.tax.minorUnits, parts: quantity, unit: unit)
                let shipping =
                    refundShipping
                    ? OrderRefundBasis.evenShare(shippingShare, parts: quantity, unit: unit) : 0
                let net = price - lineDiscount - orderDiscount
                let restockingFee = basisPoints(restocking, of: net)
                let deduction = min(basisPoints(condition, of: net), net - restockingFee)
                let total = net + tax + shipping - restockingFee - deduction
                sum += total
                units.append(
                    RefundUnitBreakdown(
                        line: line.id, unit: unit, price: Money(minorUnits: price, currency: currency),
                        lineDiscount: Money(minorUnits: lineDiscount, currency: currency),
                        orderDiscount: Money(minorUnits: orderDiscount, currency: currency),
                        tax: Money(minorUnits: tax, currency: currency),
                        shipping: Money(minorUnits: shipping, currency: currency),
                        restockingFee: Money(minorUnits: restockingFee, currency: currency),
                        conditionDeduction: Money(minorUnits: deduction, currency: currency),
                        total: Money(minorUnits: total, currency: currency)))
            }
        }
        let fee = anyShopFault ? 0 : min(feeMinor, sum)
        let total = sum - fee
        guard total <= basis.amountPaid - previouslyRefunded.minorUnits else {
            throw ReturnsError(
                code: .refundExceedsRefundable, field: "total",
                reason: "the refund would exceed what is refundable")
        }
        return RefundQuote(
            currency: currency, units: units, returnShippingFee: Money(minorUnits: fee, currency: currency),
            total: Money(minorUnits: total, currency: currency),
            amountPaid: Money(minorUnits: basis.amountPaid, currency: currency),
            previouslyRefunded: previouslyRefunded)
    }

    /// `amount × basisPoints ÷ 10 000`, rounded down, without overflow.
    @inline(__always)
    static func basisPoints(_ basisPoints: Int64, of amount: Int64) -> Int64 {
        guard basisPoints > 0, amount > 0 else { return 0 }
        return (amount / 10_000) * basisPoints + (amount % 10_000) * basisPoints / 10_000
    }
}
