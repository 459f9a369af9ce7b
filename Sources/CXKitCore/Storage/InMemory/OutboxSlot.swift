import Foundation

/// An outbox entry as the in-memory store keeps it: the public entry plus its lease and
/// its place in its aggregate's queue.
struct OutboxSlot {
    /// The entry as callers see it.
    var entry: OutboxEntry
    /// The relay instance holding the lease, if any.
    var claimant: String?
    /// When the lease ends.
    var leaseUntil: Date = .distantPast
    /// The position of its aggregate's queue in the ledger's queue table.
    var queue: Int
    /// The sequence of the next pending entry of the same aggregate (0 for none), while
    /// this entry is queued.
    var next: UInt64 = 0

    /// Whether `claimant` holds a lease at `now`.
    func isLeased(at now: Date) -> Bool { claimant != nil && leaseUntil > now }
}
