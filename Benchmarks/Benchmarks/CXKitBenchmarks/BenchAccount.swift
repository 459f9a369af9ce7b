import CXKitCore
import Foundation

/// The record shape shared by the store benchmarks and their SQLite baseline: an account
/// with an owner, a status and a balance, indexed two ways.
struct BenchAccount: StoredRecord {
    static let recordType: RecordType = "bench.account"
    static let indexes: [RecordIndex<BenchAccount>] = [
        RecordIndex("byOwner") { IndexKey(partition: .identifier($0.owner), sort: .date($0.updatedAt)) },
        RecordIndex("byStatus") { IndexKey(partition: .int($0.status), sort: .int($0.balance)) },
    ]

    let id: Identifier
    var owner: Identifier
    var status: Int64
    var balance: Int64
    var updatedAt: Date
    var note: String

    var recordID: Identifier { id }
}

/// Sizes and shared fixtures for the storage benchmarks.
enum StoreFixture {
    static let recordCount = 1_000_000
    static let ownerCount = 50_000
    static let statusCount: Int64 = 4

    static let tenant: TenantID = {
        do { return try TenantID("bench") } catch { fatalError("valid tenant") }
    }()

    static func account(_ index: Int, random: SeededRandomSource) -> BenchAccount {
        BenchAccount(
            id: Identifier(
                milliseconds: 1_700_000_000_000 + UInt64(index), randomHigh: 0, randomLow: UInt64(index)),
            owner: Identifier(high: 1, low: random.next(below: UInt64(ownerCount))),
            status: Int64(random.next(below: UInt64(statusCount))),
            balance: Int64(random.next(below: 1_000_000)),
            updatedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)),
            note: "account \(index)")
    }

    /// 65,536 identifiers of stored accounts in random order.
    ///
    /// A benchmark sample's iterations count from zero, so a loop that indexed this array
    /// by iteration would read the same thousand records in every sample, from cache. The
    /// fetch benchmarks read it through ``ProbeSequence`` instead, which carries on where the
    /// last sample stopped.
    static let randomProbes: [Identifier] = {
        let ids = populated.ids
        let random = SeededRandomSource(seed: 3)
        return (0..<65_536).map { _ in ids[Int(random.next(below: UInt64(ids.count)))] }
    }()

    /// A store holding `recordCount` accounts, built once per process (synchronously, so
    /// no task blocks the cooperative pool while it waits).
    static let populated: (store: InMemoryRecordStore, ids: [Identifier]) = {
        let store = InMemoryRecordStore()
        let random = SeededRandomSource(seed: 11)
        var ids: [Identifier] = []
        ids.reserveCapacity(recordCount)
        var transaction = StoreTransaction()
        do {
            for index in 0..<recordCount {
                let account = account(index, random: random)
                ids.append(account.id)
                transaction.insert(account)
                if transaction.changes.count == 10_000 {
                    _ = try store.commitNow(transaction, in: tenant)
                    transaction = StoreTransaction()
                }
            }
            if !transaction.isEmpty { _ = try store.commitNow(transaction, in: tenant) }
        } catch {
            fatalError("seeding failed: \(error)")
        }
        return (store, ids)
    }()
}

/// Walks ``StoreFixture/randomProbes`` across benchmark samples, so each sample reads
/// records the previous ones did not (65 samples of a thousand reads pass before one comes
/// back, and the records they touch do not fit in cache).
final class ProbeSequence: @unchecked Sendable {
    private let probes = StoreFixture.randomProbes
    private var next = 0

    /// The identifier to read next.
    @inline(__always)
    func advance() -> Identifier {
        let id = probes[next]
        next = (next + 1) & 65_535
        return id
    }
}
