/// What one or more relay rounds did, returned by ``OutboxRelay/deliverPending(maxBatches:)``.
public struct RelayRoundSummary: Sendable, Hashable {
    /// How many non-empty batches were claimed.
    public var batches: Int
    /// How many outbox entries were claimed.
    public var claimed: Int
    /// How many entries every sink accepted; they were removed from the outbox.
    public var acknowledged: Int
    /// How many entries failed and were scheduled for another attempt.
    public var retried: Int
    /// How many entries failed their last allowed attempt and were dead-lettered.
    public var deadLettered: Int
    /// How many entries were left leased because the relay was cancelled while delivering
    /// them; they become claimable again when the lease runs out.
    public var abandoned: Int

    /// Creates a summary.
    ///
    /// - Parameters:
    ///   - batches: Non-empty batches claimed.
    ///   - claimed: Entries claimed.
    ///   - acknowledged: Entries delivered to every sink.
    ///   - retried: Entries scheduled for a retry.
    ///   - deadLettered: Entries dead-lettered.
    ///   - abandoned: Entries left leased on cancellation.
    public init(
        batches: Int = 0, claimed: Int = 0, acknowledged: Int = 0, retried: Int = 0, deadLettered: Int = 0,
        abandoned: Int = 0
    ) {
        self.batches = batches
        self.claimed = claimed
        self.acknowledged = acknowledged
        self.retried = retried
        self.deadLettered = deadLettered
        self.abandoned = abandoned
    }

    /// Adds the counts of another summary to this one.
    ///
    /// - Parameter other: The summary to add.
    public mutating func add(_ other: RelayRoundSummary) {
        batches += other.batches
        claimed += other.claimed
        acknowledged += other.acknowledged
        retried += other.retried
        deadLettered += other.deadLettered
        abandoned += other.abandoned
    }
}
