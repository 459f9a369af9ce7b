import Benchmark
import CXKitCore
import Foundation

/// A store of 100k accounts whose records the commit benchmark updates in turn, and the
/// versions it last committed. Used by one benchmark at a time.
final class CommitFixture: @unchecked Sendable {
    static let count = 100_000
    static let shared = CommitFixture()

    let store = InMemoryRecordStore()
    let ids = TimeOrderedIdentifierSource(timestamps: FrozenClock(), random: SeededRandomSource(seed: 6))
    // The fixture's own bookkeeping is left out of what is measured: one benchmark uses a
    // fixture at a time, so the runtime's exclusivity checks on these are skipped.
    @exclusivity(unchecked) var accounts: [BenchAccount] = []
    @exclusivity(unchecked) var versions: [UInt64]
    @exclusivity(unchecked) var next = 0

    private init() {
        let random = SeededRandomSource(seed: 5)
        versions = Array(repeating: 1, count: Self.count)
        var seed = StoreTransaction()
        for index in 0..<Self.count {
            let account = StoreFixture.account(index, random: random)
            accounts.append(account)
            seed.insert(account)
        }
        do { _ = try store.commitNow(seed, in: StoreFixture.tenant) } catch {
            fatalError("seeding failed: \(error)")
        }
    }

    /// Updates the next account, moving both of its index keys, with one outbox event.
    func commitNext() throws {
        let slot = next
        next = (next + 1) % Self.count
        var account = accounts[slot]
        account.balance &+= 1
        account.updatedAt = account.updatedAt.addingTimeInterval(1)
        var transaction = StoreTransaction()
        transaction.update(account, expectedVersion: versions[slot])
        transaction.append(
            EventEnvelope(
                id: ids.make(), tenant: StoreFixture.tenant, kind: "bench.account.updated",
                aggregate: AggregateReference(type: BenchAccount.recordType, id: account.id),
                occurredAt: account.updatedAt, actor: nil, payload: Payload(account.balance)))
        let receipt = try store.commitNow(transaction, in: StoreFixture.tenant)
        versions[slot] = receipt.versions[0]
        accounts[slot] = account
    }

    /// Empties the outbox, so it does not grow without bound between samples.
    func drainOutbox() async throws {
        let now = FrozenClock().now()
        while true {
            let claimed = try await store.claimOutboxEntries(
                limit: 10_000, claimant: "bench", now: now, leaseDuration: .seconds(60))
            if claimed.isEmpty { return }
            try await store.acknowledgeOutboxEntries(claimed.map(\.event.id), claimant: "bench")
        }
    }
}

/// The SQLite baseline for the commit benchmark: the same 100k accounts, a
/// `UPDATE … WHERE version = ?` plus an outbox insert per transaction.
final class SQLiteCommitFixture: @unchecked Sendable {
    static let shared: SQLiteCommitFixture = {
        do { return try SQLiteCommitFixture() } catch { fatalError("SQLite setup failed: \(error)") }
    }()

    let database: SQLiteDatabase
    let begin: SQLiteDatabase.Statement
    let commit: SQLiteDatabase.Statement
    let update: SQLiteDatabase.Statement
    let outbox: SQLiteDatabase.Statement
    // As in `CommitFixture`, the fixture's bookkeeping skips the exclusivity checks.
    @exclusivity(unchecked) var keys: [[UInt8]] = []
    @exclusivity(unchecked) var versions: [Int64]
    @exclusivity(unchecked) var next = 0
    let body = [UInt8](repeating: 0x61, count: 72)
    let eventID = [UInt8](repeating: 7, count: 16)

