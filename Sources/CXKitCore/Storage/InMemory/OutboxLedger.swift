import Foundation

/// The in-memory outbox of every tenant: entries by global sequence, a queue per
/// aggregate, and an ordered set of the queues' first entries.
///
/// Claiming walks the first entries of aggregates in commit order, so its cost grows with
/// the aggregates it inspects, not with the size of the outbox.
final class OutboxLedger {
    private var slots: [UInt64: OutboxSlot] = [:]
    private var sequences: [EventID: UInt64] = [:]
    private var queues: [OutboxAggregateKey: OutboxAggregateQueue] = [:]
    /// The first pending entry of every aggregate that has one.
    private let heads = OrderedKeyTree<UInt64>()
    private var tenants: [TenantID: TenantOutboxIndex] = [:]
    private var nextSequence: UInt64 = 1

    /// The number of entries, pending or dead-lettered.
    var count: Int { slots.count }

    /// Whether an event with this identity is in the outbox.
    func contains(_ event: EventID) -> Bool { sequences[event] != nil }

    /// Whether `tenant` has any entry.
    func hasEntries(in tenant: TenantID) -> Bool { !(tenants[tenant]?.isEmpty ?? true) }

    /// The tenants with at least one entry.
    var tenantsWithEntries: [TenantID] { tenants.filter { !$0.value.isEmpty }.map(\.key) }

    // MARK: Appending

    /// Appends an event as a pending entry, due at once.
    func append(_ event: EventEnvelope) {
        let sequence = nextSequence
        nextSequence += 1
        let key = OutboxAggregateKey(tenant: event.tenant, aggregate: event.aggregate)
        slots[sequence] = OutboxSlot(
            entry: OutboxEntry(event: event, sequence: sequence, nextAttemptAt: .distantPast))
        sequences[event.id] = sequence
        enqueue(sequence, for: key)
        tenantIndex(event.tenant).pending.insert(sequence)
    }

    // MARK: Claiming

    /// Leases deliverable entries; see ``RecordStore/claimOutboxEntries(limit:claimant:now:leaseDuration:)``.
    func claim(limit: Int, claimant: String, now: Date, leaseDuration: Duration) -> [OutboxEntry] {
        guard limit > 0 else { return [] }
        var chosen: [UInt64] = []
        heads.visitAscending(from: nil) { sequence in
            guard let slot = slots[sequence] else { return true }
            let key = OutboxAggregateKey(
                tenant: slot.entry.event.tenant, aggregate: slot.entry.event.aggregate)
            if let leased = queues[key]?.leased, let leasedSlot = slots[leased], leasedSlot.isLeased(at: now)
            {
                return true
            }
            guard slot.entry.nextAttemptAt <= now else { return true }
            chosen.append(sequence)
            return chosen.count < limit
        }
        let components = leaseDuration.components
        let until = now.addingTimeInterval(
            Double(components.seconds) + Double(components.attoseconds) / 1_000_000_000_000_000_000)
        var claimed: [OutboxEntry] = []
        claimed.reserveCapacity(chosen.count)
        for sequence in chosen {
            guard var slot = slots[sequence] else { continue }
            let key = OutboxAggregateKey(
                tenant: slot.entry.event.tenant, aggregate: slot.entry.event.aggregate)
            if let previous = queues[key]?.leased, previous != sequence { slots[previous]?.claimant = nil }
            queues[key]?.leased = sequence
            slot.claimant = claimant
            slot.leaseUntil = until
            slots[sequence] = slot
            claimed.append(slot.entry)
        }
        return claimed
    }

    // MARK: Outcomes

    /// Removes delivered entries leased to `claimant`.
    func acknowledge(_ events: [EventID], claimant: String) {
        for event in events {
            guard let sequence = sequences[event], let slot = slots[sequence], slot.claimant == claimant,
                slot.entry.status == .pending
            else { continue }
            slots[sequence] = nil
            sequences[event] = nil
            dequeue(sequence, for: slot)
            let tenant = slot.entry.event.tenant
            tenants[tenant]?.pending.remove(sequence)
            if tenants[tenant]?.isEmpty == true { tenants[tenant] = nil }
        }
    }

