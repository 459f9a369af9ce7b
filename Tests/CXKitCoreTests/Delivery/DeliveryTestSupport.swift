import CXKitCore
import CXKitTesting
import Foundation

/// An aggregate whose every change emits one event (for delivery tests).
struct DeliveryTestAccount: StoredRecord, Equatable {
    static let recordType: RecordType = "test.delivery.account"
    let id: Identifier
    var steps: Int
    var recordID: Identifier { id }
}

/// The payload of delivery test events: which aggregate and which of its steps.
struct DeliveryStep: Codable, Sendable, Hashable {
    let aggregate: Int
    let step: Int
}

/// A store, clock, identifiers and tenant for delivery tests, with helpers that commit
/// state changes together with their events.
struct DeliveryHarness {
    let store = InMemoryRecordStore()
    let clock = ManualClock()
    let ids: TimeOrderedIdentifierSource
    let tenant: TenantID

    init(seed: UInt64 = 1, tenant: String = "tenant-a") throws {
        self.ids = TimeOrderedIdentifierSource(timestamps: clock, random: SeededRandomSource(seed: seed))
        self.tenant = try TenantID(tenant)
    }

    /// Makes an event of `aggregate` without committing it.
    func event(
        aggregate: Identifier, index: Int, step: Int, kind: EventKind = "test.delivery.stepped",
        tenant: TenantID? = nil
    ) -> EventEnvelope {
        EventEnvelope(
            id: ids.make(), tenant: tenant ?? self.tenant, kind: kind,
            aggregate: AggregateReference(type: DeliveryTestAccount.recordType, id: aggregate),
            occurredAt: clock.now(), actor: nil, payload: Payload(DeliveryStep(aggregate: index, step: step)))
    }

    /// Creates `aggregates` accounts and `eventsPerAggregate` changes of each, interleaved
    /// (step 0 of every aggregate, then step 1 …); every change commits its event with it.
    ///
    /// - Returns: The committed events in commit order.
    @discardableResult
    func commitSteps(aggregates: Int, eventsPerAggregate: Int, kind: EventKind = "test.delivery.stepped")
        async throws -> [EventEnvelope]
    {
        let accounts = (0..<aggregates).map { _ in ids.nextIdentifier() }
        var committed: [EventEnvelope] = []
        for step in 0..<eventsPerAggregate {
            for (index, account) in accounts.enumerated() {
                var transaction = StoreTransaction()
                let record = DeliveryTestAccount(id: account, steps: step + 1)
                if step == 0 {
                    transaction.insert(record)
                } else {
                    transaction.update(record, expectedVersion: UInt64(step))
                }
                let event = event(aggregate: account, index: index, step: step, kind: kind)
                transaction.append(event)
                _ = try await store.commit(transaction, in: tenant)
                committed.append(event)
            }
        }
        return committed
    }

    /// Commits `count` events of distinct aggregates in one transaction, without records.
    @discardableResult
    func commitEvents(count: Int, kind: EventKind = "test.delivery.stepped", tenant: TenantID? = nil)
        async throws -> [EventEnvelope]
    {
        let events = (0..<count).map {
            event(aggregate: ids.nextIdentifier(), index: $0, step: 0, kind: kind, tenant: tenant)
        }
        var transaction = StoreTransaction()
        for event in events { transaction.append(event) }
        _ = try await store.commit(transaction, in: tenant ?? self.tenant)
        return events
    }

    /// A relay over this harness's store and clock.
    func relay(
        sinks: [any NotificationSink], seed: UInt64 = 99, claimant: String = "relay-1",
        retryPolicy: RetryPolicy = .standard, batchSize: Int = 256, store: (any RecordStore)? = nil
    ) throws -> OutboxRelay {
        try OutboxRelay(
            store: store ?? self.store, sinks: sinks, clock: clock, random: SeededRandomSource(seed: seed),
            configuration: OutboxRelayConfiguration(
                batchSize: batchSize, leaseDuration: .seconds(60), idlePollInterval: .seconds(1),
                retryPolicy: retryPolicy, claimant: claimant))
    }

    /// The tenant's pending outbox entries.
    func pendingEntries() async throws -> [OutboxEntry] {
        try await store.outboxEntries(status: .pending, in: tenant, after: nil, limit: 1_000)
    }

    /// The tenant's dead-lettered outbox entries.
    func deadLetteredEntries() async throws -> [OutboxEntry] {
        try await store.outboxEntries(status: .deadLettered, in: tenant, after: nil, limit: 1_000)
    }
}

/// The simulated death of a relay process at a cut point.
struct SimulatedCrash: Error {}

/// A store wrapper that "crashes" (throws without doing the call's work) at one cut point,
/// once, so a test can discard the relay and keep the store.
final class CrashingStore: RecordStore {
    enum CutPoint: Sendable {
        /// The claim is made (entries leased), then the process dies before delivering.
        case afterClaim
        /// The sinks accepted the batch; the process dies before acknowledging.
        case beforeAcknowledge
        /// A delivery failed; the process dies before recording the failure.
        case beforeRecordingFailure
    }

    let base: InMemoryRecordStore
    let cutPoint: CutPoint
    private let crashed = Locked(false)

    init(_ base: InMemoryRecordStore, crashing cutPoint: CutPoint) {
        self.base = base
        self.cutPoint = cutPoint
    }

    private func crash(at point: CutPoint) throws {
        guard point == cutPoint else { return }
        let first = crashed.withLock { crashed in
            defer { crashed = true }
            return !crashed
        }
        if first { throw SimulatedCrash() }
    }

