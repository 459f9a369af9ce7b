import CXKitCore
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Refund quote and settlement ledger")
struct RefundLedgerPropertyTests {
    static let refundAll = RefundTerms(outboundShipping: .always)

    @Test(
        "over thousands of random orders, refunding every unit in partial returns equals the amount paid"
    )
    func fullReturnEqualsPaid() throws {
        let random = SeededRandomSource(seed: 0xA110C)
        for n in 0..<3_000 {
            let order = OrderFactory.randomOrder(random, id: UInt64(n))
            try order.validate()
            let basis = try OrderRefundBasis(order: order)
            var ledger = RefundLedger(currency: order.currency)
            let paid = Money(minorUnits: basis.amountPaid, currency: order.currency)
            // Consecutive partial returns in random batches until every unit is back.
            var remaining = order.lines.map(\.quantity)
            while remaining.contains(where: { $0 > 0 }) {
                var selections: [RefundSelection] = []
                for (i, line) in order.lines.enumerated() where remaining[i] > 0 && random.next(below: 2) == 0
                {
                    let quantity = 1 + Int(random.next(below: UInt64(remaining[i])))
                    selections.append(
                        RefundSelection(
                            lineIndex: i, firstUnit: ledger.nextUnit(of: line.id), quantity: quantity))
                    remaining[i] -= quantity
                }
                guard !selections.isEmpty else { continue }
                let quote = try RefundCalculator.quote(
                    selections, order: order, basis: basis, terms: Self.refundAll,
                    previouslyRefunded: ledger.refunded)
                for unit in quote.units {
                    #expect(unit.total.minorUnits >= 0)
                    #expect(
                        unit.price.minorUnits - unit.lineDiscount.minorUnits - unit.orderDiscount.minorUnits
                            >= 0)
                }
                try ledger.record(quote, amountPaid: paid)
                #expect(ledger.refunded.minorUnits <= basis.amountPaid, "order \(n) over-refunded")
            }
            #expect(ledger.refunded == paid, "order \(n): refunded \(ledger.refunded) of \(paid)")
            // Nothing more can be refunded once every unit is back.
            if let line = order.lines.first {
                #expect(throws: ReturnsError.self) {
                    try RefundCalculator.quote(
                        [RefundSelection(lineIndex: 0, firstUnit: ledger.nextUnit(of: line.id), quantity: 1)],
                        order: order, basis: basis, terms: Self.refundAll, previouslyRefunded: ledger.refunded
                    )
                }
            }
        }
    }

    @Test("without shipping refunds and with fees, all units refund the goods paid minus fees, never more")
    func feesNeverOverRefund() throws {
        let random = SeededRandomSource(seed: 0xFEE5)
        for n in 0..<1_000 {
            let order = OrderFactory.randomOrder(random, id: UInt64(n))
            let basis = try OrderRefundBasis(order: order)
            let terms = RefundTerms(
                restockingFeeBasisPoints: Int(random.next(below: 3_000)), outboundShipping: .never,
                returnShippingFee: OrderFactory.money(Int64(random.next(below: 1_000))))
            let selections = order.lines.indices.map {
                RefundSelection(lineIndex: $0, firstUnit: 0, quantity: order.lines[$0].quantity)
            }
            let quote = try RefundCalculator.quote(
                selections, order: order, basis: basis, terms: terms,
                previouslyRefunded: .zero(order.currency))
            #expect(quote.total.minorUnits <= basis.amountPaidForGoods)
            #expect(quote.total.minorUnits >= 0)
            let noFees = try RefundCalculator.quote(
                selections, order: order, basis: basis, terms: RefundTerms(),
                previouslyRefunded: .zero(order.currency))
            #expect(noFees.total.minorUnits == basis.amountPaidForGoods)
        }
    }

    @Test("the standard order's unit breakdown is exact and the components add up")
    func standardBreakdown() throws {
        let order = OrderFactory.standardOrder()
        let basis = try OrderRefundBasis(order: order)
        // Paid: 200 − 10 + 30 − 15 + 34.20 + 5.40 + 20 + 4 = 268.60
        #expect(basis.amountPaid == 26_860)
        let quote = try RefundCalculator.quote(
            [RefundSelection(lineIndex: 0, firstUnit: 0, quantity: 2)], order: order, basis: basis,
            terms: RefundTerms(), previouslyRefunded: .zero(order.currency))
        #expect(quote.units.count == 2)
        let first = quote.units[0]
        #expect(first.price.minorUnits == 10_000)
        #expect(first.lineDiscount.minorUnits == 500)
        #expect(first.tax.minorUnits == 1_710)
        for unit in quote.units {
            #expect(
                unit.total.minorUnits
                    == unit.price.minorUnits - unit.lineDiscount.minorUnits - unit.orderDiscount.minorUnits
                    + unit.tax.minorUnits + unit.shipping.minorUnits - unit.restockingFee.minorUnits
                    - unit.conditionDeduction.minorUnits)
        }
        // Order discount 15.00 over nets 190 and 30: 12.95 to the shirts.
        #expect(quote.units.map(\.orderDiscount.minorUnits).reduce(0, +) == 1_295)
    }

    @Test("per-unit even shares match the core's split")
    func evenSharesMatchCore() throws {
        let random = SeededRandomSource(seed: 7)
        for _ in 0..<500 {
            let total = Int64(random.next(below: 100_000))
            let parts = 1 + Int(random.next(below: 12))
            let core = try OrderFactory.money(total).split(evenlyInto: parts).map(\.minorUnits)
            let ours = (0..<parts).map { OrderRefundBasis.evenShare(total, parts: parts, unit: $0) }
            #expect(core == ours)
        }
    }

    @Test("the ledger refuses a unit settled twice and a total above what was paid")
    func ledgerRefusesDoubleSettlement() throws {
        let order = OrderFactory.standardOrder()
        let basis = try OrderRefundBasis(order: order)
        let paid = Money(minorUnits: basis.amountPaid, currency: order.currency)
        var ledger = RefundLedger(currency: order.currency)
        let quote = try RefundCalculator.quote(
            [RefundSelection(lineIndex: 0, firstUnit: 0, quantity: 1)], order: order, basis: basis,
            terms: RefundTerms(), previouslyRefunded: ledger.refunded)
        try ledger.record(quote, amountPaid: paid)
        #expect(
            throws: ReturnsError(
                code: .refundExceedsRefundable, field: "units", reason: "a unit position is already settled")
        ) {
            try ledger.record(quote, amountPaid: paid)
        }
        #expect(ledger.nextUnit(of: OrderFactory.lineID(1)) == 1)
    }

    @Test("bad selections give typed errors naming the field")
    func badSelections() throws {
        let order = OrderFactory.standardOrder()
        let basis = try OrderRefundBasis(order: order)
        let zero = Money.zero(order.currency)
        let cases: [(RefundSelection, ErrorCode, String)] = [
            (
                RefundSelection(lineIndex: 5, firstUnit: 0, quantity: 1), .validationFailed,
                "selections[0].lineIndex"
            ),
            (
                RefundSelection(lineIndex: 0, firstUnit: 0, quantity: 0), .validationFailed,
                "selections[0].quantity"
            ),
            (
                RefundSelection(lineIndex: 0, firstUnit: 1, quantity: 2), .refundExceedsRefundable,
                "selections[0].quantity"
            ),
            (
                RefundSelection(
                    lineIndex: 0, firstUnit: 0, quantity: 1, conditionDeductionBasisPoints: 10_001),
                .validationFailed, "selections[0].conditionDeductionBasisPoints"
            ),
        ]
        for (selection, code, field) in cases {
            do {
                _ = try RefundCalculator.quote(
                    [selection], order: order, basis: basis, terms: RefundTerms(), previouslyRefunded: zero)
                Issue.record("expected \(code) for \(field)")
            } catch {
                #expect(error.code == code)
                #expect(error.field == field)
            }
        }
        do {
            _ = try RefundCalculator.quote(
                [], order: order, basis: basis, terms: RefundTerms(),
                previouslyRefunded: Money(minorUnits: 1, currency: .euro))
            Issue.record("expected a currency mismatch")
        } catch {
            #expect(error.code == .currencyMismatch)
            #expect(error.field == "previouslyRefunded")
        }
    }
}
