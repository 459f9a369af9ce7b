import CXKitCore
import Foundation

/// A record with a partitioned date index, a multi-valued tag index and a sparse index.
struct TestTicket: StoredRecord, Equatable {
    static let recordType: RecordType = "test.ticket"
    static let indexes: [RecordIndex<TestTicket>] = [
        RecordIndex("byOwner") { IndexKey(partition: [.identifier($0.owner)], sort: [.int($0.rank)]) },
        RecordIndex("byTag", keys: { ticket in ticket.tags.map { IndexKey(partition: [.string($0)]) } }),
        RecordIndex("open", keys: { $0.isOpen ? [IndexKey(sort: [.int($0.rank)])] : [] }),
        RecordIndex(
            "openByOwner",
            sparseKey: { ticket in
                ticket.isOpen
                    ? IndexKey(partition: [.identifier(ticket.owner)], sort: [.int(ticket.rank)]) : nil
            }),
    ]
    let id: Identifier
    var owner: Identifier
    var rank: Int64
    var tags: [String]
    var isOpen: Bool
    var recordID: Identifier { id }
}

/// A counter record for concurrency tests.
struct TestTally: StoredRecord, Equatable {
    static let recordType: RecordType = "test.tally"
    let id: Identifier
    var value: Int
    var recordID: Identifier { id }
}

/// A mergeable score per team, indexed by its total so a merge moves it in the index.
struct TestScoreboard: MergeableRecord, Equatable {
    static let recordType: RecordType = "test.scoreboard"
    static let indexes: [RecordIndex<TestScoreboard>] = [
        RecordIndex("byTotal") { IndexKey(sort: [.int($0.total)]) }
    ]
    let id: Identifier
    var total: Int64
    var recordID: Identifier { id }
    mutating func merge(_ delta: TestScoreboard) { total += delta.total }
}

/// A mergeable set of labels, indexed once per label (several keys per record) and by
/// how many merges it took, so a merge both adds keys and moves an entry.
struct TestLabelSet: MergeableRecord, Equatable {
    static let recordType: RecordType = "test.labelSet"
    static let indexes: [RecordIndex<TestLabelSet>] = [
        RecordIndex("byLabel", keys: { set in set.labels.map { IndexKey(partition: [.string($0)]) } }),
        RecordIndex("byMerges") { IndexKey(sort: [.int($0.merges)]) },
    ]
    let id: Identifier
    var labels: [String]
    var merges: Int64
    var recordID: Identifier { id }
    mutating func merge(_ delta: TestLabelSet) {
        labels = Array(Set(labels).union(delta.labels)).sorted()
        merges += delta.merges
    }
}

/// A mergeable daily total indexed by its day, which merges never change: it declares
/// that merges keep its index keys.
struct TestDailyTotal: MergeableRecord, Equatable {
    static let recordType: RecordType = "test.dailyTotal"
    static let indexes: [RecordIndex<TestDailyTotal>] = [
        RecordIndex("byDay") { IndexKey(sort: [.int($0.day)]) }
    ]
    static var mergeKeepsIndexKeys: Bool { true }
    let id: Identifier
    let day: Int64
    var total: Int64
    var recordID: Identifier { id }
    mutating func merge(_ delta: TestDailyTotal) { total += delta.total }
}

/// A clock that always reads the same instant.
struct FixedTimestamps: TimestampSource {
    func now() -> Date { Date(timeIntervalSince1970: 1_767_603_600) }
    func sleep(until deadline: Date) async throws {}
}

/// Seeded identifiers for storage tests.
func seededIdentifiers(_ seed: UInt64) -> TimeOrderedIdentifierSource {
    TimeOrderedIdentifierSource(timestamps: FixedTimestamps(), random: SeededRandomSource(seed: seed))
}

/// Counts how often a closure ran, from any task.
final class RunTally: Sendable {
    private let count = Locked(0)

    func increment() { count.withLock { $0 += 1 } }

    var value: Int { count.withLock { $0 } }
}
