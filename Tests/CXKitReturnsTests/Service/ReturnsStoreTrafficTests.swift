import CXKitCore
import CXKitTesting
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Returns service: store traffic per lifecycle step")
struct ReturnsStoreTrafficTests {
    /// Commits, reads (single and batched) and outbox events of one step.
    func traffic(_ harness: ReturnsHarness, _ step: () async throws -> Void) async throws -> (
        commits: Int, reads: Int, events: Int
    ) {
        let before = (
            harness.faults.callCount(of: .commit),
            harness.faults.callCount(of: .fetch) + harness.faults.callCount(of: .fetchMany),
            try await harness.outboxKinds().count
        )
        try await step()
        return (
            harness.faults.callCount(of: .commit) - before.0,
            harness.faults.callCount(of: .fetch) + harness.faults.callCount(of: .fetchMany) - before.1,
            try await harness.outboxKinds().count - before.2
        )
    }

    @Test("each step of the lifecycle commits once and reads only what it changes")
    func oneCommitPerStep() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        let service = harness.service
        var request: ReturnRequest?
        let submit = try await traffic(harness) {
            request = try await service.submit(harness.shirtDraft(quantity: 2), by: TestPrincipals.customer)
        }
        let submitted = try #require(request)
        // Order and customer history; rollups are merged into by the commit, never read.
        #expect(submit.commits == 1 && submit.reads == 2 && submit.events == 3)
        let label = try await traffic(harness) {
            request = try await service.issueLabel(submitted.id, by: TestPrincipals.customer)
        }
        #expect(label.commits == 1 && label.reads == 1 && label.events == 2)
        let receive = try await traffic(harness) {
            _ = try await service.receive(
                submitted.id, receipts: [ItemReceipt(item: submitted.items[0].id, receivedQuantity: 2)],
                by: TestPrincipals.warehouse)
        }
        #expect(receive.commits == 1 && receive.reads == 1 && receive.events == 3)
        let inspect = try await traffic(harness) {
            _ = try await service.inspect(submitted.id, inspections: [], by: TestPrincipals.warehouse)
        }
        // Request and order; events: inspected, one item event (acceptance and both
        // dispositions), the customer notice.
        #expect(inspect.commits == 1 && inspect.reads == 2 && inspect.events == 3)
        let refund = try await traffic(harness) {
            request = try await service.refund(submitted.id, by: TestPrincipals.finance)
        }
        // Request and customer history; the refund is paid and recorded in one commit.
        #expect(refund.commits == 1 && refund.reads == 2 && refund.events == 4)
        #expect(request?.state == .resolved)
    }

    @Test("a command's item transitions travel in one item event that lists every one of them")
    func oneItemEventPerCommand() async throws {
        let harness = try ReturnsHarness()
        var order = OrderFactory.standardOrder()
        order = ReturnableOrder(
            id: order.id, customer: order.customer, currency: order.currency, placedAt: order.placedAt,
            deliveredAt: order.deliveredAt,
            lines: [
                order.lines[0],
                ReturnableOrderLine(
                    id: OrderFactory.lineID(2), product: ProductID(rawValue: Identifier(high: 0x22, low: 2)),
                    category: "shoes", quantity: 1, unitPrice: OrderFactory.money(24_990),
                    tax: OrderFactory.money(4_498)),
            ], orderDiscount: order.orderDiscount, shipping: order.shipping, shippingTax: order.shippingTax)
        try await harness.setUp(order: order)
        let service = harness.service
        let draft = ReturnDraft(
            order: order.id,
            items: [
                ReturnDraftItem(line: OrderFactory.lineID(1), quantity: 2, reason: "too-small"),
                ReturnDraftItem(line: OrderFactory.lineID(2), quantity: 1, reason: "changed-mind"),
            ])
        let submitted = try await service.submit(draft, by: TestPrincipals.customer)
        let shirt = submitted.items[0]
        let second = submitted.items[1]
        _ = try await service.receive(
            submitted.id, receipts: [ItemReceipt(item: shirt.id, receivedQuantity: 2)],
            by: TestPrincipals.warehouse)
        let inspected = try await service.inspect(
            submitted.id, inspections: [], by: TestPrincipals.warehouse)
        let entries = try await harness.memory.outboxEntries(
            status: .pending, in: harness.tenant, after: nil, limit: 1000)
        let itemEvents = try entries.filter { $0.event.kind == ReturnEventKinds.itemChanged }
            .map { try $0.event.payload.decode(ReturnEventPayload.self) }
        // One per command: reception, then inspection.
        try #require(itemEvents.count == 2)
        let reception = itemEvents[0]
        // The shirt arrived, the second item was not listed and is recorded as lost.
        #expect(reception.itemChanges?.map(\.item) == [shirt.id, second.id])
        #expect(reception.itemChanges?.map(\.to) == ["received", "lost"])
        #expect(reception.item == nil && reception.machine == "itemReception")
        #expect(reception.from == nil && reception.to == nil)
        #expect(reception.request == submitted.id && reception.rmaNumber == submitted.rmaNumber)
        let inspection = itemEvents[1]
        // Exactly the item history the inspection recorded on the request.
        let recorded = Array(inspected.itemHistory.suffix(inspection.itemChanges?.count ?? 0))
        #expect(inspection.itemChanges == recorded)
        #expect(
            inspection.itemChanges?.map { "\($0.machine):\($0.to)" } == [
                "itemAcceptance:accepted", "disposition:restocked", "disposition:restocked",
                "itemAcceptance:rejected",
            ])
        #expect(inspection.itemChanges?.filter { $0.machine == "disposition" }.map(\.unit) == [0, 1])
        #expect(inspection.item == nil && inspection.machine == nil)
    }

    @Test("an item event for a single transition also describes it in its own fields")
    func singleItemTransitionEvent() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        let submitted = try await harness.service.submit(
            harness.shirtDraft(), by: TestPrincipals.customer)
        _ = try await harness.service.receive(
            submitted.id, receipts: [ItemReceipt(item: submitted.items[0].id, receivedQuantity: 1)],
            by: TestPrincipals.warehouse)
        let entries = try await harness.memory.outboxEntries(
            status: .pending, in: harness.tenant, after: nil, limit: 1000)
        let payloads = try entries.filter { $0.event.kind == ReturnEventKinds.itemChanged }
            .map { try $0.event.payload.decode(ReturnEventPayload.self) }
        try #require(payloads.count == 1)
        let payload = payloads[0]
        #expect(payload.item == submitted.items[0].id)
        #expect(payload.machine == "itemReception" && payload.from == "awaiting" && payload.to == "received")
        #expect(payload.itemChanges?.count == 1)
    }

    @Test("a crash between payment and commit is retried with the same refund and key and pays once")
    func crashAfterPayment() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        let submitted = try await harness.service.submit(harness.shirtDraft(), by: TestPrincipals.customer)
        _ = try await harness.service.receive(
            submitted.id, receipts: [ItemReceipt(item: submitted.items[0].id, receivedQuantity: 1)],
            by: TestPrincipals.warehouse)
        _ = try await harness.service.inspect(submitted.id, inspections: [], by: TestPrincipals.warehouse)
        harness.faults.script(.failBefore, for: .commit)
        await expectReturnsError(.storageFailure, field: nil) {
            _ = try await harness.service.refund(submitted.id, by: TestPrincipals.finance)
        }
        let unchanged = try await harness.service.request(submitted.id, by: TestPrincipals.agent)
        #expect(unchanged.refund == nil && unchanged.state == .inspected)
        let keys = harness.gateway.idempotencyKeys
        #expect(keys.count == 1)

        let resolved = try await harness.service.refund(submitted.id, by: TestPrincipals.finance)
        #expect(resolved.state == .resolved)
        #expect(harness.gateway.idempotencyKeys == keys)
        #expect(harness.gateway.callCount == 2)
        let refundID = try #require(resolved.refund)
        let refund = try await harness.service.refundRecord(refundID, by: TestPrincipals.finance)
        #expect(refund.attempts.count == 1 && refund.state == .succeeded)
        #expect(harness.gateway.refundedMinorUnits(for: submitted.order) == refund.amount.minorUnits)
    }
}
