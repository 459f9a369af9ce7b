import CXKitCore
import Foundation
import Testing

@Suite("InMemoryRecordStore")
struct InMemoryRecordStoreTests {
    let store = InMemoryRecordStore()
    let ids = seededIdentifiers(11)
    let tenant: TenantID
    let other: TenantID

    init() throws {
        tenant = try TenantID("acme")
        other = try TenantID("globex")
    }

    private func ticket(owner: Identifier, rank: Int64, tags: [String] = [], isOpen: Bool = true)
        -> TestTicket
    {
        TestTicket(id: ids.nextIdentifier(), owner: owner, rank: rank, tags: tags, isOpen: isOpen)
    }

    private func insert(_ tickets: [TestTicket]) async throws {
        var transaction = StoreTransaction()
        for ticket in tickets { transaction.insert(ticket) }
        _ = try await store.commit(transaction, in: tenant)
    }

    @Test("inserts at version 1, updates to version 2 and reads back the value")
    func insertUpdateRead() async throws {
        var ticket = ticket(owner: ids.nextIdentifier(), rank: 1)
        var transaction = StoreTransaction()
        transaction.insert(ticket)
        #expect(try await store.commit(transaction, in: tenant).versions == [1])
        ticket.rank = 5
        transaction = StoreTransaction()
        transaction.update(ticket, expectedVersion: 1)
        #expect(try await store.commit(transaction, in: tenant).versions == [2])
        let read = try await store.fetch(TestTicket.self, id: ticket.id, in: tenant)
        #expect(read?.record == ticket)
        #expect(read?.version == 2)
        #expect(try await store.fetch(TestTicket.self, id: ticket.id, in: other) == nil)
    }

    @Test(
        "a batch read of few or many identifiers returns existing records in request order, each once",
        arguments: [5, 40])
    func batchReadKeepsOrderAndSkipsRepeats(count: Int) async throws {
        let owner = ids.nextIdentifier()
        let tickets = (0..<count).map { ticket(owner: owner, rank: Int64($0)) }
        try await insert(tickets)
        // Every stored ticket backwards, each followed by an unknown identifier, then the
        // first half again: repeats and misses are skipped, the order kept.
        var wanted: [Identifier] = []
        for ticket in tickets.reversed() { wanted += [ticket.id, ids.nextIdentifier()] }
        wanted += tickets.prefix(count / 2).map(\.id)
        let read = try await store.fetch(TestTicket.self, ids: wanted, in: tenant)
        #expect(read.map(\.record.id) == tickets.reversed().map(\.id))
        #expect(read.allSatisfy { $0.version == 1 })
    }

    @Test("keeps secondary indexes in step with updates and deletions")
    func indexesFollowChanges() async throws {
        let owner = ids.nextIdentifier()
        var first = ticket(owner: owner, rank: 3, tags: ["a", "b"])
        let second = ticket(owner: owner, rank: 1, tags: ["b"], isOpen: false)
        try await insert([first, second])
        #expect(store.indexEntryCount(of: TestTicket.self, index: "byTag", in: tenant) == 3)
        #expect(store.indexEntryCount(of: TestTicket.self, index: "open", in: tenant) == 1)
        first.tags = ["c"]
        first.isOpen = false
        var transaction = StoreTransaction()
        transaction.update(first, expectedVersion: 1)
        transaction.delete(TestTicket.self, id: second.id, expectedVersion: 1)
        #expect(try await store.commit(transaction, in: tenant).versions == [2, 0])
        #expect(store.indexEntryCount(of: TestTicket.self, index: "byTag", in: tenant) == 1)
        #expect(store.indexEntryCount(of: TestTicket.self, index: "open", in: tenant) == 0)
        let page = try await store.query(
            RecordQuery<TestTicket>(index: "byTag", partition: [.string("c")]), in: tenant)
        #expect(page.records.map(\.record.id) == [first.id])
        #expect(store.recordCount(in: tenant) == 1)
    }

