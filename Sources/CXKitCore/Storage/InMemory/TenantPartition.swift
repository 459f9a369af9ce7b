import Foundation

/// Everything one tenant holds in an ``InMemoryRecordStore``: its record tables and its
/// idempotency records. Calls for a tenant reach only its partition, so nothing of another
/// tenant is reachable from them.
@usableFromInline
final class TenantPartition {
    /// The record tables, by the Swift type of their records.
    @usableFromInline @exclusivity(unchecked) private(set) var tables: [ObjectIdentifier: AnyRecordTable] =
        [:]
    /// The table used last, found by comparing one pointer instead of hashing.
    @usableFromInline @exclusivity(unchecked) var recent: (type: ObjectIdentifier, table: AnyRecordTable)?
    /// The idempotency records by scope.
    var idempotency: [IdempotencyScope: IdempotencyRecord] = [:]

    /// The table of `Record`, if any record of it was ever stored.
    @inlinable @inline(__always)
    func existingTable<Record: StoredRecord>(_ type: Record.Type) -> RecordTable<Record>? {
        // The key is the metatype of `Record`, so the table is a `RecordTable<Record>`. This
        // code runs unspecialised, where wrapping the cast in `Optional.map` made the
        // runtime look up the metadata of `RecordTable<Record>` on every call.
        guard let table = existingTable(ObjectIdentifier(type)) else { return nil }
        return unsafeDowncast(table, to: RecordTable<Record>.self)
    }

    /// The table of the record type with this identifier, if any record of it was ever
    /// stored.
    @inlinable @inline(__always)
    func existingTable(_ key: ObjectIdentifier) -> AnyRecordTable? {
        if let recent, recent.type == key { return recent.table }
        guard let table = tables[key] else { return nil }
        recent = (key, table)
        return table
    }

    /// The table of `Record`, created on first use.
    func table<Record: StoredRecord>(_ type: Record.Type) -> RecordTable<Record> {
        if let table = existingTable(type) { return table }
        let table = RecordTable<Record>()
        tables[ObjectIdentifier(type)] = table
        return table
    }

    /// The number of records of every type.
    var recordCount: Int { tables.values.reduce(0) { $0 + $1.count } }

    /// Whether the partition holds no record and no idempotency record.
    var isEmpty: Bool { idempotency.isEmpty && tables.values.allSatisfy { $0.count == 0 } }
}
