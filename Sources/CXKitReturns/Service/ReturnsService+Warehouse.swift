import CXKitCore
import Foundation

extension ReturnsService {
    /// Records what arrived in a request's parcel, item by item.
    ///
    /// The first reception moves the request to `received`: each listed item becomes
    /// `received` (every unit arrived), `shortShipped` (some did), `wrongItem` or `lost`
    /// (none did); items not listed are recorded as lost. Items left open that way —
    /// short-shipped, lost or wrong — may be received again **until the request is
    /// inspected**: a later call lists only what arrived since, each receipt counting the
    /// *additional* units, and the item becomes `received` once every announced unit is
    /// in (items not listed keep their state). Inspection refunds only units that arrived
    /// and were accepted; units that never arrived become returnable again.
    ///
    /// - Parameters:
    ///   - id: The request.
    ///   - receipts: One receipt per item that arrived (or was found missing).
    ///   - principal: Warehouse staff or an administrator.
    /// - Returns: The received request.
    /// - Throws: ``ReturnsError``: `.validationFailed` naming `receipts[i].item`
    ///   (unknown or repeated) or `receipts[i].receivedQuantity` (negative, more than
    ///   the item's quantity, or — on a later reception — more than the units still
    ///   outstanding); `.notFound`; `.permissionDenied`; `.invalidTransition`
    ///   (a later reception when every item is in, a wrong-item receipt for an item that
    ///   is no longer awaited, or any reception after inspection).
    public func receive(_ id: ReturnRequestID, receipts: [ItemReceipt], by principal: Principal) async throws
        -> ReturnRequest
    {
        try await boundary {
            let tenant = principal.tenant
            var loaded = try await loadRequest(id, in: tenant)
            try authorize(principal, ReturnsOperations.receive, owner: loaded.record.customer)
            let items = loaded.record.items
            let isFollowUp =
                loaded.record.state == .received && items.contains { $0.reception != .received }
            // The receipt of each item, by item position.
            var receiptOf = [Int](repeating: -1, count: items.count)
            for (i, receipt) in receipts.enumerated() {
                guard let index = items.firstIndex(where: { $0.id == receipt.item }) else {
                    throw ReturnsError.validation(
                        field: "receipts[\(i)].item", reason: "is not an item of this request")
                }
                guard receiptOf[index] < 0 else {
                    throw ReturnsError.validation(field: "receipts[\(i)].item", reason: "is listed twice")
                }
                receiptOf[index] = i
                let item = items[index]
                if isFollowUp {
                    let outstanding = item.reception == .received ? 0 : item.quantity - item.receivedQuantity
                    guard (0...max(0, outstanding)).contains(receipt.receivedQuantity) else {
                        throw ReturnsError.validation(
                            field: "receipts[\(i)].receivedQuantity",
                            reason: "must be between 0 and the units still outstanding")
                    }
                } else {
                    guard (0...item.quantity).contains(receipt.receivedQuantity) else {
                        throw ReturnsError.validation(
                            field: "receipts[\(i)].receivedQuantity",
                            reason: "must be between 0 and the item's quantity")
                    }
                }
            }
            let now = clock.now()
            var transaction = StoreTransaction()
            var entries: [ItemHistoryEntry] = []
            if isFollowUp {
                for index in items.indices where receiptOf[index] >= 0 {
                    let item = items[index]
                    let receipt = receipts[receiptOf[index]]
                    let outcome: LifecycleOutcome<ItemReceptionState>
                    if receipt.isWrongItem {
                        outcome = try ItemReceptionLifecycle.apply(
                            .markWrongItem, to: item.reception, at: now, by: principal)
                    } else if receipt.receivedQuantity > 0 {
                        outcome = try ItemReceptionLifecycle.receive(
                            receipt.receivedQuantity, announced: item.quantity,
                            alreadyReceived: item.receivedQuantity, to: item.reception, at: now, by: principal
                        )
                        loaded.record.items[index].receivedQuantity += receipt.receivedQuantity
                    } else {
                        continue
                    }
                    loaded.record.items[index].reception = outcome.state
                    outcome.forEachEvent { entries.append(ItemHistoryEntry($0, item: item.id)) }
                }
                loaded.record.itemHistory += entries
                transaction.update(loaded)
            } else {
                let steps = try loaded.record.apply(.receive, at: now, by: principal)
                for index in items.indices {
                    let item = items[index]
                    let receipt = receiptOf[index] >= 0 ? receipts[receiptOf[index]] : nil
                    let command: ItemReceptionCommand
                    if let receipt, receipt.isWrongItem {
                        command = .markWrongItem
                    } else if let receipt, receipt.receivedQuantity == item.quantity {
                        command = .receive
                    } else if let receipt, receipt.receivedQuantity > 0 {
                        command = .markShortShipped
                    } else {
                        command = .markLost
                    }
                    guard item.reception != command.requestedState else { continue }
                    let outcome = try ItemReceptionLifecycle.apply(
                        command, to: item.reception, at: now, by: principal)
                    loaded.record.items[index].reception = outcome.state
                    loaded.record.items[index].receivedQuantity =
                        command == .markWrongItem ? 0 : receipt?.receivedQuantity ?? 0
                    outcome.forEachEvent { entries.append(ItemHistoryEntry($0, item: item.id)) }
                }
                loaded.record.itemHistory += entries
                loaded.record.receivedAt = now
                let policy = try await self.policy(version: loaded.record.policyVersion, in: tenant)
                if policy.definition.refundDeadlineStart == .reception {
                    loaded.record.refundDueAt = try refundDeadline(from: now, policy: policy)
                }
                transaction.update(loaded)
                appendSteps(steps, of: loaded.record, to: &transaction, tenant: tenant)
            }
            appendItemSteps(entries, of: loaded.record, to: &transaction, tenant: tenant)
            transaction.append(notice(customer: "await-inspection", loaded.record, tenant: tenant, at: now))
            _ = try await store.commit(transaction, in: tenant)
            return loaded.record
        }
    }

