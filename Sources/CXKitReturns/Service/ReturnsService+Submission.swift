import CXKitCore
import Foundation

/// The checked form of a draft: lines resolved, reasons looked up, quote computed.
struct CheckedDraft {
    var order: Versioned<ReturnOrderRecord>
    var policy: ReturnPolicy
    var lineIndexes: [Int]
    var reasons: [ReturnReason]
    var quote: RefundQuote
}

extension ReturnsService {
    /// Quotes the refund of a draft without submitting it: the exact per-unit breakdown the
    /// customer sees before deciding.
    ///
    /// - Parameters:
    ///   - draft: The draft.
    ///   - principal: The order's customer, an agent or the system.
    /// - Returns: The quote.
    /// - Throws: The same ``ReturnsError``s as ``submit(_:idempotencyKey:by:)`` for bad input.
    public func quote(_ draft: ReturnDraft, by principal: Principal) async throws -> RefundQuote {
        try await boundary {
            try validateShape(draft)
            return try await check(draft, by: principal, operation: ReturnsOperations.checkEligibility).quote
        }
    }

    /// Submits a return request. The policy decides whether it approves itself or goes to
    /// manual review (review rules, missing evidence, serial-returner signal — the reason is
    /// recorded, never a silent block).
    ///
    /// - Parameters:
    ///   - draft: What to return.
    ///   - idempotencyKey: A client key; a replay with the same draft returns the original
    ///     request, the same key with another draft is refused.
    ///   - principal: The order's customer, or an agent on their behalf.
    /// - Returns: The request, `approved` or `needsReview`.
    /// - Throws: ``ReturnsError``: `.validationFailed` naming `items`,
    ///   `items[i].quantity` (≤ 0), `items[i].reason` (unknown or not a leaf),
    ///   `items[i].line` (duplicate), `items[i].exchange`, `instantExchange`;
    ///   `.limitExceeded` naming `items`, `items[i].note`, `items[i].evidence`;
    ///   `.notFound` naming `order` or `items[i].line`;
    ///   `.permissionDenied` for another customer's order;
    ///   `.returnNotEligible` naming `items[i].quantity` (beyond returnable),
    ///   `items[i]` (window closed, excluded …), `resolution` or `items[i].exchange` (out of
    ///   stock); `.currencyMismatch` naming `items[i].exchange.unitPrice`;
    ///   `.idempotencyKeyReused` / `.idempotencyKeyInFlight` naming
    ///   `idempotencyKey`.
    public func submit(_ draft: ReturnDraft, idempotencyKey: String? = nil, by principal: Principal)
        async throws
        -> ReturnRequest
    {
        try await boundary {
            try validateShape(draft)
            guard let idempotencyKey else {
                let (transaction, request) = try await buildSubmission(draft, by: principal)
                _ = try await store.commit(transaction, in: principal.tenant)
                return request
            }
            let scope = IdempotencyScope(
                principal: principal.id, operation: ReturnsOperations.submit.name, key: idempotencyKey)
            let result = try await idempotency.run(scope, request: draft, in: principal.tenant) {
                try await buildSubmission(draft, by: principal)
            }
            return result.value
        }
    }

    func validateShape(_ draft: ReturnDraft) throws(ReturnsError) {
        guard !draft.items.isEmpty else {
            throw ReturnsError.validation(field: "items", reason: "must not be empty")
        }
        guard draft.items.count <= limits.maximumItems else {
            throw ReturnsError.limit(field: "items", reason: "at most \(limits.maximumItems) items")
        }
        for (i, item) in draft.items.enumerated() {
            guard item.quantity >= 1 else {
                throw ReturnsError.validation(field: "items[\(i)].quantity", reason: "must be at least 1")
            }
            // Drafts hold a few items (at most `maximumItems`): comparing with the earlier
            // ones costs less than hashing each line into a set.
            guard !draft.items[..<i].contains(where: { $0.line == item.line }) else {
                throw ReturnsError.validation(field: "items[\(i)].line", reason: "appears in another item")
            }
            if let note = item.note, note.count > limits.maximumNoteLength {
                throw ReturnsError.limit(
                    field: "items[\(i)].note",
                    reason: "must be at most \(limits.maximumNoteLength) characters")
            }
            guard item.evidence.count <= limits.maximumEvidence else {
                throw ReturnsError.limit(
                    field: "items[\(i)].evidence", reason: "at most \(limits.maximumEvidence) references")
            }
            for (j, reference) in item.evidence.enumerated()
            where reference.isEmpty || reference.count > limits.maximumEvidenceLength {
                throw ReturnsError.validation(
                    field: "items[\(i)].evidence[\(j)]",
                    reason: "must be 1-\(limits.maximumEvidenceLength) characters")
            }
            _ = try taxonomy.leaf(item.reason, field: "items[\(i)].reason")
            if draft.resolution == .exchange && item.exchange == nil {
                throw ReturnsError.validation(
                    field: "items[\(i)].exchange", reason: "is required for an exchange")
            }
        }
        if draft.instantExchange && draft.resolution != .exchange {
            throw ReturnsError.validation(field: "instantExchange", reason: "applies only to exchanges")
        }
    }

