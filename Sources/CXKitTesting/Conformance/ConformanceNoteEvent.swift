import CXKitCore

/// The payload of the events ``RecordStoreConformance`` commits to the outbox.
public struct ConformanceNoteEvent: Codable, Sendable, Equatable {
    /// A marker that tells events apart.
    public let marker: Int

    /// Creates a payload.
    ///
    /// - Parameter marker: A marker that tells events apart.
    public init(marker: Int) { self.marker = marker }
}
