/// The records of one type in one tenant, kept as values, with their primary and
/// secondary indexes.
///
/// Point reads are one dictionary lookup. Every index is an ``OrderedKeyTree`` per
/// partition value, changed incrementally by the same call that changes the record.
final class RecordTable<Record: StoredRecord>: AnyRecordTable {
    /// A stored record and its version.
    struct Row {
        var record: Record
        var version: UInt64
    }

    /// Where each record sits in `rows`. The map is concrete and flat, so a lookup runs
    /// specialised code even when the table's callers are generic, and costs about one
    /// cache miss.
    private var positions = IdentifierSlotMap()
    /// The records and their versions by slot; a deleted record's slot is emptied (so no
    /// value outlives its deletion) and reused.
    private var rows: ContiguousArray<Row?> = []
    /// Emptied slots, reused by inserts.
    private var freeSlots: [Int] = []
    /// Every record's identifier, in order (the built-in ``RecordQuery/primaryIndex``).
    private let primary = OrderedKeyTree<IndexEntry>()
    /// The secondary indexes, read once from `Record.indexes`.
    private let indexes: [RecordIndex<Record>]
    /// For each secondary index, its entries per partition value.
    private var partitions: [[[IndexValue]: OrderedKeyTree<IndexEntry>]]

    init() {
        let indexes = Record.indexes
        self.indexes = indexes
        self.partitions = Array(repeating: [:], count: indexes.count)
        super.init(recordType: Record.recordType)
    }

    override var count: Int { positions.count }

    /// The stored version of a record, or `nil` when it does not exist.
    @inline(__always)
    func version(of id: Identifier) -> UInt64? {
        guard let position = positions.slot(of: id) else { return nil }
        return rows[position]?.version
    }

    /// The stored record and its version, or `nil` when it does not exist.
    @inline(__always)
    func row(_ id: Identifier) -> Row? {
        guard let position = positions.slot(of: id) else { return nil }
        return rows[position]
    }

    /// The number of entries a secondary index holds across its partitions.
    func entryCount(ofIndex name: String) -> Int {
        guard let position = indexes.firstIndex(where: { $0.name == name }) else { return 0 }
        return partitions[position].values.reduce(0) { $0 + $1.count }
    }

    // MARK: Changes (the caller has checked versions)

    /// Stores a new record at version 1.
    func insert(_ record: Record) -> UInt64 {
        let id = record.recordID
        let row = Row(record: record, version: 1)
        if let slot = freeSlots.popLast() {
            rows[slot] = row
            positions.set(slot, for: id)
        } else {
            positions.set(rows.count, for: id)
            rows.append(row)
        }
        primary.insert(IndexEntry(sort: [], id: id))
        for position in indexes.indices {
            for key in indexes[position].keys(record) { add(key, id: id, toIndexAt: position) }
        }
        return 1
    }

    /// Replaces a stored record and bumps its version.
    func update(_ record: Record) -> UInt64 {
        let id = record.recordID
        guard let slot = positions.slot(of: id), let previous = rows[slot] else { return insert(record) }
        let old = previous.record
        let version = previous.version + 1
        rows[slot] = Row(record: record, version: version)
        for position in indexes.indices {
            let index = indexes[position]
            let oldKeys = index.keys(old)
            let newKeys = index.keys(record)
            if oldKeys == newKeys { continue }
            for key in oldKeys where !newKeys.contains(key) { remove(key, id: id, fromIndexAt: position) }
            for key in newKeys where !oldKeys.contains(key) { add(key, id: id, toIndexAt: position) }
        }
        return version
    }

    /// Deletes a stored record.
    func delete(_ id: Identifier) {
        guard let slot = positions.remove(id), let old = rows[slot]?.record else { return }
        rows[slot] = nil
        freeSlots.append(slot)
        primary.remove(IndexEntry(sort: [], id: id))
        for position in indexes.indices {
            for key in indexes[position].keys(old) { remove(key, id: id, fromIndexAt: position) }
        }
    }

    private func add(_ key: IndexKey, id: Identifier, toIndexAt position: Int) {
        let entry = IndexEntry(sort: key.sort, id: id)
        if let tree = partitions[position][key.partition] {
            tree.insert(entry)
        } else {
            let tree = OrderedKeyTree<IndexEntry>()
            tree.insert(entry)
            partitions[position][key.partition] = tree
        }
    }

