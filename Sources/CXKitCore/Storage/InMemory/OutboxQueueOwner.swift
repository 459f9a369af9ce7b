/// The aggregate, and its tenant, that an ``OutboxAggregateQueue`` belongs to.
struct OutboxQueueOwner {
    /// The aggregate's tenant.
    let tenant: TenantID
    /// The aggregate.
    let aggregate: AggregateReference

    /// Whether this is `aggregate` of `tenant`.
    func holds(_ aggregate: AggregateReference, of tenant: TenantID) -> Bool {
        self.aggregate.id == aggregate.id && self.aggregate.type == aggregate.type && self.tenant == tenant
    }
}