    @Test("a merge inserts or combines records and keeps their index entries in step")
    func mergesKeepIndexesInStep() async throws {
        let leader = TestScoreboard(id: ids.nextIdentifier(), total: 10)
        let chaser = TestScoreboard(id: ids.nextIdentifier(), total: 4)
        var transaction = StoreTransaction()
        transaction.merge(leader)
        transaction.merge(chaser)
        #expect(try await store.commit(transaction, in: tenant).versions == [1, 1])
        transaction = StoreTransaction()
        transaction.merge(TestScoreboard(id: chaser.id, total: 9))
        #expect(try await store.commit(transaction, in: tenant).versions == [2])
        let ranked = try await store.query(RecordQuery<TestScoreboard>(index: "byTotal"), in: tenant)
        #expect(ranked.records.map(\.record.total) == [10, 13])
        #expect(ranked.records.map(\.record.id) == [leader.id, chaser.id])
        #expect(store.indexEntryCount(of: TestScoreboard.self, index: "byTotal", in: tenant) == 2)
        let above = try await store.query(
            RecordQuery<TestScoreboard>(index: "byTotal", lowerBound: .including(.int(11))), in: tenant)
        #expect(above.records.map(\.record.id) == [chaser.id])
    }

    @Test("a merge into a record with several keys per index adds the new keys and moves the others")
    func mergesIntoMultiKeyIndexesKeepEntriesInStep() async throws {
        let set = TestLabelSet(id: ids.nextIdentifier(), labels: ["a", "b"], merges: 1)
        var transaction = StoreTransaction()
        transaction.merge(set)
        _ = try await store.commit(transaction, in: tenant)
        transaction = StoreTransaction()
        transaction.merge(TestLabelSet(id: set.id, labels: ["b", "c"], merges: 1))
        #expect(try await store.commit(transaction, in: tenant).versions == [2])
        for label in ["a", "b", "c"] {
            let page = try await store.query(
                RecordQuery<TestLabelSet>(index: "byLabel", partition: [.string(label)]), in: tenant)
            #expect(page.records.map(\.record.labels) == [["a", "b", "c"]], "label \(label)")
        }
        #expect(store.indexEntryCount(of: TestLabelSet.self, index: "byLabel", in: tenant) == 3)
        let twice = try await store.query(
            RecordQuery<TestLabelSet>(index: "byMerges", lowerBound: .including(.int(2))), in: tenant)
        #expect(twice.records.map(\.record.id) == [set.id])
        #expect(store.indexEntryCount(of: TestLabelSet.self, index: "byMerges", in: tenant) == 1)
    }

    @Test("a type whose merges keep its index keys stays findable through its index after merges")
    func mergesThatKeepIndexKeys() async throws {
        let first = TestDailyTotal(id: ids.nextIdentifier(), day: 20_261_123, total: 2)
        let second = TestDailyTotal(id: ids.nextIdentifier(), day: 20_261_124, total: 5)
        var transaction = StoreTransaction()
        transaction.merge(first)
        transaction.merge(second)
        _ = try await store.commit(transaction, in: tenant)
        for _ in 0..<3 {
            transaction = StoreTransaction()
            transaction.merge(TestDailyTotal(id: first.id, day: first.day, total: 1))
            _ = try await store.commit(transaction, in: tenant)
        }
        let days = try await store.query(RecordQuery<TestDailyTotal>(index: "byDay"), in: tenant)
        #expect(days.records.map(\.record.total) == [5, 5])
        #expect(days.records.map(\.version) == [4, 1])
        #expect(days.records.map(\.record.id) == [first.id, second.id])
        #expect(store.indexEntryCount(of: TestDailyTotal.self, index: "byDay", in: tenant) == 2)
        let later = try await store.query(
            RecordQuery<TestDailyTotal>(index: "byDay", lowerBound: .including(.int(20_261_124))), in: tenant)
        #expect(later.records.map(\.record.id) == [second.id])
    }

    @Test("a merge changes the stored record only: a copy read before it keeps its values")
    func mergesLeaveEarlierReadsAlone() async throws {
        let board = TestScoreboard(id: ids.nextIdentifier(), total: 3)
        var transaction = StoreTransaction()
        transaction.merge(board)
        _ = try await store.commit(transaction, in: tenant)
        let before = try #require(try await store.fetch(TestScoreboard.self, id: board.id, in: tenant))
        let labels = TestLabelSet(id: ids.nextIdentifier(), labels: ["x"], merges: 1)
        transaction = StoreTransaction()
        transaction.merge(labels)
        _ = try await store.commit(transaction, in: tenant)
        let labelsBefore = try #require(try await store.fetch(TestLabelSet.self, id: labels.id, in: tenant))
        transaction = StoreTransaction()
        transaction.merge(TestScoreboard(id: board.id, total: 4))
        transaction.merge(TestLabelSet(id: labels.id, labels: ["y"], merges: 1))
        _ = try await store.commit(transaction, in: tenant)
        #expect(before.record.total == 3 && before.version == 1)
        #expect(labelsBefore.record.labels == ["x"] && labelsBefore.record.merges == 1)
        let after = try #require(try await store.fetch(TestScoreboard.self, id: board.id, in: tenant))
        #expect(after.record.total == 7 && after.version == 2)
        let labelsAfter = try #require(try await store.fetch(TestLabelSet.self, id: labels.id, in: tenant))
        #expect(labelsAfter.record.labels == ["x", "y"] && labelsAfter.record.merges == 2)
    }

