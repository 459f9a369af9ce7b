import CXKitCore
import CXKitTesting
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Returns service: the lifecycle from eligibility to refund and restock")
struct ReturnsLifecycleServiceTests {
    @Test("a return goes from eligibility check to refund and restock, with events for every step")
    func fullLifecycle() async throws {
        let harness = try ReturnsHarness()
        let order = try await harness.setUp()
        let variant = try #require(order.lines[0].variant)
        harness.inventory.setStock(0, of: variant, product: order.lines[0].product)
        let report = try await harness.service.eligibility(of: order.id, by: TestPrincipals.customer)
        #expect(report.lines[0].isEligible)
        #expect(!report.lines[1].isEligible)
        let draft = harness.shirtDraft(quantity: 2)
        let quote = try await harness.service.quote(draft, by: TestPrincipals.customer)
        let resolved = try await harness.runLifecycle(draft)
        #expect(resolved.state == .resolved)
        #expect(resolved.settlement?.total == quote.total)
        #expect(resolved.quoteDifference?.difference.minorUnits == 0)
        #expect(resolved.outcome?.refunded == quote.total)
        #expect(harness.gateway.refundedMinorUnits(for: order.id) == quote.total.minorUnits)
        #expect(harness.inventory.restockedUnits == 2)
        #expect(resolved.items[0].dispositions == [.restocked, .restocked])
        #expect(
            resolved.history.map(\.to) == [
                .submitted, .approved, .labelIssued, .inTransit, .received, .inspected, .resolved,
            ])
        #expect(resolved.history.allSatisfy { $0.at >= TestPrincipals.monday })
        let kinds = try await harness.outboxKinds()
        for kind in [
            ReturnEventKinds.submitted, ReturnEventKinds.approved, ReturnEventKinds.labelIssued,
            ReturnEventKinds.inTransit,
            ReturnEventKinds.received, ReturnEventKinds.inspected, ReturnEventKinds.refunded,
            ReturnEventKinds.customerNotice,
            ReturnEventKinds.refundChanged, ReturnEventKinds.itemChanged,
        ] {
            #expect(kinds.contains(kind.rawValue), "missing \(kind)")
        }
        let closed = try await harness.service.close(resolved.id, by: TestPrincipals.agent)
        #expect(closed.state == .closed)
        let summary = try await harness.service.summary(
            from: 202601, through: 202601, by: TestPrincipals.admin)
        #expect(summary.overall.unitsReturned == 2)
        #expect(summary.overall.unitsSold == 3)
        #expect(summary.overall.ordersWithReturn == 1)
        #expect(summary.dispositionMix["restocked"] == 2)
        #expect(summary.meanReceivedToRefundedSeconds == 3_600)
        let byReason = try await harness.service.returnRates(
            by: .reason, from: 202601, through: 202601, by: TestPrincipals.admin)
        #expect(byReason.map(\.key) == ["too-small"])
        #expect(byReason[0].unitReturnRate == 2.0 / 3.0)
    }

    @Test("a full return of every refundable unit with shipping refunded pays back exactly what was paid")
    func fullReturnEqualsPaid() async throws {
        let harness = try ReturnsHarness()
        var order = OrderFactory.standardOrder()
        order = ReturnableOrder(
            id: order.id, customer: order.customer, currency: order.currency, placedAt: order.placedAt,
            deliveredAt: order.deliveredAt,
            lines: order.lines.map {
                ReturnableOrderLine(
                    id: $0.id, product: $0.product, variant: $0.variant, category: $0.category,
                    quantity: $0.quantity,
                    unitPrice: $0.unitPrice, lineDiscount: $0.lineDiscount, tax: $0.tax)
            }, orderDiscount: order.orderDiscount, shipping: order.shipping, shippingTax: order.shippingTax)
        try await harness.setUp(
            policy: ReturnsHarness.policy { $0.fees = ReturnFees(outboundShipping: .always) }, order: order)
        // Two consecutive partial returns, then the rest.
        for draft in [
            ReturnDraft(
                order: order.id,
                items: [ReturnDraftItem(line: OrderFactory.lineID(1), quantity: 1, reason: "too-small")]),
            ReturnDraft(
                order: order.id,
                items: [
                    ReturnDraftItem(line: OrderFactory.lineID(1), quantity: 1, reason: "too-large"),
                    ReturnDraftItem(line: OrderFactory.lineID(2), quantity: 1, reason: "changed-mind"),
                ]),
        ] {
            let resolved = try await harness.runLifecycle(draft)
            #expect(resolved.state == .resolved)
        }
        #expect(harness.gateway.refundedMinorUnits(for: order.id) == 26_860)
        let eligibility = try await harness.service.eligibility(of: order.id, by: TestPrincipals.customer)
        #expect(eligibility.lines.allSatisfy { $0.returnableQuantity == 0 })
    }

    @Test("inspection failures reduce the settlement and the difference from the quote is shown")
    func settlementDifference() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp(policy: ReturnsHarness.policy { $0.conditionDeductionBasisPoints = 5_000 })
        let resolved = try await harness.runLifecycle(harness.shirtDraft(quantity: 2)) { request in
            [ItemInspection(item: request.items[0].id, failedConditions: [.originalPackaging])]
        }
        let difference = try #require(resolved.quoteDifference)
        #expect(difference.difference.minorUnits < 0)
        #expect(difference.lines[0].conditionDeductions.minorUnits == -difference.difference.minorUnits)
        #expect(resolved.items[0].dispositions == [.quarantined, .quarantined])
        #expect(harness.inventory.restockedUnits == 0)
    }

    @Test("keep-the-item requests resolve without a parcel and record the units as kept")
    func keepItem() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp(
            policy: ReturnsHarness.policy {
                $0.allowedResolutions = [.refundToOriginalPayment, .keepItem]
                $0.keepItemThreshold = OrderFactory.money(20_000)
            })
        var draft = harness.shirtDraft()
        draft.resolution = .keepItem
        let submitted = try await harness.service.submit(draft, by: TestPrincipals.customer)
        #expect(submitted.state == .approved)
        let resolved = try await harness.service.refund(submitted.id, by: TestPrincipals.system)
        #expect(resolved.state == .resolved)
        #expect(resolved.items[0].dispositions == [.kept])
        #expect(harness.gateway.refundedMinorUnits(for: submitted.order) == submitted.quote.total.minorUnits)
    }

    @Test("an exchange holds the replacement, refunds the remainder and counts as retained revenue")
    func exchange() async throws {
        let harness = try ReturnsHarness()
        let order = try await harness.setUp(policy: ReturnsHarness.policy { $0.allowsInstantExchange = true })
        let replacement = VariantID(rawValue: Identifier(high: 0x33, low: 9))
        harness.inventory.setStock(5, of: replacement, product: order.lines[0].product)
        var draft = harness.shirtDraft()
        draft.resolution = .exchange
        draft.instantExchange = true
        draft.items[0].exchange = ExchangeChoice(
            product: order.lines[0].product, variant: replacement, unitPrice: OrderFactory.money(9_000))
        let resolved = try await harness.runLifecycle(draft)
        #expect(resolved.state == .resolved)
        #expect(harness.inventory.heldUnits == 1)
        let outcome = try #require(resolved.outcome)
        #expect(outcome.replacementValue.minorUnits == 9_000)
        #expect(outcome.refunded.minorUnits == resolved.quote.total.minorUnits - 9_000)
        let summary = try await harness.service.summary(
            from: 202601, through: 202601, by: TestPrincipals.admin)
        #expect(summary.exchangeShare == 1)
        #expect(summary.retainedMinorUnits == 9_000)
        let kinds = try await harness.outboxKinds()
        #expect(kinds.contains(ReturnEventKinds.exchanged.rawValue))
    }

    @Test("an out-of-stock exchange is refused with the number of alternatives offered")
    func exchangeOutOfStock() async throws {
        let harness = try ReturnsHarness()
        let order = try await harness.setUp()
        let wanted = VariantID(rawValue: Identifier(high: 0x33, low: 8))
        let other = VariantID(rawValue: Identifier(high: 0x33, low: 7))
        harness.inventory.setStock(0, of: wanted, product: order.lines[0].product)
        harness.inventory.setStock(3, of: other, product: order.lines[0].product)
        var draft = harness.shirtDraft()
        draft.resolution = .exchange
        draft.items[0].exchange = ExchangeChoice(
            product: order.lines[0].product, variant: wanted, unitPrice: OrderFactory.money(10_000))
        await expectReturnsError(.returnNotEligible, field: "items[0].exchange") {
            _ = try await harness.service.submit(draft, by: TestPrincipals.customer)
        }
        let alternatives = try await harness.service.exchangeAlternatives(
            to: wanted, of: order.lines[0].product, by: TestPrincipals.customer)
        #expect(alternatives == [other])
    }
}
