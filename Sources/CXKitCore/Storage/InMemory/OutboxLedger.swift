import Foundation

/// The in-memory outbox of every tenant: entries by sequence number, a queue per aggregate
/// and an ordered set of the queues' first entries.
///
/// Pending entries sit in a chunked array indexed by sequence number, so appending and
/// finding an entry cost no hashing; the array's delivered front is trimmed as it empties.
/// Dead-lettered entries (and entries redriven from below the trimmed front) move to a
/// side table so one old failure never pins the array. Events are found by identity
/// through a flat identifier map, and aggregates' queues through another, keyed by the
/// aggregate's identifier.
///
/// Claiming walks the first entries of aggregates in commit order, so its cost grows with
/// the aggregates it inspects, not with the size of the outbox.
final class OutboxLedger {
    /// Pending entries: `slots[sequence - base]`; delivered ones are `nil` until trimmed.
    @exclusivity(unchecked) private var slots = OutboxSlotRun()
    /// The sequence number of `slots[0]`.
    @exclusivity(unchecked) private var base: UInt64 = 1
    /// How many leading elements of `slots` are `nil`.
    @exclusivity(unchecked) private var leadingEmpty = 0
    /// Entries outside the array: dead letters, and pending entries below `base`.
    @exclusivity(unchecked) private var parked: [UInt64: OutboxSlot] = [:]
    /// Each entry's sequence number by event identity.
    @exclusivity(unchecked) private var sequences = IdentifierSlotMap()
    /// The aggregates' queues; freed positions are reused.
    @exclusivity(unchecked) private var queues: ContiguousArray<OutboxAggregateQueue?> = []
    /// Whose queue each position of `queues` is (a freed position keeps its last owner
    /// until it is reused).
    @exclusivity(unchecked) private var queueOwners: ContiguousArray<OutboxQueueOwner> = []
    @exclusivity(unchecked) private var freeQueues: [Int] = []
    /// The first queue position for each aggregate identifier.
    @exclusivity(unchecked) private var queuesByAggregate = IdentifierSlotMap()
    /// The first pending entry of every aggregate that has one.
    private let heads = OrderedKeyTree<UInt64>()
    @exclusivity(unchecked) private var tenants: [TenantID: TenantOutboxIndex] = [:]
    /// The last tenant index used, which consecutive appends of one tenant reuse.
    /// Held unretained: `tenants` keeps the index alive, and ``forget(_:)`` clears this
    /// when it drops the index. An append then notes its entry without writing the index's
    /// reference count, an atomic write that waits for the commit's earlier stores.
    @exclusivity(unchecked) private var recentTenant: (tenant: TenantID, index: Unmanaged<TenantOutboxIndex>)?
    @exclusivity(unchecked) private var nextSequence: UInt64 = 1

    /// The number of entries, pending or dead-lettered.
    var count: Int { sequences.count }

    /// Whether an event with this identity is in the outbox.
    func contains(_ event: EventID) -> Bool { sequences.slot(of: event.rawValue) != nil }

    /// Whether `tenant` has any entry.
    func hasEntries(in tenant: TenantID) -> Bool { !(tenants[tenant]?.isEmpty ?? true) }

    /// The tenants with at least one entry.
    var tenantsWithEntries: [TenantID] { tenants.filter { !$0.value.isEmpty }.map(\.key) }

    // MARK: Slots

    /// A copy of the slot of `sequence`, wherever it is.
    @inline(__always)
    private func slot(_ sequence: UInt64) -> OutboxSlot? {
        if let slot = runSlot(sequence) { return slot.pointee }
        return parked.isEmpty ? nil : parked[sequence]
    }

    /// The slot of `sequence` in place, when the run holds it.
    @inline(__always)
    private func runSlot(_ sequence: UInt64) -> UnsafeMutablePointer<OutboxSlot>? {
        guard sequence >= base, sequence - base < UInt64(slots.count) else { return nil }
        return slots.slot(at: Int(sequence - base))
    }

    /// Reads the slot of `sequence` where it lies; `nil` when there is none.
    @inline(__always)
    private func withSlot<Result>(_ sequence: UInt64, _ body: (borrowing OutboxSlot) -> Result) -> Result? {
        if let slot = runSlot(sequence) { return body(slot.pointee) }
        guard !parked.isEmpty, let slot = parked[sequence] else { return nil }
        return body(slot)
    }

