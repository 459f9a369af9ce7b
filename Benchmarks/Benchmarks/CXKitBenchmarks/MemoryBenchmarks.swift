import Benchmark
import CXKitCore
import Foundation

/// Resident memory of this process in bytes, from `/proc/self/statm` (Linux) — 0 elsewhere.
func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

func registerMemoryBenchmarks() {
    let bytesPerRecord = BenchmarkMetric.custom("RSS growth per record (B)", useScalingFactor: false)
    let payloadPerRecord = BenchmarkMetric.custom("payload per record (B)", useScalingFactor: false)
    let overheadPerIndexEntry = BenchmarkMetric.custom(
        "RSS beyond 2x payload per index entry (B)", useScalingFactor: false)
    Benchmark(
        "Store/memory for 1M records",
        configuration: .init(
            metrics: [bytesPerRecord, payloadPerRecord, overheadPerIndexEntry], maxDuration: .seconds(60),
            maxIterations: 1)
    ) { benchmark in
        let count = StoreFixture.recordCount
        let random = SeededRandomSource(seed: 12)
        var accounts: [BenchAccount] = []
        accounts.reserveCapacity(count)
        for index in 0..<count { accounts.append(StoreFixture.account(index, random: random)) }
        // The records' own payload: their inline size (the note is a small inline string).
        let payload = MemoryLayout<BenchAccount>.stride
        let before = residentBytes()
        let store = InMemoryRecordStore()
        var transaction = StoreTransaction()
        for account in accounts {
            transaction.insert(account)
            if transaction.changes.count == 10_000 {
                _ = try await store.commit(transaction, in: StoreFixture.tenant)
                transaction = StoreTransaction()
            }
        }
        let growth = residentBytes() - before
        blackHole(store)
        // Three index entries per record: the primary index and the two declared ones.
        let indexEntries = 3
        let perRecord = growth / count
        benchmark.measurement(bytesPerRecord, perRecord)
        benchmark.measurement(payloadPerRecord, payload)
        benchmark.measurement(overheadPerIndexEntry, max(0, perRecord - 2 * payload) / indexEntries)
    }
}