    private func remove(_ key: IndexKey, id: Identifier, fromIndexAt position: Int) {
        guard let tree = partitions[position][key.partition] else { return }
        tree.remove(IndexEntry(sort: key.sort, id: id))
        if tree.isEmpty { partitions[position][key.partition] = nil }
    }

    // MARK: Queries

    /// Reads one page of an index.
    ///
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` naming `index` when the
    ///   index is not declared.
    func page(for query: RecordQuery<Record>) throws(CoreError) -> RecordPage<Record> {
        let tree: OrderedKeyTree<IndexEntry>?
        if query.index == RecordQuery<Record>.primaryIndex {
            tree = query.partition.isEmpty ? primary : nil
        } else {
            guard let position = indexes.firstIndex(where: { $0.name == query.index }) else {
                throw .validation(field: "index", reason: "is not an index of \(Record.recordType.name)")
            }
            tree = partitions[position][query.partition]
        }
        guard let tree else { return RecordPage(records: [], nextCursor: nil) }
        let entries = Self.scan(tree, query: query)
        var records: [Versioned<Record>] = []
        records.reserveCapacity(entries.entries.count)
        for entry in entries.entries {
            if let position = positions.slot(of: entry.id), let row = rows[position] {
                records.append(Versioned(record: row.record, version: row.version))
            }
        }
        var cursor: PageCursor?
        if entries.hasMore, let last = entries.entries.last {
            cursor = PageCursor(sort: last.sort, recordID: last.id)
        }
        return RecordPage(records: records, nextCursor: cursor)
    }

    /// Collects up to `query.limit` entries in range after the cursor, and whether more
    /// follow.
    static func scan(_ tree: OrderedKeyTree<IndexEntry>, query: RecordQuery<Record>)
        -> (entries: [IndexEntry], hasMore: Bool)
    {
        let lower = query.lowerBound
        let upper = query.upperBound
        let cursor = query.cursor.map { IndexEntry(sort: $0.sort, id: $0.recordID) }
        let limit = query.limit
        var entries: [IndexEntry] = []
        entries.reserveCapacity(min(limit, 64))
        var hasMore = false
        switch query.order {
        case .ascending:
            let isBefore: (IndexEntry) -> Bool = { entry in
                if let lower, !admits(entry.sort, asLower: lower) { return true }
                if let cursor, !(cursor < entry) { return true }
                return false
            }
            tree.visitAscending(from: lower == nil && cursor == nil ? nil : isBefore) { entry in
                if let upper, !admits(entry.sort, asUpper: upper) { return false }
                if entries.count == limit {
                    hasMore = true
                    return false
                }
                entries.append(entry)
                return true
            }
        case .descending:
            let isAfter: (IndexEntry) -> Bool = { entry in
                if let upper, !admits(entry.sort, asUpper: upper) { return true }
                if let cursor, !(entry < cursor) { return true }
                return false
            }
            tree.visitDescending(from: upper == nil && cursor == nil ? nil : isAfter) { entry in
                if let lower, !admits(entry.sort, asLower: lower) { return false }
                if entries.count == limit {
                    hasMore = true
                    return false
                }
                entries.append(entry)
                return true
            }
        }
        return (entries, hasMore)
    }

    /// ``IndexBound/admitsAsLower(_:)`` without allocating.
    private static func admits(_ sort: [IndexValue], asLower bound: IndexBound) -> Bool {
        let order = IndexEntry.compare(sort, withPrefix: bound.values)
        return order == 0 ? bound.isInclusive : order > 0
    }

    /// ``IndexBound/admitsAsUpper(_:)`` without allocating.
    private static func admits(_ sort: [IndexValue], asUpper bound: IndexBound) -> Bool {
        let order = IndexEntry.compare(sort, withPrefix: bound.values)
        return order == 0 ? bound.isInclusive : order < 0
    }

    // MARK: Enumeration

    override func appendSnapshots(
        after id: Identifier?, limit: Int, to snapshots: inout [StoredRecordSnapshot]
    ) -> Bool {
        var hasMore = false
        let start = id.map { IndexEntry(sort: [], id: $0) }
        let recordType = self.recordType
        primary.visitAscending(from: start.map { start in { !(start < $0) } }) { entry in
            if snapshots.count >= limit {
                hasMore = true
                return false
            }
            if let row = row(entry.id) {
                snapshots.append(
                    StoredRecordSnapshot(
                        reference: RecordReference(type: recordType, id: entry.id), version: row.version,
                        record: row.record))
            }
            return true
        }
        return hasMore
    }
}
