import CXKitCore
import CXKitTesting
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Returns service: a short shipment stays open for a second reception")
struct ReturnsFollowUpReceptionTests {
    /// Submits both shirts and issues the label.
    func labelled(_ harness: ReturnsHarness) async throws -> ReturnRequest {
        try await harness.setUp()
        let submitted = try await harness.service.submit(
            harness.shirtDraft(quantity: 2), by: TestPrincipals.customer)
        return try await harness.service.issueLabel(submitted.id, by: TestPrincipals.customer)
    }

    /// The warehouse receives `quantity` units of the request's first item.
    @discardableResult
    func receive(_ quantity: Int, of request: ReturnRequest, in harness: ReturnsHarness) async throws
        -> ReturnRequest
    {
        let item = try #require(request.items.first)
        return try await harness.service.receive(
            request.id, receipts: [ItemReceipt(item: item.id, receivedQuantity: quantity)],
            by: TestPrincipals.warehouse)
    }

    @Test("the rest of a short shipment is received later and then refunded in full")
    func secondReceptionCompletesTheItem() async throws {
        let harness = try ReturnsHarness()
        let request = try await labelled(harness)
        let first = try await receive(1, of: request, in: harness)
        #expect(first.state == .received)
        #expect(first.items[0].reception == .shortShipped)
        #expect(first.items[0].receivedQuantity == 1)
        #expect(first.awaitsFurtherReception)
        #expect(first.items[0].outstandingQuantity == 1)

        harness.clock.advance(by: .seconds(86_400))
        let second = try await receive(1, of: request, in: harness)
        #expect(second.state == .received)
        #expect(second.items[0].reception == .received)
        #expect(second.items[0].receivedQuantity == 2)
        #expect(!second.awaitsFurtherReception)
        #expect(second.receivedAt == first.receivedAt)
        let receptionSteps = second.itemHistory.filter { $0.machine == ItemReceptionState.machineName }
        #expect(receptionSteps.map(\.to) == ["shortShipped", "received"])

        let inspected = try await harness.service.inspect(
            request.id, inspections: [], by: TestPrincipals.warehouse)
        #expect(inspected.settlement?.units.count == 2)
        #expect(inspected.items[0].dispositions == [.restocked, .restocked])
        let refunded = try await harness.service.refund(request.id, by: TestPrincipals.finance)
        #expect(refunded.state == .resolved)
        #expect(refunded.outcome?.refunded == request.quote.total)
    }

    @Test("receiving more than is still outstanding is refused naming the receipt's quantity")
    func overReceptionIsRefused() async throws {
        let harness = try ReturnsHarness()
        let request = try await labelled(harness)
        try await receive(1, of: request, in: harness)
        for quantity in [2, -1] {
            await expectReturnsError(.validationFailed, field: "receipts[0].receivedQuantity") {
                try await receive(quantity, of: request, in: harness)
            }
        }
        let unchanged = try await harness.service.request(request.id, by: TestPrincipals.agent)
        #expect(unchanged.items[0].receivedQuantity == 1)
        #expect(unchanged.items[0].reception == .shortShipped)
    }

    @Test("once every unit is in, or after inspection, another reception is an invalid transition")
    func noReceptionWhenNothingIsOutstanding() async throws {
        let harness = try ReturnsHarness()
        let request = try await labelled(harness)
        try await receive(2, of: request, in: harness)
        await expectReturnsError(.invalidTransition, field: nil) {
            try await receive(1, of: request, in: harness)
        }

        let other = try ReturnsHarness()
        let short = try await labelled(other)
        try await receive(1, of: short, in: other)
        _ = try await other.service.inspect(short.id, inspections: [], by: TestPrincipals.warehouse)
        do {
            try await receive(1, of: short, in: other)
            Issue.record("a reception after inspection must be refused")
        } catch let error as ReturnsError {
            #expect(error.code == .invalidTransition)
            #expect(error.currentState == "inspected")
            #expect(error.requestedState == "received")
        }
    }

    @Test("a parcel recorded lost is received when it turns up; a wrong-item receipt is refused then")
    func lostParcelTurnsUp() async throws {
        let harness = try ReturnsHarness()
        let request = try await labelled(harness)
        let item = try #require(request.items.first)
        let lost = try await harness.service.receive(request.id, receipts: [], by: TestPrincipals.warehouse)
        #expect(lost.items[0].reception == .lost)
        do {
            _ = try await harness.service.receive(
                request.id, receipts: [ItemReceipt(item: item.id, receivedQuantity: 0, isWrongItem: true)],
                by: TestPrincipals.warehouse)
            Issue.record("a wrong-item receipt for a lost item must be refused")
        } catch let error as ReturnsError {
            #expect(error.code == .invalidTransition)
            #expect(error.currentState == "lost")
        }
        let found = try await receive(2, of: request, in: harness)
        #expect(found.items[0].reception == .received)
        #expect(found.items[0].receivedQuantity == 2)
    }

    @Test("only units that arrived and were accepted are refunded; the missing one is returnable again")
    func refundCoversReceivedAcceptedUnitsOnly() async throws {
        let harness = try ReturnsHarness()
        let request = try await labelled(harness)
        try await receive(1, of: request, in: harness)
        let inspected = try await harness.service.inspect(
            request.id, inspections: [], by: TestPrincipals.warehouse)
        let settled = try #require(inspected.settlement)
        #expect(settled.units.count == 1)
        #expect(settled.total.minorUnits < request.quote.total.minorUnits)
        let refunded = try await harness.service.refund(request.id, by: TestPrincipals.finance)
        #expect(refunded.outcome?.refunded == settled.total)
        let eligibility = try await harness.service.eligibility(
            of: request.order, by: TestPrincipals.customer)
        #expect(eligibility.lines[0].returnableQuantity == 1)
    }
}
