import CXKitCore
import Foundation

extension ReturnsService {
    /// Publishes a new version of the tenant's return policy; new orders pin it.
    ///
    /// - Parameters:
    ///   - definition: The policy's data.
    ///   - principal: An administrator.
    /// - Returns: The published version.
    /// - Throws: ``ReturnsError``: `.permissionDenied` for non-admins;
    ///   `.contradictoryPolicy`, `.validationFailed` or
    ///   `.currencyMismatch` naming the clause (see ``ReturnPolicy/init(_:version:)``);
    ///   `.versionConflict` when another version was published at the same time.
    public func publishPolicy(_ definition: ReturnPolicyDefinition, by principal: Principal) async throws
        -> ReturnPolicyRecord
    {
        try await boundary {
            try authorize(principal, ReturnsOperations.publishPolicy, owner: nil)
            let tenant = principal.tenant
            let head = try await store.fetch(ReturnPolicyHead.self, id: ReturnPolicyHead.fixedID, in: tenant)
            let version = (head?.record.version ?? 0) + 1
            let policy = try ReturnPolicy(definition, version: version)
            let now = clock.now()
            let record = ReturnPolicyRecord(
                version: version, definition: definition, fingerprint: policy.fingerprint, publishedAt: now,
                publishedBy: ActorReference(principal))
            var transaction = StoreTransaction()
            transaction.insert(record)
            if let head {
                transaction.update(ReturnPolicyHead(version: version), expectedVersion: head.version)
            } else {
                transaction.insert(ReturnPolicyHead(version: version))
            }
            transaction.append(
                EventEnvelope(
                    id: ids.make(EventID.self), tenant: tenant, kind: ReturnEventKinds.policyPublished,
                    aggregate: AggregateReference(type: ReturnPolicyRecord.recordType, id: record.recordID),
                    occurredAt: now, actor: ActorReference(principal),
                    payload: Payload(
                        ReturnEventPayload(
                            request: nil, rmaNumber: nil, order: nil, customer: nil, machine: "policy",
                            from: nil,
                            to: String(version), reason: policy.fingerprint))))
            _ = try await store.commit(transaction, in: tenant)
            policies.store(policy, in: tenant)
            return record
        }
    }

    /// The tenant's current policy version, if one was published.
    ///
    /// - Parameter principal: An administrator, agent or supervisor.
    /// - Returns: The current version's record, or `nil`.
    /// - Throws: ``ReturnsError`` with `.permissionDenied` or `.storageFailure`.
    public func currentPolicy(by principal: Principal) async throws -> ReturnPolicyRecord? {
        try await boundary {
            try authorize(principal, ReturnsOperations.readPolicy, owner: nil)
            guard
                let head = try await store.fetch(
                    ReturnPolicyHead.self, id: ReturnPolicyHead.fixedID, in: principal.tenant)
            else { return nil }
            return try await store.fetch(
                ReturnPolicyRecord.self, id: ReturnPolicyRecord.identifier(version: head.record.version),
                in: principal.tenant)?.record
        }
    }

