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
        // Order, customer history, rollups.
        #expect(submit.commits == 1 && submit.reads == 3 && submit.events == 3)
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
        // Request, order, rollups.
        #expect(inspect.commits == 1 && inspect.reads == 3 && inspect.events == 5)
        let refund = try await traffic(harness) {
            request = try await service.refund(submitted.id, by: TestPrincipals.finance)
        }
        // Request, rollups, customer history; the refund is paid and recorded in one commit.
        #expect(refund.commits == 1 && refund.reads == 3 && refund.events == 4)
        #expect(request?.state == .resolved)
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