    /// Records a failed attempt of an entry leased to `claimant`.
    func recordFailure(_ event: EventID, claimant: String, failure: OutboxFailure) {
        guard let sequence = sequences[event], var slot = slots[sequence], slot.claimant == claimant,
            slot.entry.status == .pending
        else { return }
        slot.claimant = nil
        slot.leaseUntil = .distantPast
        slot.entry.attempts += 1
        slot.entry.lastError = failure.error
        slot.entry.deliveredSinks.formUnion(failure.deliveredSinks)
        let key = OutboxAggregateKey(tenant: slot.entry.event.tenant, aggregate: slot.entry.event.aggregate)
        if queues[key]?.leased == sequence { queues[key]?.leased = nil }
        if let retryAt = failure.retryAt {
            slot.entry.nextAttemptAt = retryAt
            slots[sequence] = slot
        } else {
            slot.entry.status = .deadLettered
            slots[sequence] = slot
            dequeue(sequence, for: slot)
            let index = tenantIndex(slot.entry.event.tenant)
            index.pending.remove(sequence)
            index.deadLettered.insert(sequence)
        }
    }

    /// Returns dead-lettered entries of `tenant` to pending, due at `now`.
    func redrive(_ events: [EventID], in tenant: TenantID, now: Date) -> Int {
        var redriven = 0
        for event in events {
            guard let sequence = sequences[event], var slot = slots[sequence],
                slot.entry.event.tenant == tenant, slot.entry.status == .deadLettered
            else { continue }
            slot.entry.status = .pending
            slot.entry.attempts = 0
            slot.entry.nextAttemptAt = now
            slot.claimant = nil
            slots[sequence] = slot
            let key = OutboxAggregateKey(tenant: tenant, aggregate: slot.entry.event.aggregate)
            enqueue(sequence, for: key)
            let index = tenantIndex(tenant)
            index.deadLettered.remove(sequence)
            index.pending.insert(sequence)
            redriven += 1
        }
        return redriven
    }

    /// Replaces the payload of waiting entries of `tenant`.
    func redact(_ events: [EventID], in tenant: TenantID, payload: Payload) -> Int {
        var rewritten = 0
        for event in events {
            guard let sequence = sequences[event], var slot = slots[sequence],
                slot.entry.event.tenant == tenant
            else { continue }
            let old = slot.entry.event
            slot.entry = OutboxEntry(
                event: EventEnvelope(
                    id: old.id, tenant: old.tenant, kind: old.kind, aggregate: old.aggregate,
                    occurredAt: old.occurredAt, actor: old.actor, payload: payload),
                sequence: slot.entry.sequence, status: slot.entry.status, attempts: slot.entry.attempts,
                nextAttemptAt: slot.entry.nextAttemptAt, lastError: slot.entry.lastError,
                deliveredSinks: slot.entry.deliveredSinks)
            slots[sequence] = slot
            rewritten += 1
        }
        return rewritten
    }

    // MARK: Listing

    /// Lists entries of `tenant` with `status` after `sequence`, in commit order.
    func entries(status: OutboxStatus, in tenant: TenantID, after sequence: UInt64?, limit: Int)
        -> [OutboxEntry]
    {
        guard let index = tenants[tenant] else { return [] }
        var result: [OutboxEntry] = []
        index.entries(status).visitAscending(from: sequence.map { after in { $0 <= after } }) { current in
            guard result.count < limit else { return false }
            if let slot = slots[current] { result.append(slot.entry) }
            return true
        }
        return result
    }

    // MARK: Queues

    private func tenantIndex(_ tenant: TenantID) -> TenantOutboxIndex {
        if let index = tenants[tenant] { return index }
        let index = TenantOutboxIndex()
        tenants[tenant] = index
        return index
    }

    private func enqueue(_ sequence: UInt64, for key: OutboxAggregateKey) {
        var queue = queues.removeValue(forKey: key) ?? OutboxAggregateQueue()
        let oldHead = queue.head
        queue.insert(sequence)
        let newHead = queue.head
        queues[key] = queue
        if oldHead != newHead {
            if let oldHead { heads.remove(oldHead) }
            if let newHead { heads.insert(newHead) }
        }
    }

    private func dequeue(_ sequence: UInt64, for slot: OutboxSlot) {
        let key = OutboxAggregateKey(tenant: slot.entry.event.tenant, aggregate: slot.entry.event.aggregate)
        guard var queue = queues.removeValue(forKey: key) else { return }
        let oldHead = queue.head
        queue.remove(sequence)
        let newHead = queue.head
        queues[key] = queue.isEmpty && queue.leased == nil ? nil : queue
        if oldHead != newHead {
            if let oldHead { heads.remove(oldHead) }
            if let newHead { heads.insert(newHead) }
        }
    }
}
