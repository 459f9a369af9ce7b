import CXKitCore
import Foundation

/// The record type ``RecordStoreConformance`` stores: a note with one index of each kind.
///
/// - `byAuthor`: partition `[author]`, sort `[createdAt]`.
/// - `byTag`: multi-valued, one key per tag: partition `[tag]`, sort `[priority]`.
/// - `pinned`: sparse, only pinned notes: sort `[priority]`.
/// - `byPriority`: composite sort `[priority, title]` over every note.
///
/// Backends that need a registry of record types (to decode records while enumerating a
/// tenant) register this type and ``ConformanceTally`` before running the suite.
public struct ConformanceNote: StoredRecord, Equatable {
    /// `"conformance.note"`.
    public static let recordType: RecordType = "conformance.note"

    /// The four indexes described on the type.
    public static let indexes: [RecordIndex<ConformanceNote>] = [
        RecordIndex("byAuthor") {
            IndexKey(partition: .identifier($0.author), sort: .date($0.createdAt))
        },
        RecordIndex("byTag") { note in
            note.tags.map { IndexKey(partition: .string($0), sort: .int(note.priority)) }
        },
        RecordIndex("pinned") { $0.isPinned ? [IndexKey(sort: .int($0.priority))] : [] },
        RecordIndex("byPriority") { IndexKey(sort: [.int($0.priority), .string($0.title)]) },
    ]

    /// The note's identity.
    public let id: Identifier
    /// Who wrote it.
    public var author: Identifier
    /// Its title.
    public var title: String
    /// Its priority.
    public var priority: Int64
    /// Its tags.
    public var tags: [String]
    /// Whether it is pinned (only pinned notes are in the `pinned` index).
    public var isPinned: Bool
    /// When it was written.
    public var createdAt: Date

    /// The note's identity.
    public var recordID: Identifier { id }

    /// Creates a note.
    ///
    /// - Parameters:
    ///   - id: Its identity.
    ///   - author: Who wrote it.
    ///   - title: Its title.
    ///   - priority: Its priority.
    ///   - tags: Its tags.
    ///   - isPinned: Whether it is pinned.
    ///   - createdAt: When it was written.
    public init(
        id: Identifier, author: Identifier, title: String = "note", priority: Int64 = 0, tags: [String] = [],
        isPinned: Bool = false, createdAt: Date
    ) {
        self.id = id
        self.author = author
        self.title = title
        self.priority = priority
        self.tags = tags
        self.isPinned = isPinned
        self.createdAt = createdAt
    }
}
