import CXKitCore
import Foundation

extension ReturnsService {
    /// Approves a submitted request, or overrides a review (a reason is then required and
    /// recorded).
    ///
    /// - Parameters:
    ///   - id: The request.
    ///   - reason: Why (required when the request is in review).
    ///   - principal: An agent, supervisor or administrator (not on their own return).
    /// - Returns: The approved request.
    /// - Throws: ``ReturnsError``: `.notFound` (field `request`);
    ///   `.permissionDenied`; `.invalidTransition` naming both states;
    ///   `.validationFailed` (field `reason`) for a missing override reason.
    public func approve(_ id: ReturnRequestID, reason: String? = nil, by principal: Principal) async throws
        -> ReturnRequest
    {
        try await boundary {
            var loaded = try await loadRequest(id, in: principal.tenant)
            try authorize(principal, ReturnsOperations.review, owner: loaded.record.customer)
            let now = clock.now()
            let policy = try await self.policy(version: loaded.record.policyVersion, in: principal.tenant)
            let steps = try loaded.record.apply(.approve(reason: reason), at: now, by: principal)
            try markApproved(&loaded.record, policy: policy, at: now)
            try await holdReplacements(of: loaded.record, tenant: principal.tenant)
            var transaction = StoreTransaction()
            transaction.update(loaded)
            appendSteps(steps, of: loaded.record, to: &transaction, tenant: principal.tenant)
            transaction.append(
                notice(customer: "request-label", loaded.record, tenant: principal.tenant, at: now))
            _ = try await store.commit(transaction, in: principal.tenant)
            return loaded.record
        }
    }

    /// Rejects a submitted or reviewed request, recording why; its units become returnable
    /// again.
    ///
    /// - Parameters:
    ///   - id: The request.
    ///   - reason: Why (required).
    ///   - principal: An agent, supervisor or administrator (not on their own return).
    /// - Returns: The rejected request.
    /// - Throws: ``ReturnsError``: `.notFound`; `.permissionDenied`;
    ///   `.invalidTransition`; `.validationFailed` (field `reason`).
    public func reject(_ id: ReturnRequestID, reason: String, by principal: Principal) async throws
        -> ReturnRequest
    {
        try await finish(
            id, command: .reject(reason: reason), operation: ReturnsOperations.review, by: principal)
    }

    /// Cancels a request: customers before the parcel ships, staff until it arrives. Its
    /// units become returnable again and instant-exchange holds are released.
    ///
    /// - Parameters:
    ///   - id: The request.
    ///   - reason: Why, if given.
    ///   - principal: The customer or staff.
    /// - Returns: The cancelled request.
    /// - Throws: ``ReturnsError``: `.notFound`; `.permissionDenied`;
    ///   `.invalidTransition` naming both states (e.g. a customer cancelling in
    ///   transit).
    public func cancel(_ id: ReturnRequestID, reason: String? = nil, by principal: Principal) async throws
        -> ReturnRequest
    {
        try await finish(
            id, command: .cancel(reason: reason), operation: ReturnsOperations.cancel, by: principal)
    }

    /// Closes a resolved request.
    ///
    /// - Parameters:
    ///   - id: The request.
    ///   - principal: An agent, supervisor, administrator or the system.
    /// - Returns: The closed request.
    /// - Throws: ``ReturnsError``: `.notFound`; `.permissionDenied`;
    ///   `.invalidTransition`.
    public func close(_ id: ReturnRequestID, by principal: Principal) async throws -> ReturnRequest {
        try await boundary {
            var loaded = try await loadRequest(id, in: principal.tenant)
            try authorize(principal, ReturnsOperations.review, owner: loaded.record.customer)
            let now = clock.now()
            let steps = try loaded.record.apply(.close, at: now, by: principal)
            var transaction = StoreTransaction()
            transaction.update(loaded)
            appendSteps(steps, of: loaded.record, to: &transaction, tenant: principal.tenant)
            _ = try await store.commit(transaction, in: principal.tenant)
            return loaded.record
        }
    }

    func finish(
        _ id: ReturnRequestID, command: ReturnRequestCommand, operation: AccessOperation,
        by principal: Principal
    ) async throws -> ReturnRequest {
        try await boundary {
            let tenant = principal.tenant
            var loaded = try await loadRequest(id, in: tenant)
            try authorize(principal, operation, owner: loaded.record.customer)
            let now = clock.now()
            let steps = try loaded.record.apply(command, at: now, by: principal)
            var order = try await loadOrder(loaded.record.order, in: tenant)
            releaseUnits(of: loaded.record, from: &order.record)
            try await releaseHolds(of: loaded.record, tenant: tenant)
            var transaction = StoreTransaction()
            transaction.update(loaded)
            transaction.update(order)
            appendSteps(steps, of: loaded.record, to: &transaction, tenant: tenant)
            transaction.append(
                notice(
                    customer: loaded.record.state == .rejected ? "see-reason" : "request-cancelled",
                    loaded.record,
                    tenant: tenant, at: now))
            _ = try await store.commit(transaction, in: tenant)
            return loaded.record
        }
    }

