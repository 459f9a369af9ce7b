/// A stored record whose changes combine instead of replacing each other: counters, sums,
/// distributions — the rollups a report reads.
///
/// ``StoreTransaction/merge(_:)`` hands the store a *delta* of such a record. The store adds
/// it to the record it holds with the same identifier (or inserts the delta when there is
/// none) inside the commit, without the caller reading the record first and without a
/// version check. Two commits that merge into the same record therefore never conflict:
/// a month's overall rollup, touched by every return of the month, stops being a point of
/// contention.
///
/// ```swift
/// struct DailyCount: MergeableRecord {
///     static let recordType: RecordType = "demo.dailyCount"
///     let day: Identifier
///     var count: Int
///     var recordID: Identifier { day }
///     mutating func merge(_ delta: DailyCount) { count += delta.count }
/// }
///
/// let today = Identifier(high: 0, low: 20_261_122)   // the day, yyyymmdd
/// var transaction = StoreTransaction()
/// transaction.merge(DailyCount(day: today, count: 1))
/// ```
public protocol MergeableRecord: StoredRecord {
    /// Adds a delta's contribution to this record.
    ///
    /// The store calls it with a delta of the same identifier. It must be commutative and
    /// associative (merging deltas in any order and grouping gives the same record), since
    /// concurrent commits merge in whatever order they reach the store, and it must not
    /// change the fields the record's identity is derived from.
    ///
    /// - Parameter delta: The contribution to add.
    mutating func merge(_ delta: Self)

    /// Whether ``merge(_:)`` leaves every value the type's indexes read unchanged, so a
    /// store need not read the record's index keys before and after each merge to move its
    /// entries. The default is `false`.
    ///
    /// Declare `true` only when every field an index of ``StoredRecord/indexes`` reads is
    /// one the merge never changes (typically the identity fields, declared with `let`).
    /// A store may then leave the record's index entries where they are after a merge.
    static var mergeKeepsIndexKeys: Bool { get }
}

extension MergeableRecord {
    /// `false`: a store reads the index keys before and after each merge.
    public static var mergeKeepsIndexKeys: Bool { false }
}
