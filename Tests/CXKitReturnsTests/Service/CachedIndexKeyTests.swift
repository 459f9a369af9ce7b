import CXKitCore
import CXKitTesting
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Index keys cached in returns records")
struct CachedIndexKeyTests {
    /// The keys of every index of a record, and of the same record after a JSON round trip
    /// (which carries no cached keys and computes them).
    func expectSameKeysAfterRoundTrip<Record: StoredRecord & Hashable>(
        _ record: Record, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let decoded = try JSONDecoder().decode(Record.self, from: JSONEncoder().encode(record))
        #expect(decoded == record, sourceLocation: sourceLocation)
        for index in Record.indexes {
            #expect(
                index.keys(decoded) == index.keys(record), "\(index.name)", sourceLocation: sourceLocation)
        }
    }

    @Test("requests, orders and rollups index the same with cached keys as computed at every step")
    func cachedKeysMatchComputedKeys() async throws {
        let harness = try ReturnsHarness()
        let order = try await harness.setUp()
        let service = harness.service
        let submitted = try await service.submit(harness.shirtDraft(quantity: 2), by: TestPrincipals.customer)
        try expectSameKeysAfterRoundTrip(submitted)
        #expect(ReturnRequest.indexes.first { $0.name == "byLabelExpiry" }?.keys(submitted).count == 1)
        let labelled = try await service.issueLabel(submitted.id, by: TestPrincipals.customer)
        try expectSameKeysAfterRoundTrip(labelled)
        #expect(ReturnRequest.indexes.first { $0.name == "byTracking" }?.keys(labelled).count == 1)
        let received = try await service.receive(
            submitted.id, receipts: [ItemReceipt(item: submitted.items[0].id, receivedQuantity: 2)],
            by: TestPrincipals.warehouse)
        try expectSameKeysAfterRoundTrip(received)
        #expect(ReturnRequest.indexes.first { $0.name == "byRefundDue" }?.keys(received).count == 1)
        #expect(ReturnRequest.indexes.first { $0.name == "byLabelExpiry" }?.keys(received).isEmpty == true)
        _ = try await service.inspect(submitted.id, inspections: [], by: TestPrincipals.warehouse)
        let resolved = try await service.refund(submitted.id, by: TestPrincipals.finance)
        try expectSameKeysAfterRoundTrip(resolved)
        #expect(ReturnRequest.indexes.first { $0.name == "byRefundDue" }?.keys(resolved).isEmpty == true)

        let stored = try #require(
            try await harness.memory.fetch(ReturnOrderRecord.self, id: order.id.rawValue, in: harness.tenant))
        try expectSameKeysAfterRoundTrip(stored.record)
        let period = ReturnRollup.period(of: order.placedAt)
        let rollup = try #require(
            try await harness.memory.fetch(
                ReturnRollup.self, id: ReturnRollup.identifier(.overall, key: "", period: period),
                in: harness.tenant))
        try expectSameKeysAfterRoundTrip(rollup.record)
        try expectSameKeysAfterRoundTrip(
            ReturnRollup(importing: .reason, key: "too-small", period: 202601, requests: 3))
        // The reports find what the cached keys indexed.
        let rows = try await service.returnRates(
            by: .reason, from: period, through: period, by: TestPrincipals.admin)
        #expect(rows.map(\.key) == ["too-small"])
        let byCustomer = try await service.requests(
            of: TestPrincipals.customerID, by: TestPrincipals.customer)
        #expect(byCustomer.map(\.id) == [submitted.id])
    }
}
