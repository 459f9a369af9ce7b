import Benchmark
import CXKitCore
import Foundation

func registerStoreBenchmarks() {
    let latency = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal, .throughput], timeUnits: .nanoseconds,
        warmupIterations: 1_000, scalingFactor: .one, maxDuration: .seconds(3), maxIterations: 200_000)

    Benchmark("Store/fetch at 1M records", configuration: latency) { benchmark in
        let (store, ids) = StoreFixture.populated
        let random = SeededRandomSource(seed: 3)
        let tenant = StoreFixture.tenant
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let id = ids[Int(random.next(below: UInt64(ids.count)))]
            blackHole(try await store.fetch(BenchAccount.self, id: id, in: tenant))
        }
    }

    Benchmark("Store/query page of 50 at 1M records", configuration: latency) { benchmark in
        let (store, _) = StoreFixture.populated
        let random = SeededRandomSource(seed: 4)
        let tenant = StoreFixture.tenant
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let status = Int64(random.next(below: UInt64(StoreFixture.statusCount)))
            let from = Int64(random.next(below: 1_000_000))
            let query = RecordQuery<BenchAccount>(
                index: "byStatus", partition: [.int(status)], lowerBound: .including(.int(from)), limit: 50)
            blackHole(try await store.query(query, in: tenant))
        }
    }

    Benchmark("Store/commit update with 2 index changes and 1 event", configuration: latency) { benchmark in
        let store = InMemoryRecordStore()
        let tenant = StoreFixture.tenant
        let random = SeededRandomSource(seed: 5)
        let count = 100_000
        var accounts: [BenchAccount] = []
        var versions: [UInt64] = Array(repeating: 1, count: count)
        var seed = StoreTransaction()
        for index in 0..<count {
            let account = StoreFixture.account(index, random: random)
            accounts.append(account)
            seed.insert(account)
        }
        _ = try await store.commit(seed, in: tenant)
        let ids = TimeOrderedIdentifierSource(random: SeededRandomSource(seed: 6))
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            let slot = iteration % count
            var account = accounts[slot]
            account.balance &+= 1
            account.updatedAt = account.updatedAt.addingTimeInterval(1)
            var transaction = StoreTransaction()
            transaction.update(account, expectedVersion: versions[slot])
            transaction.append(
                EventEnvelope(
                    id: ids.make(), tenant: tenant, kind: "bench.account.updated",
                    aggregate: AggregateReference(type: BenchAccount.recordType, id: account.id),
                    occurredAt: account.updatedAt, actor: nil, payload: Payload(account.balance)))
            let receipt = try await store.commit(transaction, in: tenant)
            versions[slot] = receipt.versions[0]
            accounts[slot] = account
        }
    }

    Benchmark("SQLite/commit CAS update and outbox insert (baseline)", configuration: latency) { benchmark in
        let database = try SQLiteDatabase()
        try database.execute(
            """
            PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;
            CREATE TABLE accounts (id BLOB PRIMARY KEY, owner BLOB, status INTEGER, balance INTEGER,
                                   updated_at REAL, version INTEGER, body BLOB) WITHOUT ROWID;
            CREATE INDEX accounts_by_owner ON accounts (owner, updated_at);
            CREATE INDEX accounts_by_status ON accounts (status, balance);
            CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id BLOB, kind TEXT,
                                 aggregate BLOB, payload BLOB);
            """)
        let count = 100_000
        let random = SeededRandomSource(seed: 5)
        let body = [UInt8](repeating: 0x61, count: 120)
        let insert = try database.prepare("INSERT INTO accounts VALUES (?, ?, ?, ?, ?, 1, ?)")
        try database.execute("BEGIN")
        var keys: [[UInt8]] = []
        for index in 0..<count {
            let account = StoreFixture.account(index, random: random)
            let key = IndexKeyEncoding.encode([.identifier(account.id)])
            keys.append(key)
            insert.reset()
            insert.bind(1, blob: key)
            insert.bind(2, blob: IndexKeyEncoding.encode([.identifier(account.owner)]))
            insert.bind(3, account.status)
            insert.bind(4, account.balance)
            insert.bind(5, Int64(account.updatedAt.timeIntervalSince1970))
            insert.bind(6, blob: body)
            try insert.step()
        }
        try database.execute("COMMIT")
        let begin = try database.prepare("BEGIN")
        let commit = try database.prepare("COMMIT")
        let update = try database.prepare(
            "UPDATE accounts SET balance = balance + 1, updated_at = updated_at + 1, version = version + 1, body = ? WHERE id = ? AND version = ?"
        )
        let outbox = try database.prepare("INSERT INTO outbox (event_id, kind, aggregate, payload) VALUES (?, ?, ?, ?)")
        var versions = [Int64](repeating: 1, count: count)
        let eventID = [UInt8](repeating: 7, count: 16)
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            let slot = iteration % count
            begin.reset()
            try begin.step()
            update.reset()
            update.bind(1, blob: body)
            update.bind(2, blob: keys[slot])
            update.bind(3, versions[slot])
            try update.step()
            guard database.changes == 1 else { throw SQLiteDatabase.Failure(message: "version conflict") }
            outbox.reset()
            outbox.bind(1, blob: eventID)
            outbox.bind(2, "bench.account.updated")
            outbox.bind(3, blob: keys[slot])
            outbox.bind(4, blob: body)
            try outbox.step()
            commit.reset()
            try commit.step()
            versions[slot] += 1
        }
    }
}
