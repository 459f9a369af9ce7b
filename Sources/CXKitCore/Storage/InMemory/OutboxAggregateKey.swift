/// An aggregate within its tenant: outbox order is kept per aggregate and tenant.
struct OutboxAggregateKey: Hashable {
    /// The tenant.
    let tenant: TenantID
    /// The aggregate.
    let aggregate: AggregateReference
}
