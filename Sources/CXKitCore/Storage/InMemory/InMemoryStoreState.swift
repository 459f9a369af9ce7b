/// What an ``InMemoryRecordStore`` guards with its lock: one partition per tenant and the
/// outbox of every tenant.
@usableFromInline
struct InMemoryStoreState {
    /// The tenants' partitions.
    @usableFromInline private(set) var partitions: [TenantID: TenantPartition] = [:]
    /// The partition used last: consecutive calls for one tenant (the common case) compare
    /// the tenant instead of hashing it.
    @usableFromInline var recent: (tenant: TenantID, partition: TenantPartition)?
    /// The outbox.
    let outbox = OutboxLedger()

    /// The partition of `tenant`, or `nil` when it never stored anything.
    @inlinable @inline(__always)
    mutating func existingPartition(_ tenant: TenantID) -> TenantPartition? {
        if let recent, recent.tenant == tenant { return recent.partition }
        guard let partition = partitions[tenant] else { return nil }
        recent = (tenant, partition)
        return partition
    }

    /// The partition of `tenant`, created on first use.
    mutating func partition(_ tenant: TenantID) -> TenantPartition {
        if let partition = existingPartition(tenant) { return partition }
        let partition = TenantPartition()
        partitions[tenant] = partition
        recent = (tenant, partition)
        return partition
    }
}
