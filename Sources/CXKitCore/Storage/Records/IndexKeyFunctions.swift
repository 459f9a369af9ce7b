/// An index's key functions over a record given by address, made where the index is
/// declared.
///
/// ``RecordIndex``'s initialisers are inlinable, so these functions are compiled in the
/// module that declares the record type, specialised for it: they read the record in place
/// and run the index's closure without the runtime's generic value witnesses. The
/// in-memory store's tables, whose own code is not specialised, keep them in a concrete
/// array and call them with a record's address.
@usableFromInline
struct IndexKeyFunctions: Sendable {
    /// The key of an index whose records contribute at most one each (`nil` for none);
    /// `nil` for an index of several keys per record.
    @usableFromInline let key: (@Sendable (UnsafeRawPointer) -> IndexKey?)?
    /// Calls the second argument with each key the record at the first contributes, for an
    /// index of several keys per record; `nil` when ``key`` is set.
    @usableFromInline let visitKeys: (@Sendable (UnsafeRawPointer, (IndexKey) -> Void) -> Void)?

    /// The functions of an index whose records of type `Record` contribute the keys `keys`
    /// returns.
    @inlinable
    init<Record: StoredRecord>(keys: @escaping @Sendable (Record) -> [IndexKey]) {
        key = nil
        visitKeys = { record, body in
            for key in keys(record.assumingMemoryBound(to: Record.self).pointee) { body(key) }
        }
    }

    /// The functions of an index whose records of type `Record` contribute the one key
    /// `key` returns.
    @inlinable
    init<Record: StoredRecord>(key: @escaping @Sendable (Record) -> IndexKey) {
        self.key = { key($0.assumingMemoryBound(to: Record.self).pointee) }
        visitKeys = nil
    }

    /// The functions of an index whose records of type `Record` contribute the key
    /// `sparseKey` returns, or none when it returns `nil`.
    @inlinable
    init<Record: StoredRecord>(sparseKey: @escaping @Sendable (Record) -> IndexKey?) {
        self.key = { sparseKey($0.assumingMemoryBound(to: Record.self).pointee) }
        visitKeys = nil
    }

    /// Calls `body` with each key the record at `record` contributes.
    @inline(__always)
    func forEachKey(of record: UnsafeRawPointer, _ body: (IndexKey) -> Void) {
        if let key {
            if let found = key(record) { body(found) }
        } else {
            visitKeys?(record, body)
        }
    }
}
