/// The outbox sequence numbers of one tenant, by status, for listing in commit order.
final class TenantOutboxIndex {
    /// Pending entries.
    let pending = OrderedKeyTree<UInt64>()
    /// Dead-lettered entries.
    let deadLettered = OrderedKeyTree<UInt64>()

    /// The tree holding entries of `status`.
    func entries(_ status: OutboxStatus) -> OrderedKeyTree<UInt64> {
        switch status {
        case .pending: pending
        case .deadLettered: deadLettered
        }
    }

    /// Whether the tenant has no outbox entry.
    var isEmpty: Bool { pending.isEmpty && deadLettered.isEmpty }
}
