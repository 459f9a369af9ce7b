import CXKitCore
import Foundation

extension ReturnsService {
    /// Pays out an inspected request (or a keep-the-item request once approved): refunds
    /// the settlement to the original payment method or as store credit through the
    /// ``RefundGateway``, or settles an exchange (holding the replacements and refunding any
    /// remainder), then resolves the request.
    ///
    /// Safe to call again: after success it returns the resolved request; after an
    /// explicit gateway failure it starts a new attempt with a new idempotency key; after
    /// an ambiguous failure (the gateway threw) it re-sends the *same* attempt and key, so
    /// the customer is never paid twice.
    ///
    /// - Parameters:
    ///   - id: The request.
    ///   - principal: Finance, an agent, supervisor, administrator or the system.
    /// - Returns: The request; ``ReturnRequest/refund`` names the refund record.
    /// - Throws: ``ReturnsError``: `.notFound`; `.permissionDenied`;
    ///   `.invalidTransition` before inspection; `.returnNotEligible`
    ///   (field `items[i].exchange`) when a replacement is out of stock;
    ///   `.dependencyFailure` when the gateway's answer is unknown (retry later);
    ///   `.refundExceedsRefundable` when a keep-the-item settlement would exceed
    ///   what was paid.
    public func refund(_ id: ReturnRequestID, by principal: Principal) async throws -> ReturnRequest {
        try await boundary {
            let tenant = principal.tenant
            var loaded = try await loadRequest(id, in: tenant)
            try authorize(principal, ReturnsOperations.refund, owner: loaded.record.customer)
            if loaded.record.state == .resolved || loaded.record.state == .closed { return loaded.record }
            let now = clock.now()
            var refundRecord: Versioned<Refund>
            if let refundID = loaded.record.refund {
                guard let found = try await store.fetch(Refund.self, id: refundID, in: tenant) else {
                    throw ReturnsError.notFound(
                        recordType: Refund.recordType.name, id: refundID.rawValue, field: "refund")
                }
                refundRecord = found
                if found.record.state != .processing {
                    // Failed (or pending): start a new attempt with a new key.
                    var transaction = StoreTransaction()
                    let command: RefundCommand = found.record.state == .failed ? .retry : .begin
                    try startAttempt(&refundRecord.record, command: command, at: now, by: principal)
                    transaction.update(refundRecord)
                    appendRefundSteps(
                        refundRecord.record, request: loaded.record, to: &transaction, tenant: tenant)
                    let receipt = try await store.commit(transaction, in: tenant)
                    refundRecord = Versioned(
                        record: refundRecord.record,
                        version: receipt.versions.first ?? refundRecord.version + 1)
                }
            } else {
                // First attempt: settle, pay and record the result in one commit.
                guard var settlement = try await settle(&loaded, by: principal, at: now) else {
                    return loaded.record
                }
                return try await payFirstAttempt(&settlement, loaded: loaded, by: principal, at: now)
            }
            guard let attempt = refundRecord.record.attempts.last else {
                throw ReturnsError.invalidTransition(
                    machine: RefundState.machineName, from: refundRecord.record.state.rawValue,
                    to: RefundState.processing.rawValue)
            }
            let outcome: RefundGatewayOutcome
            do {
                outcome = try await refunds.submit(
                    RefundAttemptRequest(
                        tenant: tenant, refund: refundRecord.record.id, order: refundRecord.record.order,
                        customer: refundRecord.record.customer, amount: refundRecord.record.amount,
                        method: refundRecord.record.method, attempt: attempt.number,
                        idempotencyKey: attempt.idempotencyKey))
            } catch {
                throw ReturnsError(
                    code: .dependencyFailure,
                    reason: "the payment provider's answer is unknown; retry the refund")
            }
            return try await record(outcome, refund: refundRecord.record.id, request: id, by: principal)
        }
    }

    /// The refund record of a request.
    ///
    /// - Parameters:
    ///   - id: The refund.
    ///   - principal: Someone who may read the request.
    /// - Returns: The refund.
    /// - Throws: ``ReturnsError``: `.notFound`; `.permissionDenied`.
    public func refundRecord(_ id: RefundID, by principal: Principal) async throws -> Refund {
        try await boundary {
            guard let found = try await store.fetch(Refund.self, id: id, in: principal.tenant) else {
                throw ReturnsError.notFound(
                    recordType: Refund.recordType.name, id: id.rawValue, field: "refund")
            }
            try authorize(principal, ReturnsOperations.read, owner: found.record.customer)
            return found.record
        }
    }