    @Test("deleting a record leaves every other record readable by identifier, index and enumeration")
    func deletionKeepsOthersReachable() async throws {
        let owner = ids.nextIdentifier()
        var tickets = (0..<6).map { ticket(owner: owner, rank: Int64($0), tags: ["t\($0 % 2)"]) }
        try await insert(tickets)
        // Give the last record a version of its own, so a mix-up between records shows.
        tickets[5].rank = 50
        var transaction = StoreTransaction()
        transaction.update(tickets[5], expectedVersion: 1)
        _ = try await store.commit(transaction, in: tenant)
        // Deleting the first record empties its slot; nothing else moves.
        transaction = StoreTransaction()
        transaction.delete(TestTicket.self, id: tickets[0].id, expectedVersion: 1)
        _ = try await store.commit(transaction, in: tenant)
        #expect(try await store.fetch(TestTicket.self, id: tickets[0].id, in: tenant) == nil)
        for ticket in tickets.dropFirst() {
            let read = try await store.fetch(TestTicket.self, id: ticket.id, in: tenant)
            #expect(read?.record == ticket)
            #expect(read?.version == (ticket.id == tickets[5].id ? 2 : 1))
        }
        let byOwner = try await store.query(
            RecordQuery<TestTicket>(index: "byOwner", partition: [.identifier(owner)]), in: tenant)
        #expect(byOwner.records.map(\.record) == Array(tickets.dropFirst()))
        #expect(byOwner.records.map(\.version) == [1, 1, 1, 1, 2])
        let odd = try await store.query(
            RecordQuery<TestTicket>(index: "byTag", partition: [.string("t1")]), in: tenant)
        #expect(Set(odd.records.map(\.record.id)) == [tickets[1].id, tickets[3].id, tickets[5].id])
        // The updated record keeps following its updates.
        tickets[5].rank = -1
        transaction = StoreTransaction()
        transaction.update(tickets[5], expectedVersion: 2)
        _ = try await store.commit(transaction, in: tenant)
        let reordered = try await store.query(
            RecordQuery<TestTicket>(index: "byOwner", partition: [.identifier(owner)]), in: tenant)
        #expect(reordered.records.map(\.record.id) == [tickets[5].id] + tickets[1...4].map(\.id))
        let everything = try await store.enumerateRecords(in: tenant, after: nil, limit: 100)
        #expect(everything.records.count == 5)
    }

    @Test("records and index entries stay in step through the table rebuilds that growth and deletions cause")
    func rebuildsKeepRecordsAndIndexes() async throws {
        let owners = (0..<4).map { _ in ids.nextIdentifier() }
        var live: [Identifier: TestTicket] = [:]
        // Growth: each batch passes the table's load limit at least once.
        for round in 0..<3 {
            let batch = (0..<300).map { ticket(owner: owners[$0 % 4], rank: Int64(($0 * 7 + round) % 50)) }
            try await insert(batch)
            for ticket in batch { live[ticket.id] = ticket }
            // Deletions leave tombstones; the next inserts fill the table again, so it is
            // rebuilt at the same size or larger, moving every record.
            var transaction = StoreTransaction()
            for id in live.keys.sorted().prefix(250) {
                transaction.delete(TestTicket.self, id: id, expectedVersion: 1)
                live[id] = nil
            }
            _ = try await store.commit(transaction, in: tenant)
        }
        for (id, ticket) in live {
            #expect(try await store.fetch(TestTicket.self, id: id, in: tenant)?.record == ticket)
        }
        for owner in owners {
            let page = try await store.query(
                RecordQuery<TestTicket>(index: "byOwner", partition: [.identifier(owner)], limit: 500),
                in: tenant)
            let expected = live.values.filter { $0.owner == owner }.sorted {
                ($0.rank, $0.id) < ($1.rank, $1.id)
            }
            #expect(page.records.map(\.record) == expected)
        }
        let everything = try await store.enumerateRecords(in: tenant, after: nil, limit: 1_000)
        #expect(Set(everything.records.map(\.reference.id)) == Set(live.keys))
    }

