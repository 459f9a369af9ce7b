/// The records of one type in one tenant, kept as values, with their primary and
/// secondary indexes.
///
/// Point reads are one probe of a flat identifier map, whose cell number is the record's
/// slot: the record sits at the same position of a parallel buffer, so its cache miss and
/// the cell's overlap. Each secondary index keeps one
/// ``OrderedKeyTree`` of ``IndexEntry`` values per partition (an index by customer has as
/// many small trees as customers, so a change touches a shallow tree); entries carry their
/// row's slot, so a page goes from the index straight to the rows.
///
/// The table's code runs unspecialised (it is generic over the host's record types), so
/// its hot paths avoid types built from `Record`, such as `Optional<Record>` or
/// `RecordIndex<Record>` or `ContiguousArray<Record>`: the runtime would look up each
/// one's metadata on every use. Records sit in a buffer the table manages through a typed
/// pointer, versions in the identifier map's cells (a deleted record is released at once
/// and its slot left empty), and the indexes' key functions are kept in
/// ``IndexKeyFunctions`` values, which are not generic.
@usableFromInline
final class RecordTable<Record: StoredRecord>: AnyRecordTable {
    /// Each record's slot and version. The map is concrete and flat, so a lookup runs
    /// specialised code even though the table's callers are generic, and costs about one
    /// cache miss.
    @usableFromInline @exclusivity(unchecked) var positions = IdentifierSlotMap()
    /// The records by slot, in a buffer as long as `positions` has cells: slot `i` is
    /// initialised exactly when cell `i` is occupied. Through a `ContiguousArray<Record>`,
    /// every read and write would call the standard library's unspecialised entry points,
    /// which ask the runtime for the array type's metadata each time; a typed pointer
    /// costs only the record's own value witnesses.
    @usableFromInline @exclusivity(unchecked) var records: UnsafeMutablePointer<Record>
    /// Where ``touchRecords(at:)`` leaves what it read, so the reads are not optimised away.
    @exclusivity(unchecked) private var touched: UInt8 = 0
    /// Every record's identifier, in order (the built-in ``RecordQuery/primaryIndex``).
    private let primary = OrderedKeyTree<Identifier>()
    /// The secondary indexes' names, read once from `Record.indexes`.
    private let indexNames: [String]
    /// The secondary indexes' key functions, in the same order.
    private let readers: ContiguousArray<IndexKeyFunctions>
    /// Whether every secondary index takes at most one key per record (so a merge can keep
    /// each index's old key in a fixed slot while it changes the record in place).
    private let readersAreSingleKeyed: Bool
    /// For each secondary index, its entries per encoded partition.
    @exclusivity(unchecked) private var partitions: ContiguousArray<[EncodedIndexKey: IndexPartition]>

    init() {
        let indexes = Record.indexes
        indexNames = indexes.map(\.name)
        readers = ContiguousArray(indexes.map(\.functions))
        readersAreSingleKeyed = readers.allSatisfy { $0.key != nil }
        partitions = ContiguousArray(repeating: [:], count: indexes.count)
        records = HugePages.allocate(Record.self, capacity: positions.capacity)
        super.init(recordType: Record.recordType)
    }

    deinit {
        positions.forEachOccupiedSlot { (records + $0).deinitialize(count: 1) }
        records.deallocate()
    }

    override var count: Int { positions.count }

    /// The stored version of a record, or `nil` when it does not exist.
    ///
    /// A commit checks versions before it changes anything, so this also loads the
    /// record's first byte: the record's cache miss then overlaps the cell's, rather than
    /// coming later when the change re-reads the record's index keys.
    @inline(__always)
    func version(of id: Identifier) -> UInt64? {
        guard let slot = positions.slot(of: id) else { return nil }
        touched ^= UnsafeRawPointer(records + slot).load(as: UInt8.self)
        return positions.value(at: slot)
    }

    override func storedVersion(of id: Identifier) -> UInt64? { version(of: id) }

    /// The stored record and its version, or `nil` when it does not exist.
    @inlinable @inline(__always)
    func versioned(_ id: Identifier) -> Versioned<Record>? {
        guard let slot = positions.slot(of: id) else { return nil }
        return Versioned(record: records[slot], version: positions.value(at: slot))
    }

