/// The records of one type in one tenant, kept as values, with their primary and
/// secondary indexes.
///
/// Point reads are one probe of a flat identifier map. Each secondary index keeps one
/// ``OrderedKeyTree`` of ``IndexEntry`` values per partition (an index by customer has as
/// many small trees as customers, so a change touches a shallow tree); entries carry their
/// row's slot, so a page goes from the index straight to the rows.
final class RecordTable<Record: StoredRecord>: AnyRecordTable {
    /// A stored record and its version.
    struct Row {
        var record: Record
        var version: UInt64
    }

    /// Where each record sits in `rows`. The map is concrete and flat, so a lookup runs
    /// specialised code even when the table's callers are generic, and costs about one
    /// cache miss.
    @exclusivity(unchecked) private var positions = IdentifierSlotMap()
    /// The records and their versions by slot; a deleted record's slot is emptied (so no
    /// value outlives its deletion) and reused.
    @exclusivity(unchecked) private var rows: ContiguousArray<Row?> = []
    /// Where ``touchRows(at:)`` leaves what it read, so the reads are not optimised away.
    @exclusivity(unchecked) private var touched: UInt8 = 0
    /// Emptied slots, reused by inserts.
    @exclusivity(unchecked) private var freeSlots: [Int] = []
    /// Every record's identifier, in order (the built-in ``RecordQuery/primaryIndex``).
    private let primary = OrderedKeyTree<Identifier>()
    /// The secondary indexes, read once from `Record.indexes`.
    private let indexes: [RecordIndex<Record>]
    /// For each secondary index, its entries per encoded partition.
    @exclusivity(unchecked) private var partitions: [[EncodedIndexKey: OrderedKeyTree<IndexEntry>]]

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
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            rows[slot] = row
        } else {
            slot = rows.count
            rows.append(row)
        }
        positions.set(slot, for: id)
        primary.insert(id)
        for position in indexes.indices {
            forEachKey(of: record, inIndexAt: position) { add($0, id: id, slot: slot, toIndexAt: position) }
        }
        return 1
    }

    /// Replaces a stored record and bumps its version.
    func update(_ record: Record) -> UInt64 {
        let id = record.recordID
        guard let slot = positions.slot(of: id), let previous = rows[slot] else { return insert(record) }
        let version = previous.version + 1
        for position in indexes.indices {
            let index = indexes[position]
            if let key = index.key {
                let old = key(previous.record)
                let new = key(record)
                if old != new { move(id, slot: slot, from: old, to: new, inIndexAt: position) }
                continue
            }
            let oldKeys = index.keys(previous.record)
            let newKeys = index.keys(record)
            if oldKeys == newKeys { continue }
            for key in oldKeys where !newKeys.contains(key) { remove(key, id: id, fromIndexAt: position) }
            for key in newKeys where !oldKeys.contains(key) {
                add(key, id: id, slot: slot, toIndexAt: position)
            }
        }
        rows[slot] = Row(record: record, version: version)
        return version
    }

    /// Deletes a stored record.
    func delete(_ id: Identifier) {
        guard let slot = positions.remove(id), let old = rows[slot]?.record else { return }
        rows[slot] = nil
        freeSlots.append(slot)
        primary.remove(id)
        for position in indexes.indices {
            forEachKey(of: old, inIndexAt: position) { remove($0, id: id, fromIndexAt: position) }
        }
    }

    /// Calls `body` with each key `record` contributes to the index at `position`, without
    /// an array for single-key indexes.
    @inline(__always)
    private func forEachKey(of record: Record, inIndexAt position: Int, _ body: (IndexKey) -> Void) {
        if let key = indexes[position].key {
            body(key(record))
        } else {
            for key in indexes[position].keys(record) { body(key) }
        }
    }

    private func add(_ key: IndexKey, id: Identifier, slot: Int, toIndexAt position: Int) {
        let partition = key.encodedPartition
        let entry = IndexEntry(key: key.encoded, id: id, slot: slot)
        if let tree = partitions[position][partition] {
            tree.insert(entry)
        } else {
            let tree = OrderedKeyTree<IndexEntry>()
            tree.insert(entry)
            partitions[position][partition] = tree
        }
    }

    private func remove(_ key: IndexKey, id: Identifier, fromIndexAt position: Int) {
        let partition = key.encodedPartition
        guard let tree = partitions[position][partition] else { return }
        tree.remove(IndexEntry(key: key.encoded, id: id))
        if tree.isEmpty { partitions[position][partition] = nil }
    }

    /// Moves a record's entry from `old` to `new`; within one partition, the partition's
    /// tree is found once.
    private func move(
        _ id: Identifier, slot: Int, from old: IndexKey, to new: IndexKey, inIndexAt position: Int
    ) {
        let partition = old.encodedPartition
        guard partition == new.encodedPartition, let tree = partitions[position][partition] else {
            remove(old, id: id, fromIndexAt: position)
            add(new, id: id, slot: slot, toIndexAt: position)
            return
        }
        tree.replace(
            IndexEntry(key: old.encoded, id: id, slot: slot),
            with: IndexEntry(key: new.encoded, id: id, slot: slot))
    }

    // MARK: Queries

    /// Reads one page of an index.
    ///
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` naming `index` when the
    ///   index is not declared.
    func page(for query: RecordQuery<Record>) throws(CoreError) -> RecordPage<Record> {
        if query.index == RecordQuery<Record>.primaryIndex {
            guard query.partition.isEmpty else { return RecordPage(records: [], nextCursor: nil) }
            return primaryPage(query, range: IndexScanRange(query))
        }
        guard let position = indexes.firstIndex(where: { $0.name == query.index }) else {
            throw .validation(field: "index", reason: "is not an index of \(Record.recordType.name)")
        }
        let range = IndexScanRange(query)
        guard let tree = partitions[position][range.partition] else {
            return RecordPage(records: [], nextCursor: nil)
        }
        var slots: [Int] = []
        slots.reserveCapacity(min(query.limit, 64))
        var last: IndexEntry?
        var hasMore = false
        let limit = query.limit
        range.visit(tree, order: query.order) { entry in
            if slots.count == limit {
                hasMore = true
                return false
            }
            slots.append(entry.slot)
            last = entry
            return true
        }
        var cursor: PageCursor?
        if hasMore, let last { cursor = PageCursor(sort: last.key.sortValues, recordID: last.id) }
        return RecordPage(records: versionedRows(at: slots), nextCursor: cursor)
    }

    /// The rows at `slots`, in order, as versioned records.
    ///
    /// Index order is unrelated to row order, so each row is usually a cache miss. A first
    /// pass touches every row with a tight loop, letting the processor wait for all the
    /// misses at once; the copying pass then finds the rows in cache.
    private func versionedRows(at slots: [Int]) -> [Versioned<Record>] {
        touchRows(at: slots)
        var records: [Versioned<Record>] = []
        records.reserveCapacity(slots.count)
        for slot in slots {
            if let row = rows[slot] { records.append(Versioned(record: row.record, version: row.version)) }
        }
        return records
    }

    /// Reads the first and last byte of each row at `slots` (a software prefetch).
    private func touchRows(at slots: [Int]) {
        let stride = MemoryLayout<Row?>.stride
        let count = rows.count
        touched ^= rows.withUnsafeBytes { raw in
            var mix: UInt8 = 0
            for slot in slots where slot >= 0 && slot < count {
                mix ^= raw[slot &* stride] ^ raw[slot &* stride &+ stride &- 1]
            }
            return mix
        }
    }

    /// Reads one page of the primary index, whose entries all have the empty key.
    private func primaryPage(_ query: RecordQuery<Record>, range: IndexScanRange) -> RecordPage<Record> {
        var slots: [Int] = []
        slots.reserveCapacity(min(query.limit, 64))
        var hasMore = false
        var lastID: Identifier?
        let limit = query.limit
        range.visitIdentifiers(primary, order: query.order) { id in
            if slots.count == limit {
                hasMore = true
                return false
            }
            if let slot = positions.slot(of: id) {
                slots.append(slot)
                lastID = id
            }
            return true
        }
        var cursor: PageCursor?
        if hasMore, let lastID { cursor = PageCursor(sort: [], recordID: lastID) }
        return RecordPage(records: versionedRows(at: slots), nextCursor: cursor)
    }

    // MARK: Enumeration

    override func appendSnapshots(
        after id: Identifier?, limit: Int, to snapshots: inout [StoredRecordSnapshot]
    ) -> Bool {
        var hasMore = false
        let recordType = self.recordType
        primary.visitAscending(from: id.map { start in { $0 <= start } }) { id in
            if snapshots.count >= limit {
                hasMore = true
                return false
            }
            if let row = row(id) {
                snapshots.append(
                    StoredRecordSnapshot(
                        reference: RecordReference(type: recordType, id: id), version: row.version,
                        record: row.record))
            }
            return true
        }
        return hasMore
    }
}
