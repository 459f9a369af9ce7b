/// An index's key functions over a record given by address, so ``RecordTable`` can keep
/// them in a concrete (non-generic) array; each function reads the record at the address
/// as the table's record type.
struct IndexKeyFunctions {
    /// The index's single key, for indexes whose records contribute one key each.
    let key: ((UnsafeRawPointer) -> IndexKey)?
    /// The index's keys.
    let keys: (UnsafeRawPointer) -> [IndexKey]

    /// The key functions of `index`, reading records of its type.
    init<Record: StoredRecord>(_ index: RecordIndex<Record>) {
        let keys = index.keys
        self.keys = { keys($0.assumingMemoryBound(to: Record.self).pointee) }
        if let key = index.key {
            self.key = { key($0.assumingMemoryBound(to: Record.self).pointee) }
        } else {
            self.key = nil
        }
    }

    /// Calls `body` with each key of the record at `record`, without an array for
    /// single-key indexes.
    @inline(__always)
    func forEachKey(of record: UnsafeRawPointer, _ body: (IndexKey) -> Void) {
        if let key {
            body(key(record))
        } else {
            for key in keys(record) { body(key) }
        }
    }
}