    /// The number of entries a secondary index holds across its partitions.
    func entryCount(ofIndex name: String) -> Int {
        guard let position = indexNames.firstIndex(of: name) else { return 0 }
        return partitions[position].values.reduce(0) { $0 + $1.count }
    }

    // MARK: Changes (the caller has checked versions)

    /// Stores a new record at version 1 (or replaces the stored one, as ``update(_:)``
    /// would, when the identifier is taken).
    func insert(_ record: Record) -> UInt64 {
        let id = record.recordID
        if positions.isFull { rebuildPositions() }
        let (slot, claimed) = positions.claim(id, value: 1)
        guard claimed else { return replace(at: slot, with: record) }
        (records + slot).initialize(to: record)
        primary.insert(id)
        withUnsafePointer(to: record) { record in
            forEachKey(of: UnsafeRawPointer(record)) { add($0, id: id, slot: slot, toIndexAt: $1) }
        }
        return 1
    }

    /// Replaces a stored record and bumps its version.
    func update(_ record: Record) -> UInt64 {
        guard let slot = positions.slot(of: record.recordID) else { return insert(record) }
        return replace(at: slot, with: record)
    }

    /// Merges a delta into the stored record with its identifier and bumps its version, or
    /// stores the delta at version 1 when there is none.
    ///
    /// The stored record is merged where it lies, so the fields the delta leaves alone are
    /// neither copied nor retained, and arrays it grows are not copied first. Each index's
    /// key is read before and after the merge, and an entry moves only when its key changed,
    /// unless the type declares that merges keep its index keys.
    func merge(_ delta: Record) -> UInt64 where Record: MergeableRecord {
        let id = delta.recordID
        guard let slot = positions.slot(of: id) else { return insert(delta) }
        let version = positions.value(at: slot) &+ 1
        let stored = records + slot
        if Record.mergeKeepsIndexKeys || readers.isEmpty {
            stored.pointee.merge(delta)
            positions.setValue(version, at: slot)
            return version
        }
        guard readersAreSingleKeyed else {
            var merged = records[slot]
            merged.merge(delta)
            return replace(at: slot, with: merged)
        }
        withUnsafeTemporaryAllocation(of: IndexKey?.self, capacity: readers.count) { before in
            for position in readers.indices {
                before.initializeElement(at: position, to: readers[position].key?(UnsafeRawPointer(stored)))
            }
            stored.pointee.merge(delta)
            for position in readers.indices {
                let after = readers[position].key?(UnsafeRawPointer(stored))
                moveEntry(id, slot: slot, from: before[position], to: after, inIndexAt: position)
            }
            before.deinitialize()
        }
        positions.setValue(version, at: slot)
        return version
    }

    /// Puts `record` in the slot of the record it replaces, moves its index entries and
    /// bumps the version.
    private func replace(at slot: Int, with record: Record) -> UInt64 {
        let id = record.recordID
        let version = positions.value(at: slot) &+ 1
        withUnsafePointer(to: record) { new in
            withStoredRecord(at: slot) { old in
                reindex(id, slot: slot, from: old, to: UnsafeRawPointer(new))
            }
        }
        records[slot] = record
        positions.setValue(version, at: slot)
        return version
    }

    /// Moves a record's index entries from the keys of the record at `old` to those of the
    /// record at `new`.
    private func reindex(_ id: Identifier, slot: Int, from old: UnsafeRawPointer, to new: UnsafeRawPointer) {
        for position in 0..<readers.count {
            let reader = readers[position]
            if let key = reader.key {
                moveEntry(id, slot: slot, from: key(old), to: key(new), inIndexAt: position)
                continue
            }
            let oldKeys = CollectedIndexKeys(of: old, through: reader)
            let newKeys = CollectedIndexKeys(of: new, through: reader)
            if oldKeys == newKeys { continue }
            oldKeys.forEach { key in
                if !newKeys.contains(key) { remove(key, id: id, fromIndexAt: position) }
            }
            newKeys.forEach { key in
                if !oldKeys.contains(key) { add(key, id: id, slot: slot, toIndexAt: position) }
            }
        }
    }

