import CXKitCore
import Foundation

/// Wraps any ``RecordStore`` and injects faults into chosen calls: failures before or
/// after the wrapped call (the second is the ambiguous "committed, but reported as
/// failed" case), version conflicts, delays on a clock and waits on a ``FaultGate``.
///
/// Faults are scripted per operation (each call takes the next queued fault) and/or drawn
/// at random from a seeded source; every injected fault is recorded.
///
/// ```swift
/// let store = FaultInjectingRecordStore(wrapping: InMemoryRecordStore())
/// store.script(.failAfter, for: .commit)       // the next commit is written, then reported failed
/// store.injectRandomly([.failBefore], probability: 0.1, into: [.commit], random: SeededRandomSource(seed: 7))
/// ```
public final class FaultInjectingRecordStore: RecordStore {
    private struct RandomPlan {
        let faults: [StoreFault]
        let probability: Double
        let operations: Set<StoreOperation>
        let random: any RandomSource
    }

    private struct State {
        var scripted: [StoreOperation: [StoreFault]] = [:]
        var randomPlan: RandomPlan?
        var calls: [StoreOperation: Int] = [:]
        var injected: [InjectedStoreFault] = []
    }

    /// The store every call is forwarded to.
    public let base: any RecordStore
    /// The clock ``StoreFault/delay(_:)`` sleeps on.
    public let clock: any TimestampSource
    private let state = Locked(State())

    /// Wraps a store.
    ///
    /// - Parameters:
    ///   - base: The store to forward calls to.
    ///   - clock: The clock delays sleep on; a test advances it (a fresh ``ManualClock``
    ///     by default).
    public init(wrapping base: any RecordStore, clock: any TimestampSource = ManualClock()) {
        self.base = base
        self.clock = clock
    }

    // MARK: Scripting

    /// Queues faults for the next calls of `operation`, one fault per call, in order.
    ///
    /// - Parameters:
    ///   - faults: The faults, first for the next call.
    ///   - operation: The call to inject them into.
    public func script(_ faults: StoreFault..., for operation: StoreOperation) {
        state.withLock { $0.scripted[operation, default: []].append(contentsOf: faults) }
    }

    /// Injects a fault drawn uniformly from `faults` into each call of `operations` with
    /// probability `probability`, when no scripted fault is queued. Replaces any earlier
    /// random plan.
    ///
    /// - Parameters:
    ///   - faults: The faults to draw from (an empty list turns random faults off).
    ///   - probability: The chance, 0 ... 1, that a call gets a fault.
    ///   - operations: The calls eligible for random faults.
    ///   - random: The seeded source deciding when and which.
    public func injectRandomly(
        _ faults: [StoreFault], probability: Double, into operations: Set<StoreOperation>,
        random: any RandomSource
    ) {
        let plan =
            faults.isEmpty
            ? nil
            : RandomPlan(
                faults: faults, probability: min(max(probability, 0), 1), operations: operations,
                random: random)
        state.withLock { $0.randomPlan = plan }
    }

    /// Drops every queued fault and the random plan.
    public func removeAllFaults() {
        state.withLock { state in
            state.scripted = [:]
            state.randomPlan = nil
        }
    }

    /// Every fault injected so far, in order.
    public var injectedFaults: [InjectedStoreFault] { state.withLock { $0.injected } }

    /// How many times `operation` was called.
    ///
    /// - Parameter operation: The operation.
    /// - Returns: The call count, faulted calls included.
    public func callCount(of operation: StoreOperation) -> Int {
        state.withLock { $0.calls[operation] ?? 0 }
    }

    private func nextFault(for operation: StoreOperation) -> StoreFault? {
        state.withLock { state in
            state.calls[operation, default: 0] += 1
            let call = state.calls[operation, default: 0]
            var fault: StoreFault?
            if var queue = state.scripted[operation], !queue.isEmpty {
                fault = queue.removeFirst()
                state.scripted[operation] = queue
            } else if let plan = state.randomPlan, plan.operations.contains(operation),
                plan.random.nextUnitInterval() < plan.probability
            {
                fault = plan.faults[Int(plan.random.next(below: UInt64(plan.faults.count)))]
            }
            if let fault {
                state.injected.append(InjectedStoreFault(operation: operation, call: call, fault: fault))
            }
            return fault
        }
    }

