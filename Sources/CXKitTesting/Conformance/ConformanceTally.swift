import CXKitCore

/// A second record type ``RecordStoreConformance`` stores: a counter without secondary
/// indexes, used for multi-type commits, enumeration, concurrency and merge cases (merging
/// adds the counts).
public struct ConformanceTally: MergeableRecord, Equatable {
    /// `"conformance.tally"`.
    public static let recordType: RecordType = "conformance.tally"

    /// The tally's identity.
    public let id: Identifier
    /// Its count.
    public var count: Int

    /// The tally's identity.
    public var recordID: Identifier { id }

    /// Creates a tally.
    ///
    /// - Parameters:
    ///   - id: Its identity.
    ///   - count: Its count.
    public init(id: Identifier, count: Int = 0) {
        self.id = id
        self.count = count
    }

    /// Adds the delta's count to this tally's.
    ///
    /// - Parameter delta: A tally with the same identity.
    public mutating func merge(_ delta: ConformanceTally) { count += delta.count }
}
