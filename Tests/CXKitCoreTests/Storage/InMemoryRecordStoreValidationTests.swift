import CXKitCore
import Foundation
import Testing

@Suite("InMemoryRecordStore validation")
struct InMemoryRecordStoreValidationTests {
    let store = InMemoryRecordStore()
    let ids = seededIdentifiers(41)
    let tenant: TenantID

    init() throws { tenant = try TenantID("acme") }

    private func event(_ id: Identifier? = nil) -> EventEnvelope {
        EventEnvelope(
            id: EventID(rawValue: id ?? ids.nextIdentifier()), tenant: tenant, kind: "test.happened",
            aggregate: AggregateReference(type: TestTally.recordType, id: ids.nextIdentifier()),
            occurredAt: Date(timeIntervalSince1970: 0), actor: nil, payload: Payload(0))
    }

    private func expectValidation(_ field: String, _ body: () async throws -> Void) async {
        do {
            try await body()
            Issue.record("expected a validation failure naming \(field)")
        } catch let error as CoreError {
            #expect(error.code == .validationFailed)
            #expect(error.field == field)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("an event appearing twice in a batch is rejected naming events[i].id")
    func duplicateEventInBatch() async {
        let id = ids.nextIdentifier()
        var transaction = StoreTransaction()
        transaction.append(event(id))
        transaction.append(event(id))
        await expectValidation("events[1].id") { _ = try await store.commit(transaction, in: tenant) }
        #expect(store.outboxEntryCount == 0)
    }

    @Test("large batches name the first repeated event and the first repeated record too")
    func duplicatesInLargeBatches() async {
        let repeated = ids.nextIdentifier()
        var events = StoreTransaction()
        for position in 0..<30 { events.append(event(position == 7 || position == 23 ? repeated : nil)) }
        await expectValidation("events[23].id") { _ = try await store.commit(events, in: tenant) }

        let record = ids.nextIdentifier()
        var changes = StoreTransaction()
        for position in 0..<30 {
            changes.insert(
                TestTally(id: position == 4 || position == 19 ? record : ids.nextIdentifier(), value: 0))
        }
        await expectValidation("changes[19]") { _ = try await store.commit(changes, in: tenant) }
        #expect(store.outboxEntryCount == 0)
        #expect(store.recordCount(in: tenant) == 0)
    }

    @Test("an event already in the outbox is rejected naming events[i].id")
    func eventAlreadyInOutbox() async throws {
        let first = event()
        var transaction = StoreTransaction()
        transaction.append(first)
        _ = try await store.commit(transaction, in: tenant)
        var again = StoreTransaction()
        again.insert(TestTally(id: ids.nextIdentifier(), value: 0))
        again.append(first)
        await expectValidation("events[0].id") { _ = try await store.commit(again, in: tenant) }
        #expect(store.recordCount(in: tenant) == 0)
    }

    @Test("outbox listing rejects a limit outside 1 ... 1000 naming limit", arguments: [0, 1001])
    func outboxLimit(limit: Int) async {
        await expectValidation("limit") {
            _ = try await store.outboxEntries(status: .pending, in: tenant, after: nil, limit: limit)
        }
    }

    @Test("enumeration rejects a cursor that did not come from an enumeration naming cursor")
    func enumerationCursor() async {
        let cursor = PageCursor(sort: [.int(1)], recordID: ids.nextIdentifier())
        await expectValidation("cursor") {
            _ = try await store.enumerateRecords(in: tenant, after: cursor, limit: 10)
        }
    }

    @Test("a claim with a non-positive limit leases nothing")
    func claimWithZeroLimit() async throws {
        var transaction = StoreTransaction()
        transaction.append(event())
        _ = try await store.commit(transaction, in: tenant)
        let claimed = try await store.claimOutboxEntries(
            limit: 0, claimant: "relay", now: Date(timeIntervalSince1970: 0), leaseDuration: .seconds(1))
        #expect(claimed.isEmpty)
    }

    @Test("claiming walks past many blocked aggregates without losing order")
    func claimingManyAggregates() async throws {
        var transaction = StoreTransaction()
        let aggregates = (0..<50).map { _ in ids.nextIdentifier() }
        var events: [EventEnvelope] = []
        for round in 0..<3 {
            for aggregate in aggregates {
                let event = EventEnvelope(
                    id: EventID(rawValue: ids.nextIdentifier()), tenant: tenant, kind: "test.happened",
                    aggregate: AggregateReference(type: TestTally.recordType, id: aggregate),
                    occurredAt: Date(timeIntervalSince1970: 0), actor: nil, payload: Payload(round))
                transaction.append(event)
                events.append(event)
            }
        }
        _ = try await store.commit(transaction, in: tenant)
        let now = Date(timeIntervalSince1970: 0)
        var delivered: [EventID] = []
        while true {
            let batch = try await store.claimOutboxEntries(
                limit: 7, claimant: "relay", now: now, leaseDuration: .seconds(30))
            if batch.isEmpty { break }
            #expect(Set(batch.map(\.event.aggregate)).count == batch.count)
            delivered += batch.map(\.event.id)
            try await store.acknowledgeOutboxEntries(batch.map(\.event.id), claimant: "relay")
        }
        #expect(delivered.count == events.count)
        for aggregate in aggregates {
            let mine = events.filter { $0.aggregate.id == aggregate }.map(\.id)
            #expect(delivered.filter(mine.contains) == mine)
        }
        #expect(store.outboxEntryCount == 0)
        #expect(try await store.tenants().isEmpty)
    }
}
