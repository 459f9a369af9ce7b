/// Copy-on-write storage for a record's fields: one heap object, so copying the record
/// (fetching it, boxing it as `any StoredRecord`, computing its index keys, handing it to
/// a transaction) copies one reference instead of every field.
///
/// The record that owns it keeps the reference private and, before any mutation, replaces
/// it with a fresh copy unless `isKnownUniquelyReferenced` proves no other value holds it.
///
/// `@unchecked Sendable` is sound because storage is never mutated while shared: storage
/// reachable from two values is only read, and the fields themselves are `Sendable`
/// values.
final class SharedFields<Fields: Sendable>: @unchecked Sendable {
    /// The record's fields. Access needs no dynamic exclusivity check: storage that is
    /// shared is only read, and storage that is written is reachable from one record, whose
    /// own mutation the compiler already proves exclusive.
    @exclusivity(unchecked) var fields: Fields

    /// Wraps fields in new storage.
    init(_ fields: Fields) {
        self.fields = fields
    }
}