    func fetch<Record: StoredRecord>(_ type: Record.Type, id: Identifier, in tenant: TenantID)
        async throws -> Versioned<Record>?
    { try await base.fetch(type, id: id, in: tenant) }

    func fetch<Record: StoredRecord>(_ type: Record.Type, ids: [Identifier], in tenant: TenantID)
        async throws -> [Versioned<Record>]
    { try await base.fetch(type, ids: ids, in: tenant) }

    func query<Record: StoredRecord>(_ query: RecordQuery<Record>, in tenant: TenantID)
        async throws -> RecordPage<Record>
    { try await base.query(query, in: tenant) }

    func commit(_ transaction: StoreTransaction, in tenant: TenantID) async throws -> CommitReceipt {
        try await base.commit(transaction, in: tenant)
    }

    func enumerateRecords(in tenant: TenantID, after cursor: PageCursor?, limit: Int)
        async throws -> RecordEnumerationPage
    { try await base.enumerateRecords(in: tenant, after: cursor, limit: limit) }

    func tenants() async throws -> [TenantID] { try await base.tenants() }

    func claimOutboxEntries(limit: Int, claimant: String, now: Date, leaseDuration: Duration)
        async throws -> [OutboxEntry]
    {
        let entries = try await base.claimOutboxEntries(
            limit: limit, claimant: claimant, now: now, leaseDuration: leaseDuration)
        if !entries.isEmpty { try crash(at: .afterClaim) }
        return entries
    }

    func acknowledgeOutboxEntries(_ events: [EventID], claimant: String) async throws {
        try crash(at: .beforeAcknowledge)
        try await base.acknowledgeOutboxEntries(events, claimant: claimant)
    }

    func recordOutboxFailure(_ event: EventID, claimant: String, failure: OutboxFailure) async throws {
        try crash(at: .beforeRecordingFailure)
        try await base.recordOutboxFailure(event, claimant: claimant, failure: failure)
    }

    func outboxEntries(status: OutboxStatus, in tenant: TenantID, after sequence: UInt64?, limit: Int)
        async throws -> [OutboxEntry]
    { try await base.outboxEntries(status: status, in: tenant, after: sequence, limit: limit) }

    func redriveOutboxEntries(_ events: [EventID], in tenant: TenantID, now: Date) async throws -> Int {
        try await base.redriveOutboxEntries(events, in: tenant, now: now)
    }

    func redactOutboxEntries(_ events: [EventID], in tenant: TenantID, payload: Payload) async throws -> Int {
        try await base.redactOutboxEntries(events, in: tenant, payload: payload)
    }

    func claimIdempotencyKey(
        _ scope: IdempotencyScope, fingerprint: String, in tenant: TenantID, now: Date, leaseUntil: Date,
        expiresAt: Date
    ) async throws -> IdempotencyClaim {
        try await base.claimIdempotencyKey(
            scope, fingerprint: fingerprint, in: tenant, now: now, leaseUntil: leaseUntil,
            expiresAt: expiresAt)
    }

    func releaseIdempotencyKey(_ scope: IdempotencyScope, in tenant: TenantID) async throws {
        try await base.releaseIdempotencyKey(scope, in: tenant)
    }

    func idempotencyRecord(for scope: IdempotencyScope, in tenant: TenantID) async throws
        -> IdempotencyRecord?
    { try await base.idempotencyRecord(for: scope, in: tenant) }

    func purgeExpiredIdempotencyRecords(now: Date) async throws -> Int {
        try await base.purgeExpiredIdempotencyRecords(now: now)
    }
}

/// A sink that rejects chosen events a given number of times (via ``SinkDeliveryError``)
/// and records what it accepted.
final class FlakySink: NotificationSink {
    let name: String
    let accepted: RecordingNotificationSink
    private let remainingFailures: Locked<[EventID: Int]>

    init(name: String = "flaky", failures: [EventID: Int]) {
        self.name = name
        self.accepted = RecordingNotificationSink(name: name)
        self.remainingFailures = Locked(failures)
    }

    func deliver(_ events: [EventEnvelope]) async throws {
        let rejected = remainingFailures.withLock { remaining -> [EventID: String] in
            var rejected: [EventID: String] = [:]
            for event in events {
                if let left = remaining[event.id], left > 0 {
                    remaining[event.id] = left - 1
                    rejected[event.id] = "temporarily unavailable"
                }
            }
            return rejected
        }
        accepted.record(events.filter { rejected[$0.id] == nil })
        if !rejected.isEmpty { throw SinkDeliveryError(failed: rejected) }
    }
}

/// A sink that signals when a batch arrives and then waits until its task is cancelled.
final class StallingSink: NotificationSink {
    let name = "stalling"
    let arrivals: AsyncStream<Int>
    private let arrivalContinuation: AsyncStream<Int>.Continuation

    init() {
        (arrivals, arrivalContinuation) = AsyncStream.makeStream(of: Int.self)
    }

    func deliver(_ events: [EventEnvelope]) async throws {
        arrivalContinuation.yield(events.count)
        let gate = ManualClock()
        try await gate.sleep(until: gate.now().addingTimeInterval(1))
    }
}

/// A sink that does nothing (for throughput-shaped tests).
struct NoOpSink: NotificationSink {
    let name = "no-op"
    func deliver(_ events: [EventEnvelope]) async throws {}
}

/// An error whose description would leak personal data if it were stored.
struct LeakyError: Error, CustomStringConvertible {
    let email: String
    var description: String { "could not send to \(email)" }
}

/// A sink that always throws ``LeakyError``.
struct LeakySink: NotificationSink {
    let name = "leaky"
    func deliver(_ events: [EventEnvelope]) async throws { throw LeakyError(email: "ayse@example.com") }
}
