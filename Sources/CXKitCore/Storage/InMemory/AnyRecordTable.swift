/// The type-erased face of a ``RecordTable``: what a tenant partition needs to enumerate
/// records of every type without knowing their Swift types.
///
/// A partition finds the typed table by `ObjectIdentifier(Record.self)` and downcasts it
/// once per call; the operations here serve tenant-wide enumeration only.
@usableFromInline
class AnyRecordTable {
    /// The stable name of the records' type.
    let recordType: RecordType

    init(recordType: RecordType) {
        self.recordType = recordType
    }

    /// The number of records held.
    var count: Int { 0 }

    /// The stored version of a record, or `nil` when it does not exist (the typed table
    /// answers; this base holds no record).
    func storedVersion(of id: Identifier) -> UInt64? { nil }

    /// Appends snapshots of the records after `id` (all when `nil`), in identifier order,
    /// until `snapshots` holds `limit` entries.
    ///
    /// - Returns: `true` when more records follow the last one appended.
    func appendSnapshots(after id: Identifier?, limit: Int, to snapshots: inout [StoredRecordSnapshot])
        -> Bool
    {
        false
    }
}
