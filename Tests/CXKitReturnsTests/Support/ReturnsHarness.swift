import CXKitCore
import CXKitTesting
import Foundation

@testable import CXKitReturns

/// A returns service over the in-memory store and reference ports, with a manual clock
/// and seeded identifiers.
struct ReturnsHarness {
    let clock: ManualClock
    let memory: InMemoryRecordStore
    let faults: FaultInjectingRecordStore
    let shipping = InMemoryReturnShippingProvider()
    let gateway = InMemoryRefundGateway()
    let inventory = InMemoryInventoryGateway()
    let service: ReturnsService
    let tenant = TestPrincipals.tenant

    init(seed: UInt64 = 42, rmaRandom: (any RandomSource)? = nil) throws {
        let clock = ManualClock(start: TestPrincipals.monday)
        self.clock = clock
        memory = InMemoryRecordStore()
        faults = FaultInjectingRecordStore(wrapping: memory, clock: clock)
        let calendar = try BusinessCalendar(
            timeZoneIdentifier: "Europe/Istanbul",
            week: Dictionary(
                uniqueKeysWithValues: Weekday.workdays.map {
                    ($0, [WorkingInterval(from: (9, 0), to: (18, 0))])
                }))
        service = ReturnsService(
            store: faults, clock: clock,
            ids: TimeOrderedIdentifierSource(timestamps: clock, random: SeededRandomSource(seed: seed)),
            random: rmaRandom ?? SeededRandomSource(seed: seed &+ 1), shipping: shipping, refunds: gateway,
            inventory: inventory,
            calendar: calendar)
    }

    static func policy(_ edit: (inout ReturnPolicyDefinition) -> Void = { _ in }) -> ReturnPolicyDefinition {
        var definition = ReturnPolicyDefinition(name: "standard", currency: OrderFactory.currency)
        edit(&definition)
        return definition
    }

    /// Publishes a policy and registers the standard order.
    @discardableResult
    func setUp(
        policy: ReturnPolicyDefinition = ReturnsHarness.policy(),
        order: ReturnableOrder = OrderFactory.standardOrder()
    ) async throws -> ReturnableOrder {
        _ = try await service.publishPolicy(policy, by: TestPrincipals.admin)
        _ = try await service.recordOrder(order, by: TestPrincipals.system)
        return order
    }

    func shirtDraft(
        quantity: Int = 1, reason: String = "too-small", order: ReturnableOrder = OrderFactory.standardOrder()
    )
        -> ReturnDraft
    {
        ReturnDraft(
            order: order.id,
            items: [ReturnDraftItem(line: OrderFactory.lineID(1), quantity: quantity, reason: reason)])
    }

    func outboxKinds() async throws -> [String] {
        try await memory.outboxEntries(status: .pending, in: tenant, after: nil, limit: 1000).map(
            \.event.kind.rawValue)
    }

    /// Runs submit → label → in transit → receive → inspect → refund.
    func runLifecycle(_ draft: ReturnDraft, inspections: (ReturnRequest) -> [ItemInspection] = { _ in [] })
        async throws
        -> ReturnRequest
    {
        let submitted = try await service.submit(draft, by: TestPrincipals.customer)
        let labelled = try await service.issueLabel(submitted.id, by: TestPrincipals.customer)
        if let tracking = labelled.label?.trackingNumber {
            _ = try await service.applyCarrierUpdate(
                CarrierUpdate(trackingNumber: tracking, status: .inTransit, occurredAt: clock.now()),
                by: TestPrincipals.system)
        }
        clock.advance(by: .seconds(2 * 86_400))
        let received = try await service.receive(
            submitted.id,
            receipts: labelled.items.map { ItemReceipt(item: $0.id, receivedQuantity: $0.quantity) },
            by: TestPrincipals.warehouse)
        let inspected = try await service.inspect(
            submitted.id, inspections: inspections(received), by: TestPrincipals.warehouse)
        clock.advance(by: .seconds(3_600))
        _ = inspected
        return try await service.refund(submitted.id, by: TestPrincipals.finance)
    }
}

/// Asserts a typed returns error with code and field.
func expectReturnsError(
    _ code: ErrorCode, field: String?, sourceLocation: SourceLocationShim = .init(),
    _ body: () async throws -> Void
) async {
    do {
        try await body()
        recordIssue("expected \(code) on \(field ?? "-")")
    } catch let error as ReturnsError {
        if error.code != code || error.field != field {
            recordIssue("expected \(code) on \(field ?? "-"), got \(error)")
        }
    } catch {
        recordIssue("expected a ReturnsError, got \(error)")
    }
}
