import CXKitCore
import Foundation
import Testing

@Suite("In-memory adapters' lifetime")
struct StoreLifetimeTests {
    struct Item: StoredRecord {
        static let recordType: RecordType = "test.lifetime.item"
        static let indexes: [RecordIndex<Item>] = [
            RecordIndex("byGroup") { IndexKey(partition: [.int($0.group)], sort: [.int($0.rank)]) }
        ]
        let id: Identifier
        var group: Int64
        var rank: Int64
        var recordID: Identifier { id }
    }

    @Test("a store with records, indexes and outbox entries is freed when released")
    func storeIsFreed() async throws {
        weak var weakStore: InMemoryRecordStore?
        do {
            let store = InMemoryRecordStore()
            weakStore = store
            let tenant = try TenantID("lifetime")
            var transaction = StoreTransaction()
            for index in 0..<200 {
                let id = Identifier(high: 1, low: UInt64(index))
                transaction.insert(Item(id: id, group: Int64(index % 3), rank: Int64(index)))
                transaction.append(
                    EventEnvelope(
                        id: EventID(rawValue: Identifier(high: 2, low: UInt64(index))), tenant: tenant,
                        kind: "test.item.created",
                        aggregate: AggregateReference(type: Item.recordType, id: id),
                        occurredAt: Date(timeIntervalSince1970: 0), actor: nil, payload: Payload(index)))
            }
            _ = try await store.commit(transaction, in: tenant)
            _ = try await store.query(
                RecordQuery<Item>(index: "byGroup", partition: [.int(1)], limit: 10), in: tenant)
        }
        #expect(weakStore == nil)
    }
}
