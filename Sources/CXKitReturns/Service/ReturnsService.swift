import CXKitCore
import Foundation

/// The returns service: policies, eligibility, the RMA lifecycle, refunds, exchanges,
/// restock, deadlines and analytics over one `RecordStore`.
///
/// Every operation takes the acting `Principal` and runs validate → authorize → load →
/// pure transition → commit: records, outbox events and (for submissions) the idempotency
/// result are written in one atomic commit, so a failed commit leaves nothing behind.
/// Calls to ports (carrier, payments, inventory) happen before the commit that records
/// their result and carry idempotency references, so a retry never repeats their effect.
///
/// Every error thrown is a ``ReturnsError``.
public struct ReturnsService: Sendable {
    /// The store.
    public let store: any RecordStore
    /// The wall clock.
    public let clock: any TimestampSource
    /// Where identifiers come from.
    public let ids: any IdentifierSource
    /// Where RMA numbers come from.
    public let random: any RandomSource
    /// The carrier port.
    public let shipping: any ReturnShippingProvider
    /// The payments / store-credit port.
    public let refunds: any RefundGateway
    /// The inventory port.
    public let inventory: any InventoryGateway
    /// The calendar refund deadlines are counted on (business days).
    public let calendar: BusinessCalendar
    /// The reason taxonomy requests must use.
    public let taxonomy: ReturnReasonTaxonomy
    /// Who may do what.
    public let access: any AccessPolicy
    /// Input limits.
    public let limits: ReturnsLimits
    let policies = PolicyCache()
    let idempotency: IdempotentExecutor

    /// Creates a service.
    ///
    /// - Parameters:
    ///   - store: The store.
    ///   - clock: The wall clock.
    ///   - ids: The identifier source.
    ///   - random: The random source for RMA numbers.
    ///   - shipping: The carrier port.
    ///   - refunds: The payments port.
    ///   - inventory: The inventory port.
    ///   - calendar: The business calendar for refund deadlines.
    ///   - taxonomy: The reason taxonomy; defaults to ``ReturnReasonTaxonomy/standard``.
    ///   - access: The access policy; defaults to ``ReturnsOperations/defaultMatrix``.
    ///   - limits: Input limits.
    public init(
        store: any RecordStore, clock: any TimestampSource, ids: any IdentifierSource,
        random: any RandomSource,
        shipping: any ReturnShippingProvider, refunds: any RefundGateway, inventory: any InventoryGateway,
        calendar: BusinessCalendar, taxonomy: ReturnReasonTaxonomy = .standard,
        access: any AccessPolicy = ReturnsOperations.defaultMatrix, limits: ReturnsLimits = ReturnsLimits()
    ) {
        self.store = store
        self.clock = clock
        self.ids = ids
        self.random = random
        self.shipping = shipping
        self.refunds = refunds
        self.inventory = inventory
        self.calendar = calendar
        self.taxonomy = taxonomy
        self.access = access
        self.limits = limits
        self.idempotency = IdempotentExecutor(store: store, clock: clock)
    }

    // MARK: Shared mechanics