    /// Deletes a stored record and releases it at once; its slot stays empty until an
    /// insert claims it.
    func delete(_ id: Identifier) {
        guard let slot = positions.slot(of: id) else { return }
        primary.remove(id)
        withStoredRecord(at: slot) { deleted in
            forEachKey(of: deleted) { remove($0, id: id, fromIndexAt: $1) }
        }
        positions.removeIdentifier(at: slot)
        (records + slot).deinitialize(count: 1)
    }

    /// Rebuilds the identifier map, larger or without its tombstones, moving each record to
    /// its identifier's new slot and re-pointing the index entries.
    private func rebuildPositions() {
        let oldRecords = records
        let oldCapacity = positions.capacity
        var newSlots = ContiguousArray<Int>(repeating: -1, count: oldCapacity)
        var rebuilt = positions
        // The new buffer's size is only known once the map has chosen its capacity, so the
        // moves are collected first and carried out after.
        rebuilt.rebuild(capacity: positions.capacityForRebuild) { from, to in newSlots[from] = to }
        let newRecords = HugePages.allocate(Record.self, capacity: rebuilt.capacity)
        for from in 0..<oldCapacity where newSlots[from] >= 0 {
            (newRecords + newSlots[from]).moveInitialize(from: oldRecords + from, count: 1)
        }
        oldRecords.deallocate()
        records = newRecords
        positions = rebuilt
        newSlots.withUnsafeBufferPointer { newSlots in
            func repoint(_ entry: inout IndexEntry) {
                if entry.slot >= 0, entry.slot < newSlots.count {
                    entry = IndexEntry(key: entry.key, id: entry.id, slot: newSlots[entry.slot])
                }
            }
            for position in partitions.indices {
                for index in partitions[position].indices {
                    switch partitions[position].values[index] {
                    case .many(let tree): tree.rewriteEach(repoint)
                    case .one(var entry):
                        repoint(&entry)
                        partitions[position].values[index] = .one(entry)
                    }
                }
            }
        }
    }

    /// Calls `body` with the address of the stored record at `slot`, which must exist.
    private func withStoredRecord(at slot: Int, _ body: (UnsafeRawPointer) -> Void) {
        guard positions.isOccupied(slot) else { return }
        body(UnsafeRawPointer(records + slot))
    }

    /// Calls `body` with each key the record at `record` contributes, and the position of
    /// the index it belongs to.
    private func forEachKey(of record: UnsafeRawPointer, _ body: (IndexKey, Int) -> Void) {
        for position in 0..<readers.count {
            readers[position].forEachKey(of: record) { body($0, position) }
        }
    }

    private func add(_ key: IndexKey, id: Identifier, slot: Int, toIndexAt position: Int) {
        let entry = IndexEntry(key: key.encoded, id: id, slot: slot)
        // Changed where it lies in the map, so the map is searched once.
        Self.add(entry, to: &partitions[position][key.encodedPartition])
    }

    private static func add(_ entry: IndexEntry, to entries: inout IndexPartition?) {
        switch entries {
        case nil: entries = .one(entry)
        case .many(let tree)?: tree.insert(entry)
        case .one(let other)?:
            guard other != entry else { return }
            let tree = OrderedKeyTree<IndexEntry>()
            tree.insert(other)
            tree.insert(entry)
            entries = .many(tree)
        }
    }

    private func remove(_ key: IndexKey, id: Identifier, fromIndexAt position: Int) {
        Self.remove(IndexEntry(key: key.encoded, id: id), from: &partitions[position][key.encodedPartition])
    }

    private static func remove(_ entry: IndexEntry, from entries: inout IndexPartition?) {
        switch entries {
        case nil: return
        case .one(let only)?:
            if only == entry { entries = nil }
        case .many(let tree)?:
            tree.remove(entry)
            if tree.isEmpty { entries = nil }
        }
    }