    private func perform<Result>(
        _ operation: StoreOperation, record: RecordReference? = nil, _ body: () async throws -> Result
    ) async throws -> Result {
        guard let fault = nextFault(for: operation) else { return try await body() }
        switch fault {
        case .failBefore:
            throw CoreError(code: .storageFailure, reason: "injected failure before \(operation.rawValue)")
        case .failAfter:
            _ = try await body()
            throw CoreError(
                code: .storageFailure, reason: "injected failure after \(operation.rawValue) took effect")
        case .conflict:
            throw CoreError(
                code: .versionConflict, reason: "injected version conflict", recordType: record?.type.name,
                recordID: record?.id)
        case .delay(let duration):
            let components = duration.components
            let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
            try await clock.sleep(until: clock.now().addingTimeInterval(seconds))
            return try await body()
        case .wait(let gate):
            await gate.wait()
            return try await body()
        }
    }

    // MARK: RecordStore

    /// Forwards ``RecordStore/fetch(_:id:in:)`` after any fault.
    ///
    /// - Throws: The injected fault's error or the wrapped store's.
    public func fetch<Record: StoredRecord>(_ type: Record.Type, id: Identifier, in tenant: TenantID)
        async throws -> Versioned<Record>?
    {
        try await perform(.fetch) { try await base.fetch(type, id: id, in: tenant) }
    }

    /// Forwards ``RecordStore/fetch(_:ids:in:)`` after any fault.
    ///
    /// - Throws: The injected fault's error or the wrapped store's.
    public func fetch<Record: StoredRecord>(_ type: Record.Type, ids: [Identifier], in tenant: TenantID)
        async throws -> [Versioned<Record>]
    {
        try await perform(.fetchMany) { try await base.fetch(type, ids: ids, in: tenant) }
    }

    /// Forwards ``RecordStore/query(_:in:)`` after any fault.
    ///
    /// - Throws: The injected fault's error or the wrapped store's.
    public func query<Record: StoredRecord>(_ query: RecordQuery<Record>, in tenant: TenantID)
        async throws -> RecordPage<Record>
    {
        try await perform(.query) { try await base.query(query, in: tenant) }
    }

    /// Forwards ``RecordStore/commit(_:in:)`` after any fault; ``StoreFault/failAfter``
    /// commits and then throws.
    ///
    /// - Throws: The injected fault's error or the wrapped store's.
    public func commit(_ transaction: StoreTransaction, in tenant: TenantID) async throws -> CommitReceipt {
        try await perform(.commit, record: transaction.changes.first?.reference) {
            try await base.commit(transaction, in: tenant)
        }
    }

    /// Forwards ``RecordStore/enumerateRecords(in:after:limit:)`` after any fault.
    ///
    /// - Throws: The injected fault's error or the wrapped store's.
    public func enumerateRecords(in tenant: TenantID, after cursor: PageCursor?, limit: Int)
        async throws -> RecordEnumerationPage
    {
        try await perform(.enumerateRecords) {
            try await base.enumerateRecords(in: tenant, after: cursor, limit: limit)
        }
    }

    /// Forwards ``RecordStore/tenants()`` after any fault.
    ///
    /// - Throws: The injected fault's error or the wrapped store's.
    public func tenants() async throws -> [TenantID] {
        try await perform(.tenants) { try await base.tenants() }
    }

    /// Forwards ``RecordStore/claimOutboxEntries(limit:claimant:now:leaseDuration:)`` after
    /// any fault; ``StoreFault/failAfter`` leases the entries and then throws.
    ///
    /// - Throws: The injected fault's error or the wrapped store's.
    public func claimOutboxEntries(limit: Int, claimant: String, now: Date, leaseDuration: Duration)
        async throws -> [OutboxEntry]
    {
        try await perform(.claimOutboxEntries) {
            try await base.claimOutboxEntries(
                limit: limit, claimant: claimant, now: now, leaseDuration: leaseDuration)
        }
    }

