/// What an ``InMemoryRecordStore`` guards with its mutex: one partition per tenant and the
/// outbox of every tenant.
struct InMemoryStoreState {
    /// The tenants' partitions.
    var partitions: [TenantID: TenantPartition] = [:]
    /// The outbox.
    let outbox = OutboxLedger()

    /// The partition of `tenant`, created on first use.
    mutating func partition(_ tenant: TenantID) -> TenantPartition {
        if let partition = partitions[tenant] { return partition }
        let partition = TenantPartition()
        partitions[tenant] = partition
        return partition
    }
}