    /// Runs an operation, converting every error into a ``ReturnsError`` and retrying when
    /// it lost a race on a shared counter record.
    func boundary<T>(_ body: () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await body()
            } catch let error as CoreError
                where error.code == .versionConflict && attempt < limits.conflictRetries
            {
                let shared = [
                    ReturnRollup.recordType.name, CustomerReturnHistory.recordType.name,
                    RMANumberClaim.recordType.name,
                ]
                guard let type = error.recordType, shared.contains(type) else {
                    throw ReturnsError.wrapping(error)
                }
                attempt += 1
            } catch {
                throw ReturnsError.wrapping(error)
            }
        }
    }

    func authorize(_ principal: Principal, _ operation: AccessOperation, owner: CustomerID?)
        throws(ReturnsError)
    {
        do {
            try access.authorize(
                principal, operation, ownership: Ownership(owner: owner, principal: principal),
                tenant: principal.tenant)
        } catch {
            throw ReturnsError(code: .permissionDenied, reason: error.reason)
        }
    }

    func loadRequest(_ id: ReturnRequestID, in tenant: TenantID) async throws -> Versioned<ReturnRequest> {
        guard let found = try await store.fetch(ReturnRequest.self, id: id, in: tenant) else {
            throw ReturnsError.notFound(
                recordType: ReturnRequest.recordType.name, id: id.rawValue, field: "request")
        }
        return found
    }

    func loadOrder(_ id: OrderID, in tenant: TenantID, field: String = "order") async throws
        -> Versioned<ReturnOrderRecord>
    {
        guard let found = try await store.fetch(ReturnOrderRecord.self, id: id, in: tenant) else {
            throw ReturnsError.notFound(
                recordType: ReturnOrderRecord.recordType.name, id: id.rawValue, field: field)
        }
        return found
    }

    func policy(version: Int, in tenant: TenantID) async throws -> ReturnPolicy {
        if let cached = policies.policy(version, in: tenant) { return cached }
        guard
            let record = try await store.fetch(
                ReturnPolicyRecord.self, id: ReturnPolicyRecord.identifier(version: version), in: tenant)
        else {
            throw ReturnsError.notFound(
                recordType: ReturnPolicyRecord.recordType.name,
                id: ReturnPolicyRecord.identifier(version: version),
                field: "policyVersion")
        }
        let policy = try ReturnPolicy(record.record.definition, version: version)
        policies.store(policy, in: tenant)
        return policy
    }

    func event(
        _ kind: EventKind, _ request: ReturnRequest, tenant: TenantID, at now: Date, actor: ActorReference?,
        machine: String? = nil, from: String? = nil, to: String? = nil, reason: String? = nil,
        item: ReturnItemID? = nil, amount: Money? = nil, nextStep: String? = nil,
        itemChanges: [ItemHistoryEntry]? = nil
    ) -> EventEnvelope {
        EventEnvelope(
            id: ids.make(EventID.self), tenant: tenant, kind: kind,
            aggregate: AggregateReference(type: ReturnRequest.recordType, id: request.id.rawValue),
            occurredAt: now,
            actor: actor,
            payload: Payload(
                ReturnEventPayload(
                    request: request.id, rmaNumber: request.rmaNumber, order: request.order,
                    customer: request.customer, machine: machine, from: from, to: to, reason: reason,
                    item: item,
                    amount: amount, nextStep: nextStep, itemChanges: itemChanges)))
    }

    /// Appends one event per request step of `outcome`, with the matching kind.
    func appendSteps(
        _ outcome: LifecycleOutcome<ReturnRequestState>, of request: ReturnRequest,
        to transaction: inout StoreTransaction,
        tenant: TenantID
    ) {
        outcome.forEachEvent { step in
            transaction.append(
                event(
                    Self.kind(for: step.to, resolution: request.resolution), request, tenant: tenant,
                    at: step.at,
                    actor: step.actor, machine: ReturnRequestState.machineName, from: step.from.rawValue,
                    to: step.to.rawValue, reason: step.reason))
        }
    }

    /// Appends one `returns.item.changed` event carrying every item transition of a command
    /// (nothing when there is none). A single transition is also described by the payload's
    /// `item`, `machine`, `from`, `to` and `reason`; several keep the item and the machine
    /// when they all share them.
    func appendItemSteps(
        _ entries: [ItemHistoryEntry], of request: ReturnRequest, to transaction: inout StoreTransaction,
        tenant: TenantID
    ) {
        guard let first = entries.first else { return }
        let single = entries.count == 1
        let item = entries.allSatisfy { $0.item == first.item } ? first.item : nil
        let machine = entries.allSatisfy { $0.machine == first.machine } ? first.machine : nil
        transaction.append(
            event(
                ReturnEventKinds.itemChanged, request, tenant: tenant, at: first.at, actor: first.actor,
                machine: machine, from: single ? first.from : nil, to: single ? first.to : nil,
                reason: single ? first.reason : nil, item: item, itemChanges: entries))
    }

    func notice(
        customer nextStep: String, _ request: ReturnRequest, tenant: TenantID, at now: Date,
        amount: Money? = nil
    ) -> EventEnvelope {
        event(
            ReturnEventKinds.customerNotice, request, tenant: tenant, at: now, actor: nil,
            to: request.state.rawValue,
            amount: amount, nextStep: nextStep)
    }

    func notice(
        staff nextStep: String, _ request: ReturnRequest, tenant: TenantID, at now: Date,
        reason: String? = nil
    ) -> EventEnvelope {
        event(
            ReturnEventKinds.staffNotice, request, tenant: tenant, at: now, actor: nil,
            to: request.state.rawValue,
            reason: reason, nextStep: nextStep)
    }

    static func kind(for state: ReturnRequestState, resolution: ReturnResolution) -> EventKind {
        switch state {
        case .draft, .submitted: ReturnEventKinds.submitted
        case .needsReview: ReturnEventKinds.routedToReview
        case .approved: ReturnEventKinds.approved
        case .rejected: ReturnEventKinds.rejected
        case .labelIssued: ReturnEventKinds.labelIssued
        case .inTransit: ReturnEventKinds.inTransit
        case .received: ReturnEventKinds.received
        case .inspected: ReturnEventKinds.inspected
        case .resolved:
            resolution == .exchange
                ? ReturnEventKinds.exchanged
                : resolution == .keepItem ? ReturnEventKinds.resolved : ReturnEventKinds.refunded
        case .closed: ReturnEventKinds.closed
        case .cancelled: ReturnEventKinds.cancelled
        case .expired: ReturnEventKinds.expired
        }
    }

    /// Releases the units an unfinished request held on its order's lines.
    func releaseUnits(of request: ReturnRequest, from order: inout ReturnOrderRecord) {
        for item in request.items {
            order.requested[item.line] = max(0, order.requested[item.line, default: 0] - item.quantity)
        }
    }

    /// Releases inventory holds of an instant exchange (idempotent per reference).
    func releaseHolds(of request: ReturnRequest, tenant: TenantID) async throws {
        guard request.isInstantExchange else { return }
        for item in request.items where item.exchange != nil {
            try await inventory.releaseHold(reference: Self.holdReference(request, item), in: tenant)
        }
    }

    static func holdReference(_ request: ReturnRequest, _ item: ReturnItem) -> String {
        "hold-\(request.rmaNumber)-\(item.id.rawValue.uuidString)"
    }

    func refundDeadline(from start: Date, policy: ReturnPolicy) throws -> Date {
        try calendar.addingBusinessDays(policy.definition.refundDeadlineBusinessDays, to: start)
    }
}

extension ReturnRequest {
    /// Applies a request command, recording the step.
    mutating func apply(_ command: ReturnRequestCommand, at now: Date, by principal: Principal)
        throws(ReturnsError)
        -> LifecycleOutcome<ReturnRequestState>
    {
        do {
            let outcome = try ReturnRequestLifecycle.apply(command, to: state, at: now, by: principal)
            state = outcome.state
            outcome.forEachEvent { history.append($0) }
            return outcome
        } catch {
            throw ReturnsError(
                code: error.code, field: error.field, reason: error.reason, recordType: Self.recordType.name,
                recordID: id.rawValue, currentState: error.currentState, requestedState: error.requestedState)
        }
    }
}
