import Foundation

/// An outbox entry as the in-memory store keeps it: the public entry plus its lease.
struct OutboxSlot {
    /// The entry as callers see it.
    var entry: OutboxEntry
    /// The relay instance holding the lease, if any.
    var claimant: String?
    /// When the lease ends.
    var leaseUntil: Date = .distantPast

    /// Whether `claimant` holds a lease at `now`.
    func isLeased(at now: Date) -> Bool { claimant != nil && leaseUntil > now }
}