    func check(_ draft: ReturnDraft, by principal: Principal, operation: AccessOperation) async throws
        -> CheckedDraft
    {
        let tenant = principal.tenant
        let order = try await loadOrder(draft.order, in: tenant)
        let snapshot = order.record.order
        try authorize(principal, operation, owner: snapshot.customer)
        let policy = try await self.policy(version: order.record.policyVersion, in: tenant)
        var indexes: [Int] = []
        indexes.reserveCapacity(draft.items.count)
        var reasons: [ReturnReason] = []
        reasons.reserveCapacity(draft.items.count)
        var quantities: [OrderLineID: Int] = [:]
        quantities.reserveCapacity(draft.items.count)
        for (i, item) in draft.items.enumerated() {
            guard let index = snapshot.index(of: item.line) else {
                throw ReturnsError.notFound(
                    recordType: "returns.orderLine", id: item.line.rawValue, field: "items[\(i)].line")
            }
            indexes.append(index)
            reasons.append(try taxonomy.leaf(item.reason, field: "items[\(i)].reason"))
            quantities[item.line] = item.quantity
            if let exchange = item.exchange, exchange.unitPrice.currency != snapshot.currency {
                throw ReturnsError(
                    code: .currencyMismatch, field: "items[\(i)].exchange.unitPrice",
                    reason: "must be in the order's currency")
            }
        }
        let report = policy.eligibility(
            of: snapshot, quantities: quantities, alreadyRequested: order.record.requested, at: clock.now())
        for (i, item) in draft.items.enumerated() {
            guard let verdict = report.lines.first(where: { $0.line == item.line }) else { continue }
            if let failure = verdict.failures.first {
                let field =
                    failure.code == .quantityExceedsReturnable ? "items[\(i)].quantity" : "items[\(i)]"
                throw ReturnsError(code: .returnNotEligible, field: field, reason: failure.explanation)
            }
            guard verdict.openResolutions.contains(draft.resolution) else {
                throw ReturnsError(
                    code: .returnNotEligible, field: "resolution",
                    reason: "\(draft.resolution.rawValue) is not open for items[\(i)]")
            }
        }
        if draft.instantExchange && !policy.definition.allowsInstantExchange {
            throw ReturnsError.validation(
                field: "instantExchange", reason: "the policy does not allow instant exchanges")
        }
        var selections: [RefundSelection] = []
        selections.reserveCapacity(draft.items.count)
        for (i, item) in draft.items.enumerated() {
            let line = snapshot.lines[indexes[i]]
            let first = min(order.record.requested[item.line, default: 0], line.quantity - item.quantity)
            selections.append(
                RefundSelection(
                    lineIndex: indexes[i], firstUnit: max(0, first), quantity: item.quantity,
                    isShopFault: reasons[i].isShopFault))
        }
        let basis = try OrderRefundBasis(order: snapshot)
        let quote = try RefundCalculator.quote(
            selections, order: snapshot, basis: basis, terms: policy.refundTerms(for: snapshot),
            previouslyRefunded: order.record.ledger.refunded)
        return CheckedDraft(
            order: order, policy: policy, lineIndexes: indexes, reasons: reasons, quote: quote)
    }

