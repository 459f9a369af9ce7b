import CXKitCore
import Foundation
import Testing

/// Random changes and queries against a naive model that filters and sorts every record.
@Suite("InMemoryRecordStore model")
struct InMemoryRecordStoreModelTests {
    private struct ModelKey: Comparable {
        let sort: [IndexValue]
        let id: Identifier
        static func < (lhs: ModelKey, rhs: ModelKey) -> Bool {
            lhs.sort != rhs.sort ? lhs.sort.precedes(rhs.sort) : lhs.id < rhs.id
        }
    }

    private static func keys(_ ticket: TestTicket, index: String) -> [IndexKey] {
        if index == RecordQuery<TestTicket>.primaryIndex { return [IndexKey()] }
        return TestTicket.indexes.first { $0.name == index }?.keys(ticket) ?? []
    }

    /// Three owners give a few large partitions; sixty give many of one to three entries,
    /// which grow past one entry and shrink to none as records move and go.
    @Test(
        "queries match a naive model under random changes",
        arguments: [(5, 3), (17, 3), (2024, 3), (7, 60), (99, 60)] as [(UInt64, Int)])
    func queriesMatchModel(seed: UInt64, ownerCount: Int) async throws {
        let random = SeededRandomSource(seed: seed)
        let ids = seededIdentifiers(seed)
        let store = InMemoryRecordStore()
        let tenant = try TenantID("model")
        let owners = (0..<ownerCount).map { _ in ids.nextIdentifier() }
        let tags = ["a", "b", "c", "d"]
        var model: [Identifier: (ticket: TestTicket, version: UInt64)] = [:]
        func pick<T>(_ values: [T]) -> T { values[Int(random.next(below: UInt64(values.count)))] }
        func randomTicket(id: Identifier) -> TestTicket {
            TestTicket(
                id: id, owner: pick(owners), rank: Int64(random.next(below: 12)),
                tags: tags.filter { _ in random.next(below: 3) == 0 }, isOpen: random.next(below: 2) == 0)
        }
        for step in 0..<400 {
            var transaction = StoreTransaction()
            let choice = random.next(below: 10)
            if choice < 5 || model.isEmpty {
                let ticket = randomTicket(id: ids.nextIdentifier())
                transaction.insert(ticket)
                model[ticket.id] = (ticket, 1)
            } else if let (id, entry) = model.sorted(by: { $0.key < $1.key }).dropFirst(
                Int(random.next(below: UInt64(model.count)))
            ).first {
                if choice < 8 {
                    let ticket = randomTicket(id: id)
                    transaction.update(ticket, expectedVersion: entry.version)
                    model[id] = (ticket, entry.version + 1)
                } else {
                    transaction.delete(TestTicket.self, id: id, expectedVersion: entry.version)
                    model[id] = nil
                }
            }
            _ = try await store.commit(transaction, in: tenant)
            guard step % 10 == 0 else { continue }
            for _ in 0..<6 {
                let index = pick(["id", "byOwner", "byTag", "open", "openByOwner"])
                let partition: [IndexValue] =
                    switch index {
                    case "byOwner", "openByOwner": [.identifier(pick(owners))]
                    case "byTag": [.string(pick(tags))]
                    default: []
                    }
                let lower =
                    random.next(below: 2) == 0
                    ? nil
                    : IndexBound(
                        [.int(Int64(random.next(below: 12)))], isInclusive: random.next(below: 2) == 0)
                let upper =
                    random.next(below: 2) == 0
                    ? nil
                    : IndexBound(
                        [.int(Int64(random.next(below: 12)))], isInclusive: random.next(below: 2) == 0)
                let order: CXKitCore.SortOrder = random.next(below: 2) == 0 ? .ascending : .descending
                let limit = Int(random.next(below: 7)) + 1
                var expected: [ModelKey] = []
                for (id, entry) in model {
                    for key in Self.keys(entry.ticket, index: index) where key.partition == partition {
                        if let lower, !lower.admitsAsLower(key.sort) { continue }
                        if let upper, !upper.admitsAsUpper(key.sort) { continue }
                        expected.append(ModelKey(sort: key.sort, id: id))
                    }
                }
                expected.sort()
                if order == .descending { expected.reverse() }
                var query = RecordQuery<TestTicket>(
                    index: index, partition: partition, lowerBound: lower, upperBound: upper, order: order,
                    limit: limit)
                var seen: [Identifier] = []
                var versionsMatch = true
                while true {
                    let page = try await store.query(query, in: tenant)
                    for record in page.records where model[record.record.id]?.version != record.version {
                        versionsMatch = false
                    }
                    seen += page.records.map(\.record.id)
                    guard let cursor = page.nextCursor else { break }
                    query.cursor = cursor
                }
                #expect(seen == expected.map(\.id), "seed \(seed), step \(step), index \(index), \(order)")
                #expect(versionsMatch, "seed \(seed), step \(step): versions")
            }
        }
        #expect(store.recordCount(in: tenant) == model.count, "seed \(seed): record count")
    }
}
