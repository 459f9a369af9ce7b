/// The pending outbox entries of one aggregate, as a list linked through the entries'
/// ``OutboxSlot/next`` in commit order, and the one entry of it currently leased to a
/// relay, if any.
///
/// Only the first entry may be handed out, which keeps delivery in order per aggregate.
struct OutboxAggregateQueue {
    /// The aggregate's tenant.
    let tenant: TenantID
    /// The aggregate.
    let aggregate: AggregateReference
    /// The first pending entry (0 when none).
    var head: UInt64 = 0
    /// The last pending entry (0 when none).
    var tail: UInt64 = 0
    /// The entry of this aggregate last leased (its lease may have expired).
    var leased: UInt64?
    /// The next queue in the table whose aggregate has the same identifier (another type
    /// or tenant), or -1.
    var nextWithSameIdentifier = -1

    init(tenant: TenantID, aggregate: AggregateReference) {
        self.tenant = tenant
        self.aggregate = aggregate
    }

    /// Whether no entry is pending.
    var isEmpty: Bool { head == 0 }

    /// Whether the queue belongs to `aggregate` of `tenant`.
    func holds(_ aggregate: AggregateReference, of tenant: TenantID) -> Bool {
        self.aggregate.id == aggregate.id && self.aggregate.type == aggregate.type && self.tenant == tenant
    }
}