    /// Inspects a received request: accepts or rejects each item against the policy's
    /// required conditions, decides each unit's disposition (restocking resellable units
    /// through the ``InventoryGateway``), and books the settlement in the order's ledger —
    /// with the quote→settlement difference on the request.
    ///
    /// - Parameters:
    ///   - id: The request.
    ///   - inspections: Findings per item; items not listed passed every condition.
    ///   - principal: Warehouse staff or an administrator.
    /// - Returns: The inspected request (see ``ReturnRequest/settlement`` and
    ///   ``ReturnRequest/quoteDifference``).
    /// - Throws: ``ReturnsError``: `.validationFailed` naming
    ///   `inspections[i].item`; `.notFound`; `.permissionDenied`;
    ///   `.invalidTransition`; `.refundExceedsRefundable` when the
    ///   settlement would exceed what the order paid; `.dependencyFailure` when
    ///   inventory fails (nothing is recorded; a retry restocks at most once).
    public func inspect(_ id: ReturnRequestID, inspections: [ItemInspection], by principal: Principal)
        async throws
        -> ReturnRequest
    {
        try await boundary {
            let tenant = principal.tenant
            var loaded = try await loadRequest(id, in: tenant)
            try authorize(principal, ReturnsOperations.inspect, owner: loaded.record.customer)
            var findings: [ReturnItemID: ItemInspection] = [:]
            for (i, inspection) in inspections.enumerated() {
                guard loaded.record.items.contains(where: { $0.id == inspection.item }) else {
                    throw ReturnsError.validation(
                        field: "inspections[\(i)].item", reason: "is not an item of this request")
                }
                guard findings.updateValue(inspection, forKey: inspection.item) == nil else {
                    throw ReturnsError.validation(field: "inspections[\(i)].item", reason: "is listed twice")
                }
            }
            let now = clock.now()
            let steps = try loaded.record.apply(.inspect, at: now, by: principal)
            let policy = try await self.policy(version: loaded.record.policyVersion, in: tenant)
            var order = try await loadOrder(loaded.record.order, in: tenant)
            let snapshot = order.record.order
            // Sized up front: an item adds at most one acceptance entry and one per unit.
            let itemCount = loaded.record.items.count
            var entries: [ItemHistoryEntry] = []
            entries.reserveCapacity(loaded.record.items.reduce(itemCount) { $0 + $1.receivedQuantity })
            var selections: [RefundSelection] = []
            selections.reserveCapacity(itemCount)
            // The next unrefunded unit of each line touched so far (few lines: a small array).
            var nextUnits: [(line: OrderLineID, unit: Int)] = []
            nextUnits.reserveCapacity(itemCount)
            var restocks: [(ReturnItem, Int)] = []
            restocks.reserveCapacity(itemCount)
            var rollups = RollupChanges()
            for index in loaded.record.items.indices {
                var item = loaded.record.items[index]
                let finding = findings[item.id]
                let failed =
                    finding?.failedConditions.filter { policy.definition.requiredConditions.contains($0) }
                    ?? []
                item.failedConditions = failed
                let arrived = item.reception == .received || item.reception == .shortShipped
                let acceptance: ItemAcceptanceCommand
                if !arrived {
                    acceptance = .reject(
                        reason: item.reception == .wrongItem ? "wrong item received" : "not received")
                } else if !failed.isEmpty && policy.definition.conditionDeductionBasisPoints >= 10_000 {
                    acceptance = .reject(
                        reason: "fails required conditions: " + failed.map(\.rawValue).joined(separator: ", ")
                    )
                } else {
                    acceptance = .accept(reason: nil)
                }
                if item.acceptance != acceptance.requestedState {
                    let outcome = try ItemAcceptanceLifecycle.apply(
                        acceptance, to: item.acceptance, at: now, by: principal)
                    item.acceptance = outcome.state
                    outcome.forEachEvent { entries.append(ItemHistoryEntry($0, item: item.id)) }
                }
                // Dispositions for the units that arrived.
                let resellable = failed.isEmpty && item.acceptance == .accepted
                let command = finding?.disposition ?? (resellable ? .restock : .quarantine)
                var restocked = 0
                for unit in 0..<item.receivedQuantity where unit < item.dispositions.count {
                    let outcome = try DispositionLifecycle.apply(
                        command, to: item.dispositions[unit], at: now, by: principal)
                    item.dispositions[unit] = outcome.state
                    outcome.forEachEvent { entries.append(ItemHistoryEntry($0, item: item.id, unit: unit)) }
                    if outcome.state == .restocked { restocked += 1 }
                    if let slot = DispositionState.slots.firstIndex(of: outcome.state) {
                        rollups.update(.overall, key: "", period: loaded.record.orderPeriod) {
                            $0.addDisposition(at: slot)
                        }
                    }
                }
                if restocked > 0 { restocks.append((item, restocked)) }
                if item.acceptance == .accepted && item.receivedQuantity > 0 {
                    let first: Int
                    if let known = nextUnits.firstIndex(where: { $0.line == item.line }) {
                        first = nextUnits[known].unit
                        nextUnits[known].unit += item.receivedQuantity
                    } else {
                        first = order.record.ledger.nextUnit(of: item.line)
                        nextUnits.append((item.line, first + item.receivedQuantity))
                    }
                    let isShopFault = taxonomy.reason(item.reason)?.isShopFault ?? false
                    selections.append(
                        RefundSelection(
                            lineIndex: item.lineIndex, firstUnit: first, quantity: item.receivedQuantity,
                            isShopFault: isShopFault,
                            conditionDeductionBasisPoints: failed.isEmpty
                                ? 0 : policy.definition.conditionDeductionBasisPoints))
                }
                // Units that will not be refunded become requestable again.
                let unaccepted = item.quantity - (item.acceptance == .accepted ? item.receivedQuantity : 0)
                if unaccepted > 0 {
                    order.record.requested[item.line] = max(
                        0, order.record.requested[item.line, default: 0] - unaccepted)
                }
                loaded.record.items[index] = item
            }
            let basis = try OrderRefundBasis(order: snapshot)
            let settlement = try RefundCalculator.quote(
                selections, order: snapshot, basis: basis, terms: policy.refundTerms(for: snapshot),
                previouslyRefunded: order.record.ledger.refunded)
            try order.record.ledger.record(
                settlement, amountPaid: Money(minorUnits: basis.amountPaid, currency: snapshot.currency))
            // Restock through the port before committing; references make retries safe.
            for (item, count) in restocks {
                let line = snapshot.lines[item.lineIndex]
                try await inventory.restock(
                    count, of: line.product, variant: line.variant,
                    reference: "restock-\(loaded.record.rmaNumber)-\(item.id.rawValue.uuidString)", in: tenant
                )
            }
            loaded.record.settlement = settlement
            loaded.record.inspectedAt = now
            loaded.record.itemHistory += entries
            var transaction = StoreTransaction()
            transaction.update(loaded)
            transaction.update(order)
            appendSteps(steps, of: loaded.record, to: &transaction, tenant: tenant)
            appendItemSteps(entries, of: loaded.record, to: &transaction, tenant: tenant)
            transaction.append(
                notice(
                    customer: "await-refund", loaded.record, tenant: tenant, at: now, amount: settlement.total
                ))
            rollups.apply(to: &transaction)
            _ = try await store.commit(transaction, in: tenant)
            return loaded.record
        }
    }
}