    /// Forwards ``RecordStore/acknowledgeOutboxEntries(_:claimant:)`` after any fault.
    ///
    /// - Throws: The injected fault's error or the wrapped store's.
    public func acknowledgeOutboxEntries(_ events: [EventID], claimant: String) async throws {
        try await perform(.acknowledgeOutboxEntries) {
            try await base.acknowledgeOutboxEntries(events, claimant: claimant)
        }
    }

    /// Forwards ``RecordStore/recordOutboxFailure(_:claimant:failure:)`` after any fault.
    ///
    /// - Throws: The injected fault's error or the wrapped store's.
    public func recordOutboxFailure(_ event: EventID, claimant: String, failure: OutboxFailure) async throws {
        try await perform(.recordOutboxFailure) {
            try await base.recordOutboxFailure(event, claimant: claimant, failure: failure)
        }
    }

    /// Forwards ``RecordStore/outboxEntries(status:in:after:limit:)`` after any fault.
    ///
    /// - Throws: The injected fault's error or the wrapped store's.
    public func outboxEntries(status: OutboxStatus, in tenant: TenantID, after sequence: UInt64?, limit: Int)
        async throws -> [OutboxEntry]
    {
        try await perform(.outboxEntries) {
            try await base.outboxEntries(status: status, in: tenant, after: sequence, limit: limit)
        }
    }

    /// Forwards ``RecordStore/redriveOutboxEntries(_:in:now:)`` after any fault.
    ///
    /// - Throws: The injected fault's error or the wrapped store's.
    public func redriveOutboxEntries(_ events: [EventID], in tenant: TenantID, now: Date) async throws -> Int
    {
        try await perform(.redriveOutboxEntries) {
            try await base.redriveOutboxEntries(events, in: tenant, now: now)
        }
    }

    /// Forwards ``RecordStore/redactOutboxEntries(_:in:payload:)`` after any fault.
    ///
    /// - Throws: The injected fault's error or the wrapped store's.
    public func redactOutboxEntries(_ events: [EventID], in tenant: TenantID, payload: Payload) async throws
        -> Int
    {
        try await perform(.redactOutboxEntries) {
            try await base.redactOutboxEntries(events, in: tenant, payload: payload)
        }
    }

    /// Forwards ``RecordStore/claimIdempotencyKey(_:fingerprint:in:now:leaseUntil:expiresAt:)``
    /// after any fault.
    ///
    /// - Throws: The injected fault's error or the wrapped store's.
    public func claimIdempotencyKey(
        _ scope: IdempotencyScope, fingerprint: String, in tenant: TenantID, now: Date, leaseUntil: Date,
        expiresAt: Date
    ) async throws -> IdempotencyClaim {
        try await perform(.claimIdempotencyKey) {
            try await base.claimIdempotencyKey(
                scope, fingerprint: fingerprint, in: tenant, now: now, leaseUntil: leaseUntil,
                expiresAt: expiresAt)
        }
    }

    /// Forwards ``RecordStore/releaseIdempotencyKey(_:in:)`` after any fault.
    ///
    /// - Throws: The injected fault's error or the wrapped store's.
    public func releaseIdempotencyKey(_ scope: IdempotencyScope, in tenant: TenantID) async throws {
        try await perform(.releaseIdempotencyKey) { try await base.releaseIdempotencyKey(scope, in: tenant) }
    }

    /// Forwards ``RecordStore/idempotencyRecord(for:in:)`` after any fault.
    ///
    /// - Throws: The injected fault's error or the wrapped store's.
    public func idempotencyRecord(for scope: IdempotencyScope, in tenant: TenantID) async throws
        -> IdempotencyRecord?
    {
        try await perform(.idempotencyRecord) { try await base.idempotencyRecord(for: scope, in: tenant) }
    }

    /// Forwards ``RecordStore/purgeExpiredIdempotencyRecords(now:)`` after any fault.
    ///
    /// - Throws: The injected fault's error or the wrapped store's.
    public func purgeExpiredIdempotencyRecords(now: Date) async throws -> Int {
        try await perform(.purgeExpiredIdempotencyRecords) {
            try await base.purgeExpiredIdempotencyRecords(now: now)
        }
    }
}