    /// Moves the entry of a record that contributes at most one key to an index from the
    /// key it had to the key it has (`nil`: no entry).
    private func moveEntry(
        _ id: Identifier, slot: Int, from old: IndexKey?, to new: IndexKey?, inIndexAt position: Int
    ) {
        switch (old, new) {
        case (let oldKey?, let newKey?) where oldKey != newKey:
            move(id, slot: slot, from: oldKey, to: newKey, inIndexAt: position)
        case (let oldKey?, nil): remove(oldKey, id: id, fromIndexAt: position)
        case (nil, let newKey?): add(newKey, id: id, slot: slot, toIndexAt: position)
        default: break
        }
    }

    /// Moves a record's entry from `old` to `new`; within one partition, the partition's
    /// tree is found once.
    private func move(
        _ id: Identifier, slot: Int, from old: IndexKey, to new: IndexKey, inIndexAt position: Int
    ) {
        let partition = old.encodedPartition
        guard partition == new.encodedPartition else {
            remove(old, id: id, fromIndexAt: position)
            add(new, id: id, slot: slot, toIndexAt: position)
            return
        }
        let current = IndexEntry(key: old.encoded, id: id, slot: slot)
        let replacement = IndexEntry(key: new.encoded, id: id, slot: slot)
        // The partition is changed where it lies in the map, so the map is searched once.
        let replaced = Self.replace(current, with: replacement, in: &partitions[position][partition])
        // The old entry is not here (never expected): insert the new one, as a tree's
        // replacement does when it cannot find the old key.
        if !replaced { add(new, id: id, slot: slot, toIndexAt: position) }
    }

    /// Replaces `current` with `replacement` in a partition; `false` when the partition
    /// neither is a tree nor holds `current` alone.
    @inline(__always)
    private static func replace(
        _ current: IndexEntry, with replacement: IndexEntry, in entries: inout IndexPartition?
    ) -> Bool {
        switch entries {
        case .many(let tree)?:
            tree.replace(current, with: replacement)
            return true
        case .one(let only)? where only == current:
            entries = .one(replacement)
            return true
        default:
            return false
        }
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
        guard let position = indexNames.firstIndex(of: query.index) else {
            throw .validation(field: "index", reason: "is not an index of \(Record.recordType.name)")
        }
        let range = IndexScanRange(query)
        guard let entries = partitions[position][range.partition] else {
            return RecordPage(records: [], nextCursor: nil)
        }
        var slots: [Int] = []
        slots.reserveCapacity(min(query.limit, 64))
        var last: IndexEntry?
        var hasMore = false
        let limit = query.limit
        range.visit(entries, order: query.order) { entry in
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

    /// The records at `slots`, in order, with their versions.
    ///
    /// Index order is unrelated to slot order, so each record is usually a cache miss. A
    /// first pass touches every record with a tight loop, letting the processor wait for
    /// all the misses at once; the copying pass then finds the records in cache.
    private func versionedRows(at slots: [Int]) -> [Versioned<Record>] {
        touchRecords(at: slots)
        var result: [Versioned<Record>] = []
        result.reserveCapacity(slots.count)
        for slot in slots where positions.isOccupied(slot) {
            result.append(Versioned(record: records[slot], version: positions.value(at: slot)))
        }
        return result
    }

    /// Reads the first and last byte of each record at `slots` (a software prefetch; the
    /// occupancy check loads the record's cell, and with it the version).
    private func touchRecords(at slots: [Int]) {
        let stride = MemoryLayout<Record>.stride
        let size = Swift.max(MemoryLayout<Record>.size, 1)
        let raw = UnsafeRawBufferPointer(start: records, count: positions.capacity &* stride)
        var mix: UInt8 = 0
        for slot in slots where positions.isOccupied(slot) {
            mix ^= raw[slot &* stride] ^ raw[slot &* stride &+ size &- 1]
        }
        touched ^= mix
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
            if let slot = positions.slot(of: id) {
                snapshots.append(
                    StoredRecordSnapshot(
                        reference: RecordReference(type: recordType, id: id),
                        version: positions.value(at: slot),
                        record: records[slot]))
            }
            return true
        }
        return hasMore
    }
}
