import CXKitCore
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Refund cycle times")
struct RefundCycleTimeTests {
    @Test("refunds record submitted→refunded and received→refunded cycle times per order month")
    func rollupsKeepCycleTimes() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        // Two returns of the same order month: the second refund takes a day longer.
        let first = try await harness.runLifecycle(harness.shirtDraft())
        #expect(first.state == .resolved)
        let submitted = try await harness.service.submit(harness.shirtDraft(), by: TestPrincipals.customer)
        let labelled = try await harness.service.issueLabel(submitted.id, by: TestPrincipals.customer)
        harness.clock.advance(by: .seconds(86_400))
        _ = try await harness.service.receive(
            submitted.id,
            receipts: labelled.items.map { ItemReceipt(item: $0.id, receivedQuantity: $0.quantity) },
            by: TestPrincipals.warehouse)
        _ = try await harness.service.inspect(submitted.id, inspections: [], by: TestPrincipals.warehouse)
        harness.clock.advance(by: .seconds(2 * 86_400))
        _ = try await harness.service.refund(submitted.id, by: TestPrincipals.finance)

        let period = ReturnRollup.period(of: TestPrincipals.monday)
        let rows = try await harness.service.refundCycleTimes(
            from: period, through: period, by: TestPrincipals.admin)
        let row = try #require(rows.first)
        #expect(rows.count == 1 && row.period == period)
        #expect(row.submittedToRefunded.count == 2)
        #expect(row.receivedToRefunded.count == 2)
        // First: 2 days + 1 hour from submission, 1 hour from reception; second: 3 days and 2 days.
        let p50 = try #require(row.submittedToRefundedP50)
        let p90 = try #require(row.submittedToRefundedP90)
        #expect(abs(p50 - (2 * 86_400 + 3_600)) <= 0.01 * (2 * 86_400 + 3_600))
        #expect(abs(p90 - 2 * 86_400 - 3_600) <= 0.01 * (2 * 86_400 + 3_600))
        #expect(abs((row.receivedToRefundedP50 ?? 0) - 3_600) <= 36)
        let summary = try await harness.service.summary(
            from: period, through: period, by: TestPrincipals.admin)
        #expect(summary.submittedToRefunded == row.submittedToRefunded)
        #expect(abs((summary.receivedToRefunded.maximum ?? 0) - 2 * 86_400) < 1e-6)

        await expectReturnsError(.validationFailed, field: "through") {
            _ = try await harness.service.refundCycleTimes(
                from: period, through: period - 1, by: TestPrincipals.admin)
        }
        await expectReturnsError(.permissionDenied, field: nil) {
            _ = try await harness.service.refundCycleTimes(
                from: period, through: period, by: TestPrincipals.customer)
        }
    }
}