    func buildSubmission(_ draft: ReturnDraft, by principal: Principal) async throws -> (
        StoreTransaction, ReturnRequest
    ) {
        let tenant = principal.tenant
        let checked = try await check(draft, by: principal, operation: ReturnsOperations.submit)
        let now = clock.now()
        let snapshot = checked.order.record.order
        let policy = checked.policy
        // Exchanges: stock must be there (alternatives are offered otherwise).
        if draft.resolution == .exchange {
            for (i, item) in draft.items.enumerated() {
                guard let exchange = item.exchange else { continue }
                let available = try await inventory.availableQuantity(of: exchange.variant, in: tenant)
                if available < item.quantity {
                    let alternatives = try await inventory.alternatives(
                        to: exchange.variant, of: exchange.product, in: tenant)
                    throw ReturnsError(
                        code: .returnNotEligible, field: "items[\(i)].exchange",
                        reason:
                            "the replacement is out of stock; \(alternatives.count) alternatives are in stock"
                    )
                }
            }
        }
        var items: [ReturnItem] = []
        items.reserveCapacity(draft.items.count)
        for (i, item) in draft.items.enumerated() {
            items.append(
                ReturnItem(
                    id: ids.make(ReturnItemID.self), line: item.line, lineIndex: checked.lineIndexes[i],
                    quantity: item.quantity, reason: checked.reasons[i].code,
                    note: item.note.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) },
                    evidence: item.evidence,
                    exchange: item.exchange))
        }
        var request = ReturnRequest(
            id: ids.make(ReturnRequestID.self), rmaNumber: RMANumber.random(using: random),
            order: snapshot.id,
            customer: snapshot.customer, createdBy: ActorReference(principal), createdAt: now, items: items,
            resolution: draft.resolution, isInstantExchange: draft.instantExchange, quote: checked.quote,
            policyVersion: policy.version, policyFingerprint: policy.fingerprint,
            orderPeriod: ReturnRollup.period(of: snapshot.placedAt))
        request.submittedAt = now
        let submitted = try request.apply(.submit, at: now, by: principal)

        // Review routing: rules, evidence, serial returner; every reason recorded.
        let historyRecord = try await store.fetch(
            CustomerReturnHistory.self, id: snapshot.customer, in: tenant)
        var history = historyRecord?.record ?? CustomerReturnHistory(customer: snapshot.customer)
        let reviewReasons = reviewReasons(
            for: request, draft: draft, reasons: checked.reasons, policy: policy, history: history, now: now)
        let system = Principal.system(in: tenant)
        let decided: LifecycleOutcome<ReturnRequestState>
        if reviewReasons.isEmpty {
            decided = try request.apply(.approve(reason: nil), at: now, by: system)
            try markApproved(&request, policy: policy, at: now)
        } else {
            request.reviewReasons = reviewReasons
            decided = try request.apply(
                .routeToReview(reason: reviewReasons.joined(separator: "; ")), at: now, by: system)
        }
        history.recordSubmission(at: now)

        // Instant exchange: hold the replacements now (idempotent per reference).
        if request.state == .approved { try await holdReplacements(of: request, tenant: tenant) }

        var order = checked.order
        let firstReturn = !order.record.hasReturn
        order.record.requested.reserveCapacity(order.record.requested.count + request.items.count)
        for item in request.items { order.record.requested[item.line, default: 0] += item.quantity }
        order.record.hasReturn = true

        var transaction = StoreTransaction()
        // The request, order, RMA claim and history, then one overall rollup and one per
        // reason, category and product of each item; a step event each and one or two notices.
        transaction.reserveCapacity(changes: 5 + 3 * request.items.count, events: 4)
        transaction.insert(request)
        transaction.update(order)
        transaction.insert(RMANumberClaim(number: request.rmaNumber, request: request.id))
        if let historyRecord {
            transaction.update(history, expectedVersion: historyRecord.version)
        } else {
            transaction.insert(history)
        }
        appendSteps(submitted, of: request, to: &transaction, tenant: tenant)
        appendSteps(decided, of: request, to: &transaction, tenant: tenant)
        if request.state == .needsReview {
            transaction.append(notice(customer: "await-review", request, tenant: tenant, at: now))
            transaction.append(
                notice(
                    staff: "review-request", request, tenant: tenant, at: now,
                    reason: request.reviewReasons.joined(separator: "; ")))
        } else {
            transaction.append(
                notice(
                    customer: request.resolution == .keepItem ? "keep-item" : "request-label", request,
                    tenant: tenant, at: now))
        }
        var rollups = RollupChanges()
        let period = request.orderPeriod
        let units = Int64(request.unitCount)
        rollups.update(.overall, key: "", period: period) {
            $0.requests += 1
            $0.unitsReturned += units
            if firstReturn { $0.ordersWithReturn += 1 }
        }
        for (i, item) in request.items.enumerated() {
            let line = snapshot.lines[item.lineIndex]
            let firstReason = !request.items[..<i].contains { $0.reason == item.reason }
            rollups.update(.reason, key: item.reason, period: period) {
                if firstReason { $0.requests += 1 }
                $0.unitsReturned += Int64(item.quantity)
            }
            rollups.update(.category, key: line.category, period: period) {
                $0.requests += 1
                $0.unitsReturned += Int64(item.quantity)
            }
            rollups.update(.product, key: line.product.rawValue.uuidString, period: period) {
                $0.requests += 1
                $0.unitsReturned += Int64(item.quantity)
            }
        }
        rollups.apply(to: &transaction)
        return (transaction, request)
    }

    func reviewReasons(
        for request: ReturnRequest, draft: ReturnDraft, reasons: [ReturnReason], policy: ReturnPolicy,
        history: CustomerReturnHistory, now: Date
    ) -> [String] {
        var found: [String] = []
        let definition = policy.definition
        if definition.reviewsMissingEvidence {
            for (i, reason) in reasons.enumerated()
            where reason.requiresEvidence && draft.items[i].evidence.isEmpty {
                found.append("evidence missing for reason \(reason.code)")
            }
        }
        var recentRequests = history.submissions.count
        var recentRefunds: Int64 = history.settlements.reduce(0) { $0 + $1.minorUnits }
        var recentOrders = history.orders.count
        if let serial = definition.serialReturner {
            let start = now.addingTimeInterval(-Double(serial.windowDays) * 86_400)
            recentRequests = history.requests(since: start)
            recentRefunds = history.settledMinorUnits(since: start)
            recentOrders = history.orders(since: start)
            if recentRequests + 1 >= serial.maximumRequests {
                found.append(
                    "serial returner: \(recentRequests + 1) requests in \(serial.windowDays) days "
                        + "(limit \(serial.maximumRequests))")
            } else if let limit = serial.maximumRefundedValue, recentRefunds >= limit.minorUnits {
                found.append(
                    "serial returner: "
                        + "\(Money(minorUnits: recentRefunds, currency: limit.currency)) refunded in "
                        + "\(serial.windowDays) days")
            } else if let rate = serial.maximumReturnRate, recentOrders > 0,
                Double(recentRequests + 1) / Double(recentOrders) >= rate
            {
                let percent = Int((Double(recentRequests + 1) * 100 / Double(recentOrders)).rounded())
                found.append(
                    "serial returner: \(percent)% of \(recentOrders) orders returned in "
                        + "\(serial.windowDays) days (limit \(Int((rate * 100).rounded()))%)")
            }
        }
        if !policy.reviewRules.isEmpty {
            var facts: [AttributeName: RuleValue] = [
                "request.total": .money(request.quote.total),
                "request.units": .integer(Int64(request.unitCount)),
                "request.reasons": .list(request.items.map { .string($0.reason) }),
                "request.hasEvidence": .boolean(request.items.contains { !$0.evidence.isEmpty }),
                "customer.recentRequests": .integer(Int64(recentRequests)),
                "customer.recentReturnRate": .number(
                    recentOrders == 0 ? 0 : Double(recentRequests + 1) / Double(recentOrders)),
            ]
            facts["customer.recentRefunds"] = .money(
                Money(minorUnits: recentRefunds, currency: request.quote.currency))
            for (i, rule) in policy.reviewRules.enumerated() where rule.isSatisfied(by: facts, now: now) {
                found.append(definition.reviewRules[i].name)
            }
        }
        return found
    }

    func markApproved(_ request: inout ReturnRequest, policy: ReturnPolicy, at now: Date) throws {
        request.approvedAt = now
        if request.resolution != .keepItem {
            request.labelExpiresAt = now.addingTimeInterval(
                Double(policy.definition.labelValidityDays) * 86_400)
        }
        if policy.definition.refundDeadlineStart == .approval || request.resolution == .keepItem {
            request.refundDueAt = try refundDeadline(from: now, policy: policy)
        }
    }

    /// Holds the replacements of an approved instant exchange (idempotent per reference);
    /// releases what it held when one cannot be held.
    func holdReplacements(of request: ReturnRequest, tenant: TenantID) async throws {
        guard request.isInstantExchange else { return }
        for (i, item) in request.items.enumerated() {
            guard let exchange = item.exchange else { continue }
            let held = try await inventory.hold(
                item.quantity, of: exchange.variant, reference: Self.holdReference(request, item), in: tenant)
            if !held {
                try await releaseHolds(of: request, tenant: tenant)
                throw ReturnsError(
                    code: .returnNotEligible, field: "items[\(i)].exchange",
                    reason: "the replacement could not be held")
            }
        }
    }
}
