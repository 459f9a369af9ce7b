/// The key one record contributes to a secondary index: an equality part (`partition`)
/// and an ordered part (`sort`).
///
/// A query names the partition exactly and may restrict, order and page by the sort part;
/// within equal sort values records are ordered by identifier, which makes every position
/// in an index unique and cursors stable.
public struct IndexKey: Hashable, Sendable, Codable {
    /// The partition and sort values as order-preserving bytes, encoded once when the key
    /// is made (the in-memory store compares and hashes these, never the arrays).
    @usableFromInline var encoded: EncodedIndexKey
    /// How many leading bytes of `encoded` the partition takes.
    @usableFromInline var partitionByteCount: Int

    /// Creates an index key.
    ///
    /// The values are encoded on the spot, so keys built from array literals inside an
    /// index's closure allocate nothing. A key of one partition value and one sort value
    /// is cheaper still written without the arrays
    /// (`IndexKey(partition: .identifier(customer), sort: .date(createdAt))`).
    ///
    /// - Parameters:
    ///   - partition: The equality part.
    ///   - sort: The ordered part.
    @inlinable @inline(__always)
    public init(partition: [IndexValue] = [], sort: [IndexValue] = []) {
        var writer = IndexKeyWriter(partitionCount: partition.count)
        for value in partition { writer.append(value) }
        partitionByteCount = writer.count
        for value in sort { writer.append(value) }
        encoded = writer.key
    }

    /// Creates an index key of one partition value and one sort value, the shape most
    /// indexes have (`IndexKey(partition: .identifier(customer), sort: .date(createdAt))`).
    ///
    /// The same key as `IndexKey(partition: [partition], sort: [sort])`, written without
    /// the arrays, so the values are encoded directly.
    ///
    /// - Parameters:
    ///   - partition: The equality part.
    ///   - sort: The ordered part.
    @inlinable @inline(__always)
    public init(partition: IndexValue, sort: IndexValue) {
        self.init(single: partition, sort: sort)
    }

    /// Creates an index key of one partition value and no sort value: records in the
    /// partition are ordered by identifier. The same key as
    /// `IndexKey(partition: [partition])`.
    ///
    /// - Parameter partition: The equality part.
    @inlinable @inline(__always)
    public init(partition: IndexValue) {
        self.init(single: partition, sort: nil)
    }

    /// Creates an index key of one sort value in the index's single partition. The same
    /// key as `IndexKey(sort: [sort])`.
    ///
    /// - Parameter sort: The ordered part.
    @inlinable @inline(__always)
    public init(sort: IndexValue) {
        self.init(single: nil, sort: sort)
    }

    /// The one body of the single-value initialisers: at most one value in each part.
    /// Always inlined, so a `nil` the caller passes leaves no branch behind.
    @inlinable @inline(__always)
    init(single partition: IndexValue?, sort: IndexValue?) {
        var writer = IndexKeyWriter(partitionCount: partition == nil ? 0 : 1)
        if let partition { writer.append(partition) }
        partitionByteCount = writer.count
        if let sort { writer.append(sort) }
        encoded = writer.key
    }

    /// The values a query must match exactly (e.g. `[.identifier(customer)]`); may be empty
    /// for an index over all records of the type.
    public var partition: [IndexValue] {
        get { encoded.components.partition }
        set { self = IndexKey(partition: newValue, sort: sort) }
    }

    /// The values records are ordered by within the partition (e.g. `[.date(createdAt)]`);
    /// may be empty, in which case records are ordered by identifier only.
    public var sort: [IndexValue] {
        get { encoded.components.sort }
        set { self = IndexKey(partition: partition, sort: newValue) }
    }

    /// The encoded partition alone: the key of the partition's tree in the in-memory store.
    var encodedPartition: EncodedIndexKey { encoded.prefix(byteCount: partitionByteCount) }

    /// Whether two keys hold equal values. Values compare as ``IndexValue`` orders them
    /// (so `0.0` and `-0.0` are equal, and so are two NaNs).
    ///
    /// - Returns: `true` when both parts are equal.
    public static func == (lhs: IndexKey, rhs: IndexKey) -> Bool { lhs.encoded == rhs.encoded }

    /// Hashes the key's values.
    ///
    /// - Parameter hasher: The hasher.
    public func hash(into hasher: inout Hasher) { hasher.combine(encoded) }

    private enum CodingKeys: String, CodingKey {
        case partition
        case sort
    }

    /// Decodes a key from its `partition` and `sort` arrays.
    ///
    /// - Throws: `DecodingError` when either is missing or malformed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            partition: try container.decode([IndexValue].self, forKey: .partition),
            sort: try container.decode([IndexValue].self, forKey: .sort))
    }

    /// Encodes the key as its `partition` and `sort` arrays.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let components = encoded.components
        try container.encode(components.partition, forKey: .partition)
        try container.encode(components.sort, forKey: .sort)
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
    /// The key functions the in-memory store calls with a record's address.
    @usableFromInline let functions: IndexKeyFunctions

    /// Declares an index whose records each contribute a set of keys.
    ///
    /// - Parameters:
    ///   - name: The index's name, unique within the record type.
    ///   - keys: The keys a record contributes (empty to leave it out).
    @inlinable
    public init(_ name: String, keys: @escaping @Sendable (Record) -> [IndexKey]) {
        self.name = name
        self.keys = keys
        self.functions = IndexKeyFunctions(keys: keys)
    }

    /// Declares an index in which every record contributes exactly one key.
    ///
    /// - Parameters:
    ///   - name: The index's name, unique within the record type.
    ///   - key: The key a record contributes.
    @inlinable
    public init(_ name: String, key: @escaping @Sendable (Record) -> IndexKey) {
        self.name = name
        self.keys = { [key($0)] }
        self.functions = IndexKeyFunctions(key: key)
    }

    /// Declares a sparse index in which a record contributes one key or, when `sparseKey`
    /// returns `nil`, none (e.g. only open tickets, by due date).
    ///
    /// The same index can be declared with ``init(_:keys:)``; this form lets the store
    /// skip the array of keys on every insert and update.
    ///
    /// - Parameters:
    ///   - name: The index's name, unique within the record type.
    ///   - sparseKey: The key a record contributes, or `nil` to leave it out.
    @inlinable
    public init(_ name: String, sparseKey: @escaping @Sendable (Record) -> IndexKey?) {
        self.name = name
        self.keys = { sparseKey($0).map { [$0] } ?? [] }
        self.functions = IndexKeyFunctions(sparseKey: sparseKey)
    }
}