    /// Changes the slot of `sequence` where it lies, leaving its status alone (a status
    /// change goes through ``store(_:at:)``, which moves the slot where it belongs).
    @discardableResult
    private func modifySlot<Result>(_ sequence: UInt64, _ body: (inout OutboxSlot) -> Result) -> Result? {
        if let slot = runSlot(sequence) { return body(&slot.pointee) }
        guard !parked.isEmpty, var slot = parked[sequence] else { return nil }
        let result = body(&slot)
        parked[sequence] = slot
        return result
    }

    /// The queue successor of the entry at `sequence` (0 for none, or when there is no
    /// such entry).
    @inline(__always)
    private func next(of sequence: UInt64) -> UInt64 {
        withSlot(sequence) { $0.next } ?? 0
    }

    /// Stores `slot` under `sequence` (or removes the entry when `nil`) wherever it belongs.
    private func store(_ slot: OutboxSlot?, at sequence: UInt64) {
        let inArray = sequence >= base && sequence - base < UInt64(slots.count)
        if let slot, slot.entry.status == .pending, inArray {
            let index = Int(sequence - base)
            slots.store(slot, at: index)
            // A redriven entry can land inside the emptied front: the front ends before it.
            leadingEmpty = Swift.min(leadingEmpty, index)
            // Coming back from the side table (a redriven dead letter): drop that copy.
            if !parked.isEmpty { parked[sequence] = nil }
            return
        }
        if inArray, slots.holdsSlot(at: Int(sequence - base)) {
            slots.clear(at: Int(sequence - base))
            trimFront()
        }
        if slot != nil || !parked.isEmpty { parked[sequence] = slot }
    }

    /// Drops the delivered front: every position once all are delivered, else the whole
    /// chunks it covers.
    private func trimFront() {
        while leadingEmpty < slots.count && !slots.holdsSlot(at: leadingEmpty) { leadingEmpty += 1 }
        if leadingEmpty == slots.count {
            base += UInt64(slots.count)
            slots.removeAll()
            leadingEmpty = 0
        } else {
            let dropped = OutboxSlotRun.droppablePositions(of: leadingEmpty)
            guard dropped > 0 else { return }
            slots.dropLeadingChunks(upTo: dropped)
            base += UInt64(dropped)
            leadingEmpty -= dropped
        }
    }

    // MARK: Appending

    /// Appends an event as a pending entry, due at once.
    func append(_ event: EventEnvelope) {
        let sequence = nextSequence
        nextSequence += 1
        if slots.isEmpty { base = sequence }
        let queue = queuePosition(for: event.aggregate, of: event.tenant)
        slots.append(event, sequence: sequence, queue: queue)
        sequences.set(sequence, for: event.id.rawValue)
        enqueue(sequence, in: queue)
        if let recentTenant, recentTenant.tenant == event.tenant {
            _ = recentTenant.index._withUnsafeGuaranteedRef { $0.pending.insert(sequence) }
        } else {
            tenantIndex(event.tenant).pending.insert(sequence)
        }
    }

    // MARK: Claiming

    /// Leases deliverable entries; see ``RecordStore/claimOutboxEntries(limit:claimant:now:leaseDuration:)``.
    func claim(limit: Int, claimant: String, now: Date, leaseDuration: Duration) -> [OutboxEntry] {
        guard limit > 0 else { return [] }
        var chosen: [UInt64] = []
        heads.visitAscending(from: nil) { sequence in
            guard let (queue, dueAt) = withSlot(sequence, { ($0.queue, $0.entry.nextAttemptAt) }),
                queues[queue] != nil
            else { return true }
            if let leased = queues[queue]?.leased, withSlot(leased, { $0.isLeased(at: now) }) == true {
                return true
            }
            guard dueAt <= now else { return true }
            chosen.append(sequence)
            return chosen.count < limit
        }
        let components = leaseDuration.components
        let until = now.addingTimeInterval(
            Double(components.seconds) + Double(components.attoseconds) / 1_000_000_000_000_000_000)
        var claimed: [OutboxEntry] = []
        claimed.reserveCapacity(chosen.count)
        for sequence in chosen {
            guard let queue = withSlot(sequence, { $0.queue }) else { continue }
            if let previous = queues[queue]?.leased, previous != sequence {
                modifySlot(previous) { $0.claimant = nil }
            }
            queues[queue]?.leased = sequence
            let entry = modifySlot(sequence) { slot in
                slot.claimant = claimant
                slot.leaseUntil = until
                return slot.entry
            }
            if let entry { claimed.append(entry) }
        }
        return claimed
    }

