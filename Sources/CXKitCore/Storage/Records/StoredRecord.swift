/// A value a ``RecordStore`` persists: every module's aggregates, ledgers and rollups.
///
/// Records are `Codable`, `Sendable` value types with a stable type name, an identifier and
/// declared secondary indexes. The store assigns and checks their version; the record
/// itself does not carry one.
///
/// ```swift
/// struct Note: StoredRecord {
///     static let recordType: RecordType = "demo.note"
///     static let indexes: [RecordIndex<Note>] = [
///         RecordIndex("byAuthor") { IndexKey(partition: .identifier($0.author), sort: .date($0.createdAt)) }
///     ]
///     let id: Identifier
///     var author: Identifier
///     var createdAt: Date
///     var recordID: Identifier { id }
/// }
/// ```
public protocol StoredRecord: Codable, Sendable {
    /// The record's stable type name (`"returns.request"`). Backends use it as a table or
    /// key prefix; never change it once data exists.
    static var recordType: RecordType { get }

    /// The secondary indexes the store maintains for this type. Defaults to none.
    static var indexes: [RecordIndex<Self>] { get }

    /// The record's identity, unique within its type and tenant.
    var recordID: Identifier { get }
}

extension StoredRecord {
    /// No secondary indexes.
    public static var indexes: [RecordIndex<Self>] { [] }
}

/// The stable name of a record type, namespaced by module (`"crm.customer"`).
public struct RecordType: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The type's stable name.
    public let name: String

    /// Creates a record type name.
    ///
    /// - Parameter name: The stable name, namespaced by module.
    public init(_ name: String) { self.name = name }

    /// Creates a record type name from a literal.
    ///
    /// - Parameter value: The stable name.
    public init(stringLiteral value: String) { self.name = value }

    /// The type's name.
    public var description: String { name }

    /// Orders record types by name.
    public static func < (lhs: RecordType, rhs: RecordType) -> Bool { lhs.name < rhs.name }

    /// Decodes the name from a string.
    ///
    /// - Throws: `DecodingError` when the value is not a string.
    public init(from decoder: any Decoder) throws {
        self.name = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the name as a string.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

/// Names one stored record: its type and identifier.
public struct RecordReference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The record's type.
    public let type: RecordType
    /// The record's identifier.
    public let id: Identifier

    /// Creates a reference.
    ///
    /// - Parameters:
    ///   - type: The record's type.
    ///   - id: The record's identifier.
    public init(type: RecordType, id: Identifier) {
        self.type = type
        self.id = id
    }

    /// `type/id`.
    public var description: String { "\(type.name)/\(id.uuidString)" }
}

/// A record together with the version the store holds it at.
///
/// Versions start at 1 on insert and grow by exactly 1 with every committed update. Pass
/// the version back as `expectedVersion` when updating or deleting the record.
public struct Versioned<Record: StoredRecord>: Sendable {
    /// The record.
    public var record: Record
    /// The version the store holds it at.
    public let version: UInt64

    /// Pairs a record with its version.
    ///
    /// - Parameters:
    ///   - record: The record.
    ///   - version: Its stored version (1 or more).
    @inlinable
    public init(record: Record, version: UInt64) {
        self.record = record
        self.version = version
    }
}

/// A type-erased stored record with its version, as returned when enumerating a tenant for
/// privacy export or erasure scans.
public struct StoredRecordSnapshot: Sendable {
    /// The record's type and identifier.
    public let reference: RecordReference
    /// Its stored version.
    public let version: UInt64
    /// The record itself.
    public let record: any StoredRecord

    /// Creates a snapshot.
    ///
    /// - Parameters:
    ///   - reference: The record's type and identifier.
    ///   - version: Its stored version.
    ///   - record: The record.
    public init(reference: RecordReference, version: UInt64, record: any StoredRecord) {
        self.reference = reference
        self.version = version
        self.record = record
    }
}