    /// Issues the return label (or QR code) of an approved request through the
    /// ``ReturnShippingProvider``.
    ///
    /// - Parameters:
    ///   - id: The request.
    ///   - principal: The customer, staff or the system.
    /// - Returns: The request with its label.
    /// - Throws: ``ReturnsError``: `.notFound`; `.permissionDenied`;
    ///   `.invalidTransition` unless approved; `.dependencyFailure`
    ///   when the carrier fails (the request stays approved).
    public func issueLabel(_ id: ReturnRequestID, by principal: Principal) async throws -> ReturnRequest {
        try await boundary {
            let tenant = principal.tenant
            var loaded = try await loadRequest(id, in: tenant)
            try authorize(principal, ReturnsOperations.issueLabel, owner: loaded.record.customer)
            let now = clock.now()
            // Check the transition before calling the carrier.
            _ = try ReturnRequestLifecycle.apply(.issueLabel, to: loaded.record.state, at: now, by: principal)
            let policy = try await self.policy(version: loaded.record.policyVersion, in: tenant)
            let label: ReturnLabel
            do {
                label = try await shipping.issueLabel(
                    for: ReturnLabelRequest(
                        tenant: tenant, request: id, rmaNumber: loaded.record.rmaNumber,
                        unitCount: loaded.record.unitCount,
                        paidBy: policy.definition.fees.returnShippingPaidBy,
                        issuedAt: now,
                        expiresAt: loaded.record.labelExpiresAt
                            ?? now.addingTimeInterval(
                                Double(policy.definition.labelValidityDays) * 86_400)))
            } catch {
                throw ReturnsError(code: .dependencyFailure, reason: "the carrier could not issue a label")
            }
            let steps = try loaded.record.apply(.issueLabel, at: now, by: principal)
            loaded.record.label = label
            loaded.record.labelExpiresAt = label.expiresAt
            var transaction = StoreTransaction()
            transaction.update(loaded)
            appendSteps(steps, of: loaded.record, to: &transaction, tenant: tenant)
            transaction.append(notice(customer: "ship-parcel", loaded.record, tenant: tenant, at: now))
            _ = try await store.commit(transaction, in: tenant)
            return loaded.record
        }
    }

    /// Applies a carrier tracking update to the request whose label it names. Repeated
    /// updates are harmless.
    ///
    /// - Parameters:
    ///   - update: The update.
    ///   - principal: The system (carrier webhook) or an administrator.
    /// - Returns: The request after the update.
    /// - Throws: ``ReturnsError``: `.notFound` (field `trackingNumber`);
    ///   `.permissionDenied`.
    public func applyCarrierUpdate(_ update: CarrierUpdate, by principal: Principal) async throws
        -> ReturnRequest
    {
        try await boundary {
            let tenant = principal.tenant
            try authorize(principal, ReturnsOperations.carrierUpdate, owner: nil)
            let page = try await store.query(
                RecordQuery<ReturnRequest>(
                    index: "byTracking", partition: [.string(update.trackingNumber)], limit: 1),
                in: tenant)
            guard var loaded = page.records.first else {
                throw ReturnsError.notFound(
                    recordType: ReturnRequest.recordType.name, id: nil, field: "trackingNumber")
            }
            let now = clock.now()
            var transaction = StoreTransaction()
            switch update.status {
            case .inTransit, .delivered:
                guard loaded.record.state == .labelIssued else { return loaded.record }
                let steps = try loaded.record.apply(.markInTransit, at: now, by: principal)
                appendSteps(steps, of: loaded.record, to: &transaction, tenant: tenant)
            case .lost:
                var entries: [ItemHistoryEntry] = []
                for index in loaded.record.items.indices
                where loaded.record.items[index].reception == .awaiting {
                    let outcome = try ItemReceptionLifecycle.apply(
                        .markLost, to: .awaiting, at: now, by: principal)
                    loaded.record.items[index].reception = outcome.state
                    entries += outcome.events.map {
                        ItemHistoryEntry($0, item: loaded.record.items[index].id)
                    }
                }
                guard !entries.isEmpty else { return loaded.record }
                loaded.record.itemHistory += entries
                appendItemSteps(entries, of: loaded.record, to: &transaction, tenant: tenant)
                transaction.append(notice(staff: "parcel-lost", loaded.record, tenant: tenant, at: now))
            }
            transaction.update(loaded)
            _ = try await store.commit(transaction, in: tenant)
            return loaded.record
        }
    }
}
