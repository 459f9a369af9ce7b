/// Size limits the returns service enforces on input (all configurable).
public struct ReturnsLimits: Hashable, Sendable, Codable {
    /// The most items a request may have.
    public var maximumItems: Int
    /// The longest note, in characters.
    public var maximumNoteLength: Int
    /// The most evidence references per item.
    public var maximumEvidence: Int
    /// The longest evidence reference, in characters.
    public var maximumEvidenceLength: Int
    /// How often a command is retried when it lost a race on a shared counter record
    /// (rollups, customer history, RMA numbers).
    public var conflictRetries: Int

    /// Creates limits; the defaults are 100 items, 2000-character notes, 10 evidence
    /// references of up to 256 characters, 8 conflict retries.
    public init(
        maximumItems: Int = 100, maximumNoteLength: Int = 2000, maximumEvidence: Int = 10,
        maximumEvidenceLength: Int = 256, conflictRetries: Int = 8
    ) {
        self.maximumItems = maximumItems
        self.maximumNoteLength = maximumNoteLength
        self.maximumEvidence = maximumEvidence
        self.maximumEvidenceLength = maximumEvidenceLength
        self.conflictRetries = conflictRetries
    }
}