    // MARK: Outcomes

    /// Removes delivered entries leased to `claimant`.
    func acknowledge(_ events: [EventID], claimant: String) {
        for event in events {
            guard let sequence = sequences.value(for: event.rawValue) else { continue }
            let held = withSlot(sequence) { slot in
                slot.claimant == claimant && slot.entry.status == .pending
                    ? (queue: slot.queue, tenant: slot.entry.event.tenant) : nil
            }
            guard let (queue, tenant) = held ?? nil else { continue }
            dequeue(sequence, from: queue)
            store(nil, at: sequence)
            sequences.remove(event.rawValue)
            if let index = existingTenantIndex(tenant) {
                index.pending.remove(sequence)
                if index.isEmpty { forget(tenant) }
            }
        }
    }

    /// Records a failed attempt of an entry leased to `claimant`.
    func recordFailure(_ event: EventID, claimant: String, failure: OutboxFailure) {
        guard let sequence = sequences.value(for: event.rawValue) else { return }
        guard var slot = slot(sequence), slot.claimant == claimant, slot.entry.status == .pending else {
            return
        }
        slot.claimant = nil
        slot.leaseUntil = .distantPast
        slot.entry.attempts += 1
        slot.entry.lastError = failure.error
        slot.entry.deliveredSinks.formUnion(failure.deliveredSinks)
        if queues[slot.queue]?.leased == sequence { queues[slot.queue]?.leased = nil }
        if let retryAt = failure.retryAt {
            slot.entry.nextAttemptAt = retryAt
            store(slot, at: sequence)
        } else {
            slot.entry.status = .deadLettered
            slot.next = 0
            dequeue(sequence, from: slot.queue)
            store(slot, at: sequence)
            let index = tenantIndex(slot.entry.event.tenant)
            index.pending.remove(sequence)
            index.deadLettered.insert(sequence)
        }
    }

    /// Returns dead-lettered entries of `tenant` to pending, due at `now`.
    func redrive(_ events: [EventID], in tenant: TenantID, now: Date) -> Int {
        var redriven = 0
        for event in events {
            guard let sequence = sequences.value(for: event.rawValue) else { continue }
            guard var slot = slot(sequence), slot.entry.event.tenant == tenant,
                slot.entry.status == .deadLettered
            else { continue }
            slot.entry.status = .pending
            slot.entry.attempts = 0
            slot.entry.nextAttemptAt = now
            slot.claimant = nil
            slot.next = 0
            slot.queue = queuePosition(for: slot.entry.event.aggregate, of: tenant)
            store(slot, at: sequence)
            enqueue(sequence, in: slot.queue)
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
            guard let sequence = sequences.value(for: event.rawValue) else { continue }
            guard var slot = slot(sequence), slot.entry.event.tenant == tenant else { continue }
            let old = slot.entry.event
            slot.entry = OutboxEntry(
                event: EventEnvelope(
                    id: old.id, tenant: old.tenant, kind: old.kind, aggregate: old.aggregate,
                    occurredAt: old.occurredAt, actor: old.actor, payload: payload),
                sequence: slot.entry.sequence, status: slot.entry.status, attempts: slot.entry.attempts,
                nextAttemptAt: slot.entry.nextAttemptAt, lastError: slot.entry.lastError,
                deliveredSinks: slot.entry.deliveredSinks)
            store(slot, at: sequence)
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
            if let slot = slot(current) { result.append(slot.entry) }
            return true
        }
        return result
    }

    // MARK: Tenants

    /// The index of `tenant`, created when missing.
    private func tenantIndex(_ tenant: TenantID) -> TenantOutboxIndex {
        if let existing = existingTenantIndex(tenant) { return existing }
        let index = TenantOutboxIndex()
        tenants[tenant] = index
        recentTenant = (tenant, .passUnretained(index))
        return index
    }

    /// The index of `tenant`, when it has one; the last one found is remembered, since
    /// consecutive appends and acknowledgements are usually for one tenant.
    private func existingTenantIndex(_ tenant: TenantID) -> TenantOutboxIndex? {
        if let recentTenant, recentTenant.tenant == tenant { return recentTenant.index.takeUnretainedValue() }
        guard let index = tenants[tenant] else { return nil }
        recentTenant = (tenant, .passUnretained(index))
        return index
    }