    /// Settles a request and prepares its refund with its first attempt, without committing
    /// it (the caller pays, then commits the refund with its result). Resolves and commits
    /// directly — returning `nil` — when nothing is owed.
    private func settle(_ loaded: inout Versioned<ReturnRequest>, by principal: Principal, at now: Date)
        async throws
        -> PendingRefund?
    {
        let tenant = principal.tenant
        var request = loaded.record
        var transaction = StoreTransaction()
        // The refund, the request, the customer's history and a few rollups; the refund's
        // steps, the request's and a notice.
        transaction.reserveCapacity(changes: 8, events: 6)
        let settlement: RefundQuote
        if request.state == .approved && request.resolution == .keepItem {
            // Keep-the-item: no parcel, the quote is settled as is and the units are kept.
            var order = try await loadOrder(request.order, in: tenant)
            let snapshot = order.record.order
            let policy = try await self.policy(version: request.policyVersion, in: tenant)
            var selections: [RefundSelection] = []
            var entries: [ItemHistoryEntry] = []
            for index in request.items.indices {
                let item = request.items[index]
                selections.append(
                    RefundSelection(
                        lineIndex: item.lineIndex, firstUnit: order.record.ledger.nextUnit(of: item.line),
                        quantity: item.quantity,
                        isShopFault: taxonomy.reason(item.reason)?.isShopFault ?? false))
                for unit in 0..<item.quantity {
                    let outcome = try DispositionLifecycle.apply(
                        .keep, to: item.dispositions[unit], at: now, by: principal)
                    request.items[index].dispositions[unit] = outcome.state
                    outcome.forEachEvent { entries.append(ItemHistoryEntry($0, item: item.id, unit: unit)) }
                }
            }
            let basis = try OrderRefundBasis(order: snapshot)
            settlement = try RefundCalculator.quote(
                selections, order: snapshot, basis: basis, terms: policy.refundTerms(for: snapshot),
                previouslyRefunded: order.record.ledger.refunded)
            try order.record.ledger.record(
                settlement, amountPaid: Money(minorUnits: basis.amountPaid, currency: snapshot.currency))
            request.settlement = settlement
            request.itemHistory += entries
            appendItemSteps(entries, of: request, to: &transaction, tenant: tenant)
            transaction.update(order)
        } else {
            guard request.state == .inspected, let settled = request.settlement else {
                throw ReturnsError.invalidTransition(
                    machine: ReturnRequestState.machineName, from: request.state.rawValue,
                    to: ReturnRequestState.resolved.rawValue, detail: "refunds follow inspection")
            }
            settlement = settled
        }
        // Exchanges: hold the replacements (instant exchanges already hold them).
        var replacement: Int64 = 0
        if request.resolution == .exchange {
            for (i, item) in request.items.enumerated()
            where item.acceptance == .accepted || request.isInstantExchange {
                guard let exchange = item.exchange else { continue }
                replacement += exchange.unitPrice.minorUnits * Int64(item.quantity)
                if !request.isInstantExchange {
                    let held = try await inventory.hold(
                        item.quantity, of: exchange.variant, reference: Self.holdReference(request, item),
                        in: tenant)
                    guard held else {
                        throw ReturnsError(
                            code: .returnNotEligible, field: "items[\(i)].exchange",
                            reason: "the replacement is out of stock")
                    }
                }
            }
        }
        let currency = settlement.currency
        let amount = max(0, settlement.total.minorUnits - replacement)
        if amount == 0 {
            try resolve(
                &request, refunded: 0, replacement: replacement, settled: settlement.total.minorUnits,
                at: now,
                by: principal, into: &transaction, tenant: tenant)
            try await addResolutionEffects(
                request, refunded: 0, replacement: replacement, at: now, into: &transaction, tenant: tenant)
            transaction.update(request, expectedVersion: loaded.version)
            _ = try await store.commit(transaction, in: tenant)
            loaded.record = request
            return nil
        }
        var refund = Refund(
            id: Self.refundID(for: request.id), request: request.id, order: request.order,
            customer: request.customer,
            amount: Money(minorUnits: amount, currency: currency),
            method: request.resolution == .storeCredit ? .storeCredit : .refundToOriginalPayment,
            createdAt: now)
        try startAttempt(&refund, command: .begin, at: now, by: principal)
        request.refund = refund.id
        appendRefundSteps(refund, request: request, to: &transaction, tenant: tenant)
        loaded.record = request
        return PendingRefund(refund: refund, transaction: transaction, requestVersion: loaded.version)
    }