    private init() throws {
        database = try SQLiteDatabase()
        try database.execute(
            """
            CREATE TABLE accounts (id BLOB PRIMARY KEY, owner BLOB, status INTEGER, balance INTEGER,
                                   updated_at INTEGER, version INTEGER, body BLOB) WITHOUT ROWID;
            CREATE INDEX accounts_by_owner ON accounts (owner, updated_at);
            CREATE INDEX accounts_by_status ON accounts (status, balance);
            CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id BLOB, kind TEXT,
                                 aggregate BLOB, payload BLOB);
            """)
        let random = SeededRandomSource(seed: 5)
        let insert = try database.prepare("INSERT INTO accounts VALUES (?, ?, ?, ?, ?, 1, ?)")
        try database.execute("BEGIN")
        for index in 0..<CommitFixture.count {
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
        versions = Array(repeating: 1, count: CommitFixture.count)
        begin = try database.prepare("BEGIN")
        commit = try database.prepare("COMMIT")
        update = try database.prepare(
            """
            UPDATE accounts SET balance = balance + 1, updated_at = updated_at + 1, version = version + 1, body = ?
            WHERE id = ? AND version = ?
            """)
        outbox = try database.prepare(
            "INSERT INTO outbox (event_id, kind, aggregate, payload) VALUES (?, ?, ?, ?)")
    }

    func commitNext() throws {
        let slot = next
        next = (next + 1) % CommitFixture.count
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

func registerStoreBenchmarks() {
    let throughput = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .nanoseconds, warmupIterations: 3,
        scalingFactor: .kilo, maxDuration: .seconds(3), maxIterations: 1_000)
    let fetchProbes = ProbeSequence()

    Benchmark("Store/fetch at 1M records", configuration: throughput) { benchmark in
        let (store, _) = StoreFixture.populated
        // Random identifiers drawn up front and read in sequence, so the loop measures the
        // store's lookups rather than cache misses on the benchmark's own identifier array.
        let probes = fetchProbes
        let tenant = StoreFixture.tenant
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(store.record(BenchAccount.self, id: probes.advance(), in: tenant))
        }
    }

    Benchmark("Store/fetch at 1M records through the async port", configuration: throughput) { benchmark in
        let (store, _) = StoreFixture.populated
        let port: any RecordStore = store
        let probes = fetchProbes
        let tenant = StoreFixture.tenant
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try await port.fetch(BenchAccount.self, id: probes.advance(), in: tenant))
        }
    }

    Benchmark("Store/query page of 50 at 1M records", configuration: throughput) { benchmark in
        let (store, _) = StoreFixture.populated
        let random = SeededRandomSource(seed: 4)
        let tenant = StoreFixture.tenant
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let query = RecordQuery<BenchAccount>(
                index: "byStatus",
                partition: [.int(Int64(random.next(below: UInt64(StoreFixture.statusCount))))],
                lowerBound: .including(.int(Int64(random.next(below: 1_000_000)))), limit: 50)
            blackHole(try store.page(query, in: tenant))
        }
    }

    Benchmark("Store/commit update with 2 index changes and 1 event", configuration: throughput) {
        benchmark in
        let fixture = CommitFixture.shared
        try await fixture.drainOutbox()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { try fixture.commitNext() }
    }

    Benchmark("SQLite/commit CAS update and outbox insert (baseline)", configuration: throughput) {
        benchmark in
        let fixture = SQLiteCommitFixture.shared
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { try fixture.commitNext() }
    }

    // Single-operation percentiles, which batch averages cannot show.
    let metrics: [(String, BenchmarkMetric)] = [
        "fetch p50", "fetch p99", "query p50", "query p99", "commit p50", "commit p99", "SQLite commit p50",
        "SQLite commit p99",
    ].map { ($0, BenchmarkMetric.custom("\($0) (ns)", useScalingFactor: false)) }
    Benchmark(
        "Store/single-operation latency percentiles",
        configuration: .init(metrics: metrics.map(\.1), maxDuration: .seconds(60), maxIterations: 1)
    ) { benchmark in
        let (store, _) = StoreFixture.populated
        let tenant = StoreFixture.tenant
        let random = SeededRandomSource(seed: 7)
        let count = 200_000
        var fetch = LatencySampler(capacity: count)
        let probes = StoreFixture.randomProbes
        for index in 0..<count {
            let id = probes[index & 65_535]
            blackHole(fetch.measure { store.record(BenchAccount.self, id: id, in: tenant) })
        }
        var query = LatencySampler(capacity: count / 10)
        for _ in 0..<(count / 10) {
            let request = RecordQuery<BenchAccount>(
                index: "byStatus",
                partition: [.int(Int64(random.next(below: UInt64(StoreFixture.statusCount))))],
                lowerBound: .including(.int(Int64(random.next(below: 1_000_000)))), limit: 50)
            blackHole(try query.measure { try store.page(request, in: tenant) })
        }
        var commit = LatencySampler(capacity: count / 2)
        for round in 0..<(count / 2) {
            if round % 10_000 == 0 { try await CommitFixture.shared.drainOutbox() }
            try commit.measure { try CommitFixture.shared.commitNext() }
        }
        var sqlite = LatencySampler(capacity: count / 2)
        for _ in 0..<(count / 2) { try sqlite.measure { try SQLiteCommitFixture.shared.commitNext() } }
        let values = [
            fetch.percentile(50), fetch.percentile(99), query.percentile(50), query.percentile(99),
            commit.percentile(50), commit.percentile(99), sqlite.percentile(50), sqlite.percentile(99),
        ]
        for (metric, value) in zip(metrics, values) { benchmark.measurement(metric.1, value) }
    }
}