    /// Registers an order (at purchase, or on its first return) and pins the policy
    /// version in force; registering it again updates its delivery facts and keeps the pin.
    ///
    /// - Parameters:
    ///   - order: The order.
    ///   - principal: The system or an administrator.
    /// - Returns: The stored order record.
    /// - Throws: ``ReturnsError``: the order's validation errors (see
    ///   ``ReturnableOrder/validate()``); `.notFound` (field `policy`) when no
    ///   policy was published; `.permissionDenied`.
    public func recordOrder(_ order: ReturnableOrder, by principal: Principal) async throws
        -> ReturnOrderRecord
    {
        try await boundary {
            try order.validate()
            try authorize(principal, ReturnsOperations.recordOrder, owner: order.customer)
            let tenant = principal.tenant
            var transaction = StoreTransaction()
            if var existing = try await store.fetch(ReturnOrderRecord.self, id: order.id, in: tenant) {
                guard existing.record.order.customer == order.customer,
                    existing.record.order.lines.map(\.id) == order.lines.map(\.id)
                else {
                    throw ReturnsError.validation(
                        field: "order", reason: "differs from the registered order's lines or customer")
                }
                existing.record.order = order
                transaction.update(existing)
                _ = try await store.commit(transaction, in: tenant)
                return existing.record
            }
            guard
                let head = try await store.fetch(
                    ReturnPolicyHead.self, id: ReturnPolicyHead.fixedID, in: tenant)
            else {
                throw ReturnsError.notFound(
                    recordType: ReturnPolicyRecord.recordType.name, id: nil, field: "policy")
            }
            let policy = try await self.policy(version: head.record.version, in: tenant)
            let record = ReturnOrderRecord(
                order: order, policyVersion: policy.version, policyFingerprint: policy.fingerprint)
            transaction.insert(record)
            var rollups = RollupChanges()
            let period = ReturnRollup.period(of: order.placedAt)
            let units = order.lines.reduce(Int64(0)) { $0 + Int64($1.quantity) }
            rollups.update(.overall, key: "", period: period) {
                $0.ordersPlaced += 1
                $0.unitsSold += units
            }
            var seenCategories: Set<String> = []
            var seenProducts: Set<ProductID> = []
            for line in order.lines {
                let firstCategory = seenCategories.insert(line.category).inserted
                rollups.update(.category, key: line.category, period: period) {
                    $0.unitsSold += Int64(line.quantity)
                    if firstCategory { $0.ordersPlaced += 1 }
                }
                let firstProduct = seenProducts.insert(line.product).inserted
                rollups.update(.product, key: line.product.rawValue.uuidString, period: period) {
                    $0.unitsSold += Int64(line.quantity)
                    if firstProduct { $0.ordersPlaced += 1 }
                }
            }
            rollups.apply(to: &transaction)
            let stored = try await store.fetch(CustomerReturnHistory.self, id: order.customer, in: tenant)
            var history = stored?.record ?? CustomerReturnHistory(customer: order.customer)
            history.recordOrder(at: order.placedAt)
            if let stored {
                transaction.update(history, expectedVersion: stored.version)
            } else {
                transaction.insert(history)
            }
            _ = try await store.commit(transaction, in: tenant)
            return record
        }
    }

    /// Explains which lines of an order can be returned, until when and how — what hosts
    /// show before the customer submits anything.
    ///
    /// - Parameters:
    ///   - order: The order.
    ///   - quantities: The quantity asked about per line (`[:]` for every line's maximum).
    ///   - principal: The order's customer, an agent or the system.
    /// - Returns: The report under the order's pinned policy.
    /// - Throws: ``ReturnsError``: `.notFound` (field `order`);
    ///   `.permissionDenied` for another customer's order.
    public func eligibility(
        of order: OrderID, quantities: [OrderLineID: Int] = [:], by principal: Principal
    ) async throws -> EligibilityReport {
        try await boundary {
            let record = try await loadOrder(order, in: principal.tenant)
            try authorize(principal, ReturnsOperations.checkEligibility, owner: record.record.order.customer)
            let policy = try await self.policy(version: record.record.policyVersion, in: principal.tenant)
            return policy.eligibility(
                of: record.record.order, quantities: quantities, alreadyRequested: record.record.requested,
                at: clock.now())
        }
    }

    /// In-stock alternatives to offer when a wanted exchange variant is out of stock.
    ///
    /// - Parameters:
    ///   - variant: The wanted variant.
    ///   - product: Its product.
    ///   - principal: Anyone who may check eligibility.
    /// - Returns: Alternatives, best first.
    /// - Throws: ``ReturnsError`` with `.dependencyFailure` when inventory fails.
    public func exchangeAlternatives(to variant: VariantID, of product: ProductID, by principal: Principal)
        async throws
        -> [VariantID]
    {
        try await boundary {
            try authorize(
                principal, ReturnsOperations.checkEligibility, owner: CustomerID(rawValue: principal.id))
            return try await inventory.alternatives(to: variant, of: product, in: principal.tenant)
        }
    }
}
