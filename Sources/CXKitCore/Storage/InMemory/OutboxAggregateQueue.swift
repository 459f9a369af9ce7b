/// The pending outbox entries of one aggregate, as a list linked through the entries'
/// ``OutboxSlot/next`` in commit order, and the one entry of it currently leased to a
/// relay, if any.
///
/// Only the first entry may be handed out, which keeps delivery in order per aggregate.
/// The queue holds only numbers, so reading or changing it copies no reference; whose
/// queue it is lives beside it, in an ``OutboxQueueOwner``.
struct OutboxAggregateQueue {
    /// The first pending entry (0 when none).
    var head: UInt64 = 0
    /// The last pending entry (0 when none).
    var tail: UInt64 = 0
    /// The entry of this aggregate last leased (its lease may have expired).
    var leased: UInt64?
    /// The next queue in the table whose aggregate has the same identifier (another type
    /// or tenant), or -1.
    var nextWithSameIdentifier = -1

    /// Whether no entry is pending.
    var isEmpty: Bool { head == 0 }
}