    /// The refund of a request: derived from the request's identity, so a retry after a
    /// crash between payment and commit rebuilds the same refund and the same first
    /// idempotency key, and the gateway answers it without paying twice.
    static func refundID(for request: ReturnRequestID) -> RefundID {
        RefundID(
            rawValue: Identifier(
                high: request.rawValue.high, low: request.rawValue.low ^ 0x0000_5245_4655_4E44))
    }

    /// Pays the first attempt of a prepared refund and commits the refund, the request and
    /// the result together: one commit when the gateway answers. After an ambiguous failure
    /// (the gateway threw) it commits the refund as `processing`, so the retry re-sends the
    /// same attempt and key.
    private func payFirstAttempt(
        _ pending: inout PendingRefund, loaded: Versioned<ReturnRequest>, by principal: Principal,
        at now: Date
    ) async throws -> ReturnRequest {
        let tenant = principal.tenant
        var request = loaded.record
        var refund = pending.refund
        guard let attempt = refund.attempts.last else {
            throw ReturnsError.invalidTransition(
                machine: RefundState.machineName, from: refund.state.rawValue,
                to: RefundState.processing.rawValue)
        }
        let outcome: RefundGatewayOutcome
        do {
            outcome = try await refunds.submit(
                RefundAttemptRequest(
                    tenant: tenant, refund: refund.id, order: refund.order, customer: refund.customer,
                    amount: refund.amount, method: refund.method, attempt: attempt.number,
                    idempotencyKey: attempt.idempotencyKey))
        } catch {
            pending.transaction.insert(refund)
            pending.transaction.update(request, expectedVersion: pending.requestVersion)
            _ = try await store.commit(pending.transaction, in: tenant)
            throw ReturnsError(
                code: .dependencyFailure, reason: "the payment provider's answer is unknown; retry the refund"
            )
        }
        try await apply(
            outcome, to: &refund, request: &request, at: now, by: principal, into: &pending.transaction)
        pending.transaction.insert(refund)
        pending.transaction.update(request, expectedVersion: pending.requestVersion)
        _ = try await store.commit(pending.transaction, in: tenant)
        return request
    }

    private func startAttempt(
        _ refund: inout Refund, command: RefundCommand, at now: Date, by principal: Principal
    )
        throws
    {
        let outcome = try RefundLifecycle.apply(command, to: refund.state, at: now, by: principal)
        refund.state = outcome.state
        outcome.forEachEvent { refund.history.append($0) }
        let number = refund.attempts.count + 1
        refund.attempts.append(
            RefundAttempt(
                number: number, idempotencyKey: "\(refund.id.rawValue.uuidString)-\(number)",
                startedAt: now))
    }

    private func appendRefundSteps(
        _ refund: Refund, request: ReturnRequest, to transaction: inout StoreTransaction, tenant: TenantID
    ) {
        guard let step = refund.history.last else { return }
        transaction.append(
            event(
                ReturnEventKinds.refundChanged, request, tenant: tenant, at: step.at, actor: step.actor,
                machine: RefundState.machineName, from: step.from.rawValue, to: step.to.rawValue,
                reason: step.reason,
                amount: refund.amount))
    }

    private func record(
        _ outcome: RefundGatewayOutcome, refund id: RefundID, request requestID: ReturnRequestID,
        by principal: Principal
    ) async throws -> ReturnRequest {
        let tenant = principal.tenant
        let now = clock.now()
        guard var refund = try await store.fetch(Refund.self, id: id, in: tenant) else {
            throw ReturnsError.notFound(recordType: Refund.recordType.name, id: id.rawValue, field: "refund")
        }
        var request = try await loadRequest(requestID, in: tenant)
        guard refund.record.state == .processing, !refund.record.attempts.isEmpty else {
            return request.record
        }
        var transaction = StoreTransaction()
        try await apply(
            outcome, to: &refund.record, request: &request.record, at: now, by: principal, into: &transaction)
        transaction.update(refund)
        transaction.update(request)
        _ = try await store.commit(transaction, in: tenant)
        return request.record
    }