    private func forget(_ tenant: TenantID) {
        tenants[tenant] = nil
        if recentTenant?.tenant == tenant { recentTenant = nil }
    }

    // MARK: Queues

    /// The position of the first queue kept for aggregates with identifier `id`.
    @inline(__always)
    private func firstQueuePosition(of id: Identifier) -> Int? {
        queuesByAggregate.value(for: id).map { Int(truncatingIfNeeded: $0) }
    }

    /// The position of the queue of `aggregate` in `tenant`, created when missing.
    private func queuePosition(for aggregate: AggregateReference, of tenant: TenantID) -> Int {
        let first = firstQueuePosition(of: aggregate.id)
        var position = first ?? -1
        while position >= 0, let queue = queues[position] {
            if queueOwners[position].holds(aggregate, of: tenant) { return position }
            position = queue.nextWithSameIdentifier
        }
        let queue = OutboxAggregateQueue(nextWithSameIdentifier: first ?? -1)
        let owner = OutboxQueueOwner(tenant: tenant, aggregate: aggregate)
        let created: Int
        if let free = freeQueues.popLast() {
            created = free
            queues[free] = queue
            queueOwners[free] = owner
        } else {
            created = queues.count
            queues.append(queue)
            queueOwners.append(owner)
        }
        queuesByAggregate.set(UInt64(created), for: aggregate.id)
        return created
    }

    /// Frees the queue at `position` once nothing is pending or leased in it.
    private func releaseIfIdle(_ position: Int) {
        guard let queue = queues[position], queue.isEmpty, queue.leased == nil else { return }
        let id = queueOwners[position].aggregate.id
        let following = queue.nextWithSameIdentifier
        if firstQueuePosition(of: id) == position {
            if following >= 0 {
                queuesByAggregate.set(UInt64(following), for: id)
            } else {
                queuesByAggregate.remove(id)
            }
        } else {
            var previous = firstQueuePosition(of: id) ?? -1
            while previous >= 0, let candidate = queues[previous]?.nextWithSameIdentifier {
                if candidate == position {
                    queues[previous]?.nextWithSameIdentifier = following
                    break
                }
                previous = candidate
            }
        }
        queues[position] = nil
        freeQueues.append(position)
    }

    /// Links `sequence` into its queue in commit order and keeps `heads` in step.
    private func enqueue(_ sequence: UInt64, in position: Int) {
        guard var queue = queues[position] else { return }
        if queue.isEmpty {
            queue.head = sequence
            queue.tail = sequence
            heads.insert(sequence)
        } else if sequence > queue.tail {
            link(queue.tail, to: sequence)
            queue.tail = sequence
        } else if sequence < queue.head {
            link(sequence, to: queue.head)
            heads.remove(queue.head)
            heads.insert(sequence)
            queue.head = sequence
        } else {
            // A redriven entry lands between others: walk to its predecessor.
            let (previous, following) = walk(from: queue.head, while: { $0 < sequence })
            link(sequence, to: following)
            link(previous, to: sequence)
        }
        queues[position] = queue
    }

    /// Unlinks `sequence` from its queue and keeps `heads` in step.
    private func dequeue(_ sequence: UInt64, from position: Int) {
        guard var queue = queues[position], !queue.isEmpty else { return }
        let following = next(of: sequence)
        if queue.head == sequence {
            heads.remove(sequence)
            queue.head = following
            if following != 0 { heads.insert(following) } else { queue.tail = 0 }
        } else {
            let (previous, found) = walk(from: queue.head, while: { $0 != sequence })
            guard found == sequence else { return }
            link(previous, to: following)
            if queue.tail == sequence { queue.tail = previous }
        }
        link(sequence, to: 0)
        if queue.leased == sequence { queue.leased = nil }
        queues[position] = queue
        releaseIfIdle(position)
    }

    /// Follows a queue from `head` while the next entry satisfies `continues`, and returns
    /// the last entry reached and its successor (0 at the end of the queue).
    private func walk(from head: UInt64, while continues: (UInt64) -> Bool) -> (
        previous: UInt64, following: UInt64
    ) {
        var previous = head
        var following = next(of: previous)
        while following != 0, continues(following) {
            previous = following
            following = next(of: previous)
        }
        return (previous, following)
    }

    /// Sets the queue successor of the entry at `sequence`.
    private func link(_ sequence: UInt64, to next: UInt64) {
        modifySlot(sequence) { $0.next = next }
    }
}
