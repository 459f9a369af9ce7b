/// The stretch of an index a ``RecordQuery`` reads, as encoded entries: from `start`
/// (included) to `end` (excluded), after or before the cursor.
///
/// The partition, bounds and cursor are encoded once per query; the scan then compares
/// entries by their inline words only.
struct IndexScanRange {
    /// The encoded partition: the key of the tree to scan.
    let partition: EncodedIndexKey
    /// The first entry in range.
    let start: IndexEntry
    /// The first entry past the range.
    let end: IndexEntry
    /// The entry the previous page ended on.
    let cursor: IndexEntry?

    init<Record: StoredRecord>(_ query: RecordQuery<Record>) {
        var partition = IndexKeyWriter(partitionCount: query.partition.count)
        for value in query.partition { partition.append(value) }
        self.partition = partition.key
        var startKey = partition.key
        var endKey = partition.successorOfPrefix
        if let lower = query.lowerBound {
            var bound = partition
            for value in lower.values { bound.append(value) }
            // A bound compares on its own length: entries it prefixes are equal to it.
            startKey = lower.isInclusive ? bound.key : bound.successorOfPrefix
        }
        if let upper = query.upperBound {
            var bound = partition
            for value in upper.values { bound.append(value) }
            endKey = upper.isInclusive ? bound.successorOfPrefix : bound.key
        }
        start = .first(under: startKey)
        end = .first(under: endKey)
        cursor = query.cursor.map { cursor in
            var key = partition
            for value in cursor.sort { key.append(value) }
            return IndexEntry(key: key.key, id: cursor.recordID)
        }
    }

    /// Visits the entries in range of `partition` in `order`, strictly after (ascending)
    /// or before (descending) the cursor, until `body` returns `false`.
    func visit(_ partition: IndexPartition, order: SortOrder, _ body: (IndexEntry) -> Bool) {
        switch partition {
        case .many(let tree): visit(tree, order: order, body)
        case .one(let entry):
            // In range, and past the cursor in the direction of travel.
            guard !(entry < start), entry < end else { return }
            if let cursor {
                switch order {
                case .ascending: guard cursor < entry else { return }
                case .descending: guard entry < cursor else { return }
                }
            }
            _ = body(entry)
        }
    }

    /// Visits the entries in range of `tree` in `order`, strictly after (ascending) or
    /// before (descending) the cursor, until `body` returns `false`.
    func visit(_ tree: OrderedKeyTree<IndexEntry>, order: SortOrder, _ body: (IndexEntry) -> Bool) {
        let start = self.start
        let end = self.end
        let cursor = self.cursor
        switch order {
        case .ascending:
            tree.visitAscending(
                from: { entry in
                    if entry < start { return true }
                    if let cursor, !(cursor < entry) { return true }
                    return false
                }
            ) { entry in
                entry < end ? body(entry) : false
            }
        case .descending:
            tree.visitDescending(
                from: { entry in
                    if !(entry < end) { return true }
                    if let cursor, !(entry < cursor) { return true }
                    return false
                }
            ) { entry in
                entry < start ? false : body(entry)
            }
        }
    }

    /// Visits the identifiers of a primary index (whose entries all have the empty key)
    /// that lie in range, in `order`, until `body` returns `false`.
    func visitIdentifiers(_ tree: OrderedKeyTree<Identifier>, order: SortOrder, _ body: (Identifier) -> Bool)
    {
        let key = EncodedIndexKey.minimum
        guard EncodedIndexKey.compare(key, start.key) >= 0, EncodedIndexKey.compare(key, end.key) < 0 else {
            return
        }
        guard let cursor else {
            switch order {
            case .ascending: tree.visitAscending(from: nil, body)
            case .descending: tree.visitDescending(from: nil, body)
            }
            return
        }
        let relation = EncodedIndexKey.compare(key, cursor.key)
        switch (order, relation) {
        case (.ascending, ..<0), (.descending, 1...): return
        case (.ascending, 1...): tree.visitAscending(from: nil, body)
        case (.descending, ..<0): tree.visitDescending(from: nil, body)
        case (.ascending, _): tree.visitAscending(from: { $0 <= cursor.id }, body)
        case (.descending, _): tree.visitDescending(from: { $0 >= cursor.id }, body)
        }
    }
}
