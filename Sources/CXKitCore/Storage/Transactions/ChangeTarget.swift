/// What a ``RecordChange`` touches and expects, written down when the change is added to a
/// ``StoreTransaction`` (where the record's type is known) so a store can check a batch
/// without opening each change's existential record.
@usableFromInline
struct ChangeTarget: Sendable {
    /// What the change does.
    @usableFromInline
    enum Kind: UInt8, Sendable {
        case insert, update, delete, merge
    }

    /// The Swift type of the record.
    @usableFromInline let type: ObjectIdentifier
    /// The record's identifier.
    @usableFromInline let id: Identifier
    /// The version an update or deletion expects (0 otherwise).
    @usableFromInline let expectedVersion: UInt64
    /// What the change does.
    @usableFromInline let kind: Kind

    @inlinable
    init(type: ObjectIdentifier, id: Identifier, expectedVersion: UInt64, kind: Kind) {
        self.type = type
        self.id = id
        self.expectedVersion = expectedVersion
        self.kind = kind
    }
}
