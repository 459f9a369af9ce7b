/// The key one record contributes to a secondary index: an equality part (`partition`)
/// and an ordered part (`sort`).
///
/// A query names the partition exactly and may restrict, order and page by the sort part;
/// within equal sort values records are ordered by identifier, which makes every position
/// in an index unique and cursors stable.
public struct IndexKey: Hashable, Sendable, Codable {
    /// The values a query must match exactly (e.g. `[.identifier(customer)]`); may be empty
    /// for an index over all records of the type.
    public var partition: [IndexValue]
    /// The values records are ordered by within the partition (e.g. `[.date(createdAt)]`);
    /// may be empty, in which case records are ordered by identifier only.
    public var sort: [IndexValue]

    /// Creates an index key.
    ///
    /// - Parameters:
    ///   - partition: The equality part.
    ///   - sort: The ordered part.
    public init(partition: [IndexValue] = [], sort: [IndexValue] = []) {
        self.partition = partition
        self.sort = sort
    }
}

/// A secondary index declared by a ``StoredRecord`` type.
///
/// The `keys` closure returns the keys a record contributes: usually one, none to leave a
/// record out of the index (a sparse index, e.g. only open tickets), several for
/// multi-valued attributes (one per tag). The store calls it on every insert and update
/// and keeps the index in step within the same commit.
public struct RecordIndex<Record: StoredRecord>: Sendable {
    /// The index's name, unique within the record type.
    public let name: String
    /// Computes the keys a record contributes.
    public let keys: @Sendable (Record) -> [IndexKey]

    /// Declares an index whose records each contribute a set of keys.
    ///
    /// - Parameters:
    ///   - name: The index's name, unique within the record type.
    ///   - keys: The keys a record contributes (empty to leave it out).
    public init(_ name: String, keys: @escaping @Sendable (Record) -> [IndexKey]) {
        self.name = name
        self.keys = keys
    }

    /// Declares an index in which every record contributes exactly one key.
    ///
    /// - Parameters:
    ///   - name: The index's name, unique within the record type.
    ///   - key: The key a record contributes.
    public init(_ name: String, key: @escaping @Sendable (Record) -> IndexKey) {
        self.name = name
        self.keys = { [key($0)] }
    }
}