    @Test("pages through an index in both directions with bounds and cursors")
    func pagesWithCursor() async throws {
        let owner = ids.nextIdentifier()
        let tickets = (0..<25).map { ticket(owner: owner, rank: Int64($0 % 10)) }
        try await insert(tickets)
        let expected = tickets.sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }
        for order in [SortOrder.ascending, .descending] {
            var seen: [Identifier] = []
            var cursor: PageCursor?
            repeat {
                let page = try await store.query(
                    RecordQuery<TestTicket>(
                        index: "byOwner", partition: [.identifier(owner)], lowerBound: .including(.int(2)),
                        upperBound: .excluding(.int(8)), order: order, limit: 4, cursor: cursor),
                    in: tenant)
                seen += page.records.map(\.record.id)
                cursor = page.nextCursor
            } while cursor != nil
            let inRange = expected.filter { $0.rank >= 2 && $0.rank < 8 }.map(\.id)
            #expect(seen == (order == .ascending ? inRange : inRange.reversed()))
        }
    }

    @Test("a cursor taken while a partition held several entries pages on after it holds one")
    func cursorsOverASingleEntryPartition() async throws {
        let owner = ids.nextIdentifier()
        let first = ticket(owner: owner, rank: 1)
        let second = ticket(owner: owner, rank: 2)
        try await insert([first, second])
        func page(_ order: CXKitCore.SortOrder, after cursor: PageCursor?) async throws -> RecordPage<
            TestTicket
        > {
            try await store.query(
                RecordQuery<TestTicket>(
                    index: "byOwner", partition: [.identifier(owner)], order: order, limit: 1, cursor: cursor),
                in: tenant)
        }
        let ascending = try #require(try await page(.ascending, after: nil).nextCursor)
        let descending = try #require(try await page(.descending, after: nil).nextCursor)
        // Empty the partition, then give it one entry at a time.
        var transaction = StoreTransaction()
        transaction.delete(TestTicket.self, id: first.id, expectedVersion: 1)
        transaction.delete(TestTicket.self, id: second.id, expectedVersion: 1)
        _ = try await store.commit(transaction, in: tenant)
        func holdOnly(_ ticket: TestTicket, replacing previous: TestTicket?) async throws {
            var transaction = StoreTransaction()
            if let previous { transaction.delete(TestTicket.self, id: previous.id, expectedVersion: 1) }
            transaction.insert(ticket)
            _ = try await store.commit(transaction, in: tenant)
        }
        // The entry the ascending cursor stands on is not after it; the descending cursor
        // (on `second`) has it before.
        try await holdOnly(first, replacing: nil)
        #expect(try await page(.ascending, after: ascending).records.isEmpty)
        #expect(try await page(.descending, after: descending).records.map(\.record.id) == [first.id])
        let later = ticket(owner: owner, rank: 3)
        try await holdOnly(later, replacing: first)
        #expect(try await page(.ascending, after: ascending).records.map(\.record.id) == [later.id])
        #expect(try await page(.descending, after: descending).records.isEmpty)
        // The entry the descending cursor stands on is not before it.
        try await holdOnly(second, replacing: later)
        #expect(try await page(.descending, after: descending).records.isEmpty)
        #expect(try await page(.ascending, after: ascending).records.map(\.record.id) == [second.id])
        try await holdOnly(later, replacing: second)
        let lowerBounded = try await store.query(
            RecordQuery<TestTicket>(
                index: "byOwner", partition: [.identifier(owner)], lowerBound: .excluding(.int(3))),
            in: tenant)
        #expect(lowerBounded.records.isEmpty)
    }

    @Test("fails a batch with a stale version and writes nothing")
    func staleVersionWritesNothing() async throws {
        let existing = ticket(owner: ids.nextIdentifier(), rank: 1)
        try await insert([existing])
        var transaction = StoreTransaction()
        let fresh = ticket(owner: ids.nextIdentifier(), rank: 2)
        transaction.insert(fresh)
        transaction.update(existing, expectedVersion: 7)
        await #expect(throws: CoreError.self) { try await store.commit(transaction, in: tenant) }
        do {
            _ = try await store.commit(transaction, in: tenant)
        } catch let error as CoreError {
            #expect(error.code == .versionConflict)
            #expect(error.currentVersion == 1)
            #expect(error.recordID == existing.id)
        }
        #expect(try await store.fetch(TestTicket.self, id: fresh.id, in: tenant) == nil)
    }
}