    /// Records a gateway outcome on a processing refund: success resolves the request with
    /// its effects (rollups, customer history); a refusal marks the refund failed and tells
    /// staff. Adds the events to the transaction.
    private func apply(
        _ outcome: RefundGatewayOutcome, to refund: inout Refund, request: inout ReturnRequest, at now: Date,
        by principal: Principal, into transaction: inout StoreTransaction
    ) async throws {
        let tenant = principal.tenant
        guard var attempt = refund.attempts.last else { return }
        attempt.outcome = outcome
        attempt.finishedAt = now
        refund.attempts[refund.attempts.count - 1] = attempt
        switch outcome {
        case .succeeded(let reference):
            let step = try RefundLifecycle.apply(.succeed, to: refund.state, at: now, by: principal)
            refund.state = step.state
            step.forEachEvent { refund.history.append($0) }
            refund.reference = reference
            var replacement: Int64 = 0
            if request.resolution == .exchange {
                for item in request.items where item.acceptance == .accepted || request.isInstantExchange {
                    replacement += (item.exchange?.unitPrice.minorUnits ?? 0) * Int64(item.quantity)
                }
            }
            try resolve(
                &request, refunded: refund.amount.minorUnits, replacement: replacement,
                settled: request.settlement?.total.minorUnits ?? refund.amount.minorUnits, at: now,
                by: principal, into: &transaction, tenant: tenant)
            try await addResolutionEffects(
                request, refunded: refund.amount.minorUnits, replacement: replacement, at: now,
                into: &transaction, tenant: tenant)
        case .failed(let code, _):
            let step = try RefundLifecycle.apply(
                .fail(reason: code), to: refund.state, at: now, by: principal)
            refund.state = step.state
            step.forEachEvent { refund.history.append($0) }
            transaction.append(notice(staff: "refund-failed", request, tenant: tenant, at: now, reason: code))
        }
        appendRefundSteps(refund, request: request, to: &transaction, tenant: tenant)
    }

    private func resolve(
        _ request: inout ReturnRequest, refunded: Int64, replacement: Int64, settled: Int64, at now: Date,
        by principal: Principal, into transaction: inout StoreTransaction, tenant: TenantID
    ) throws {
        let steps = try request.apply(.resolve, at: now, by: principal)
        let currency = request.quote.currency
        request.resolvedAt = now
        request.outcome = ReturnOutcome(
            resolution: request.resolution, refunded: Money(minorUnits: refunded, currency: currency),
            replacementValue: Money(minorUnits: replacement, currency: currency),
            amountDue: Money(minorUnits: max(0, replacement - settled), currency: currency))
        appendSteps(steps, of: request, to: &transaction, tenant: tenant)
        transaction.append(
            notice(
                customer: request.resolution == .exchange ? "replacement-on-its-way" : "refund-sent", request,
                tenant: tenant, at: now, amount: Money(minorUnits: refunded, currency: currency)))
    }

    private func addResolutionEffects(
        _ request: ReturnRequest, refunded: Int64, replacement: Int64, at now: Date,
        into transaction: inout StoreTransaction, tenant: TenantID
    ) async throws {
        var rollups = RollupChanges()
        let submitted = request.submittedAt.map { now.timeIntervalSince($0) } ?? 0
        let received = request.receivedAt.map { now.timeIntervalSince($0) }
        rollups.update(.overall, key: "", period: request.orderPeriod) {
            if request.resolution == .exchange {
                $0.exchanges += 1
                $0.retainedMinorUnits += replacement
            } else {
                $0.refunds += 1
            }
            $0.refundedMinorUnits += refunded
            $0.addCycleTimes(submittedToRefunded: submitted, receivedToRefunded: received)
        }
        // Money is attributed to a reason only when the request has a single item (a split
        // across reasons would be a guess); other requests leave the reason rollups as they
        // are, without rewriting them with a zero change.
        if request.items.count == 1, refunded != 0, let item = request.items.first {
            rollups.update(.reason, key: item.reason, period: request.orderPeriod) {
                $0.refundedMinorUnits += refunded
            }
        }
        rollups.apply(to: &transaction)
        let existing = try await store.fetch(CustomerReturnHistory.self, id: request.customer, in: tenant)
        var history = existing?.record ?? CustomerReturnHistory(customer: request.customer)
        history.recordSettlement(refunded, at: now)
        if let existing {
            transaction.update(history, expectedVersion: existing.version)
        } else {
            transaction.insert(history)
        }
    }
}
