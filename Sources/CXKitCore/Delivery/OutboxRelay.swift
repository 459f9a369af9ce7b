import Foundation

/// Drains the transactional outbox of a ``RecordStore`` into ``NotificationSink``s.
///
/// Services commit their domain events in the same ``StoreTransaction`` as the state change
/// they describe. The relay claims those events in batches, hands each batch to every sink
/// that has not accepted them yet, acknowledges what every sink accepted and schedules the
/// rest for another attempt with the ``RetryPolicy`` (capped exponential backoff with full
/// jitter from the injected clock and random source). After the last allowed attempt an
/// entry is dead-lettered with its last error; ``redrive(_:in:)`` puts it back.
///
/// ## Guarantees
/// - **Nothing is lost.** An event leaves the outbox only once every sink accepted it (or
///   an operator dropped it from the dead letters). A relay that crashes or is cancelled
///   between delivering and acknowledging leaves its entries leased; when the lease runs
///   out they are claimed and delivered again.
/// - **At least once, so duplicates happen.** A redelivered event carries the same
///   ``EventEnvelope/id``; sinks deduplicate on it (see ``NotificationSink``). A sink that
///   accepts part of a batch (``SinkDeliveryError``) is not handed the accepted events
///   again, but other sinks' failures never cause a sink to see an event twice except
///   through a crash or lost lease.
/// - **In order per aggregate.** The store hands out at most one entry per aggregate per
///   claim and holds back an aggregate's later entries while an earlier one is leased or
///   waiting for its retry, so a sink never sees an aggregate's second event before it
///   accepted the first. A dead-lettered event stops holding its aggregate back: the
///   aggregate's later events are delivered, and a redriven event arrives after them.
///
/// ## Running it
/// ``run()`` is a long-running method in the shape of a service-lifecycle service: call it
/// from a task you own (a `ServiceGroup`, a task group, `async let`) and cancel that task to
/// stop. It creates no tasks of its own. ``deliverPending(maxBatches:)`` runs rounds until
/// nothing is due, without sleeping — for tests, demos, benchmarks and hosts that drive the
/// relay from their own scheduler.
public struct OutboxRelay: Sendable {
    /// The largest number of sinks one relay serves.
    public static let maximumSinkCount = 64
    /// The largest number of events one ``redrive(_:in:)`` call accepts.
    public static let maximumRedriveCount = 1_000
    /// The longest last-error text kept per entry, in characters.
    static let maximumErrorLength = 512

    /// The store whose outbox is drained.
    public let store: any RecordStore
    /// The sinks every event is delivered to, in the order they are called.
    public let sinks: [any NotificationSink]
    /// The clock for lease, retry and poll instants.
    public let clock: any TimestampSource
    /// The random source for retry jitter.
    public let random: any RandomSource
    /// Batch size, lease, polling, retry policy and claimant name.
    public let configuration: OutboxRelayConfiguration

    /// Creates a relay.
    ///
    /// - Parameters:
    ///   - store: The store whose outbox is drained.
    ///   - sinks: The sinks to deliver to (1 ... 64, unique non-empty names).
    ///   - clock: The clock; defaults to the system clock.
    ///   - random: The jitter source; defaults to the system generator.
    ///   - configuration: Batch size, lease, polling, retries and claimant.
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` naming `sinks` when there is
    ///   none, `sinks[i].name` when a name is empty or repeated, or the configuration field
    ///   that is out of range; ``ErrorCode/limitExceeded`` naming `sinks` when there are more
    ///   than ``maximumSinkCount``.
    public init(
        store: any RecordStore, sinks: [any NotificationSink],
        clock: any TimestampSource = SystemTimestampSource(), random: any RandomSource = SystemRandomSource(),
        configuration: OutboxRelayConfiguration = OutboxRelayConfiguration()
    ) throws(CoreError) {
        guard !sinks.isEmpty else {
            throw CoreError.validation(field: "sinks", reason: "must contain at least one sink")
        }
        guard sinks.count <= Self.maximumSinkCount else {
            throw CoreError.limit(
                field: "sinks", reason: "must contain at most \(Self.maximumSinkCount) sinks")
        }
        var names = Set<String>()
        for (index, sink) in sinks.enumerated() {
            let name = sink.name
            guard !name.isEmpty else {
                throw CoreError.validation(field: "sinks[\(index)].name", reason: "must not be empty")
            }
            guard names.insert(name).inserted else {
                throw CoreError.validation(field: "sinks[\(index)].name", reason: "must be unique")
            }
        }
        try configuration.validate()
        self.store = store
        self.sinks = sinks
        self.clock = clock
        self.random = random
        self.configuration = configuration
    }

    // MARK: Running

    /// Delivers events until the calling task is cancelled: claims a batch, delivers it,
    /// acknowledges or schedules retries, and sleeps on the clock for
    /// ``OutboxRelayConfiguration/idlePollInterval`` whenever a round finds nothing due.
    ///
    /// Cancellation stops it gracefully: a sleep ends at once; a batch being delivered is
    /// finished for the sinks that already answered (accepted entries are acknowledged,
    /// failures recorded) and the entries whose delivery was cut short stay leased, to be
    /// claimed again after the lease — nothing is lost. The method then **returns normally**.
    ///
    /// - Throws: The store's error (usually ``CoreError`` with ``ErrorCode/storageFailure``)
    ///   when claiming, acknowledging or recording a failure fails. The relay stops; entries
    ///   it held stay leased and are delivered after the lease runs out, so restarting
    ///   `run()` is safe.
    public func run() async throws {
        while !Task.isCancelled {
            do {
                let round = try await deliverBatch()
                if round.claimed == 0 {
                    let deadline = Self.instant(clock.now(), plus: configuration.idlePollInterval)
                    try await clock.sleep(until: deadline)
                } else {
                    await Task.yield()
                }
            } catch is CancellationError where Task.isCancelled {
                return
            }
        }
    }

    /// Runs delivery rounds without sleeping until a round finds nothing due, `maxBatches`
    /// non-empty batches were processed, or the task is cancelled.
    ///
    /// Entries that fail are scheduled for later (by the clock), so they are not retried by
    /// the same call unless their jittered delay is zero. This is the call for tests, demos
    /// and benchmarks: it claims batches of ``OutboxRelayConfiguration/batchSize`` and makes
    /// one sink call per sink and batch, one acknowledgement call per batch and one failure
    /// call per failed entry.
    ///
    /// - Parameter maxBatches: The most non-empty batches to process (at least 1).
    /// - Returns: What the rounds did.
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` naming `maxBatches` when it
    ///   is below 1; the store's error when a store call fails (entries held stay leased).
    public func deliverPending(maxBatches: Int = .max) async throws -> RelayRoundSummary {
        guard maxBatches >= 1 else {
            throw CoreError.validation(field: "maxBatches", reason: "must be at least 1")
        }
        var summary = RelayRoundSummary()
        while summary.batches < maxBatches, !Task.isCancelled {
            let round = try await deliverBatch()
            if round.claimed == 0 { break }
            summary.add(round)
        }
        return summary
    }

    // MARK: Dead letters

    /// Puts dead-lettered events back into delivery: pending, with a fresh attempt count,
    /// due now. Events that are not dead-lettered in `tenant` are ignored. Access control is
    /// the caller's concern; this method only scopes by tenant.
    ///
    /// - Parameters:
    ///   - events: The dead-lettered events (at most ``maximumRedriveCount``).
    ///   - tenant: Their tenant.
    /// - Returns: How many entries were redriven.
    /// - Throws: ``CoreError`` with ``ErrorCode/limitExceeded`` naming `events` when there
    ///   are too many; the store's error when the store fails.
    public func redrive(_ events: [EventID], in tenant: TenantID) async throws -> Int {
        guard events.count <= Self.maximumRedriveCount else {
            throw CoreError.limit(
                field: "events", reason: "must contain at most \(Self.maximumRedriveCount) events")
        }
        guard !events.isEmpty else { return 0 }
        return try await store.redriveOutboxEntries(events, in: tenant, now: clock.now())
    }

    /// Lists a tenant's dead-lettered entries in commit order, with their attempt counts and
    /// last errors.
    ///
    /// - Parameters:
    ///   - tenant: The tenant.
    ///   - sequence: Continue after this outbox sequence number (exclusive); `nil` from the
    ///     start.
    ///   - limit: The page size (1 ... 1000).
    /// - Returns: The entries.
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` naming `limit` when it is
    ///   out of range; the store's error when the store fails.
    public func deadLetteredEntries(in tenant: TenantID, after sequence: UInt64? = nil, limit: Int = 100)
        async throws -> [OutboxEntry]
    {
        guard (1...1_000).contains(limit) else {
            throw CoreError.validation(field: "limit", reason: "must be between 1 and 1000")
        }
        return try await store.outboxEntries(status: .deadLettered, in: tenant, after: sequence, limit: limit)
    }

    // MARK: One round

    /// Claims one batch and delivers it to every sink; returns an empty summary when nothing
    /// was due.
    private func deliverBatch() async throws -> RelayRoundSummary {
        let entries = try await store.claimOutboxEntries(
            limit: configuration.batchSize, claimant: configuration.claimant, now: clock.now(),
            leaseDuration: configuration.leaseDuration)
        guard !entries.isEmpty else { return RelayRoundSummary() }

        var progress = BatchProgress(count: entries.count)
        for (sinkIndex, sink) in sinks.enumerated() {
            await deliver(entries, to: sink, sinkIndex: sinkIndex, progress: &progress)
        }
        return try await settle(entries, progress: progress)
    }

    /// Hands one sink the entries it has not accepted yet and records its answer.
    private func deliver(
        _ entries: [OutboxEntry], to sink: any NotificationSink, sinkIndex: Int, progress: inout BatchProgress
    ) async {
        let name = sink.name
        var positions: [Int] = []
        var events: [EventEnvelope] = []
        positions.reserveCapacity(entries.count)
        events.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated()
        where entry.deliveredSinks.isEmpty || !entry.deliveredSinks.contains(name) {
            positions.append(position)
            events.append(entry.event)
        }
        guard !events.isEmpty else { return }
        guard !Task.isCancelled else {
            for position in positions { progress.interrupted[position] = true }
            return
        }
        let bit: UInt64 = 1 << UInt64(sinkIndex)
        do {
            try await sink.deliver(events)
            for position in positions { progress.accepted[position] |= bit }
        } catch let partial as SinkDeliveryError {
            for (offset, position) in positions.enumerated() {
                if let reason = partial.failed[events[offset].id] {
                    progress.failures[position] = Self.bounded("\(name): \(reason)")
                } else {
                    progress.accepted[position] |= bit
                }
            }
        } catch {
            if Task.isCancelled {
                for position in positions { progress.interrupted[position] = true }
            } else {
                let reason = Self.bounded("\(name): \(Self.describe(error))")
                for position in positions { progress.failures[position] = reason }
            }
        }
    }

    /// Acknowledges fully delivered entries and records failures; leaves interrupted ones
    /// leased.
    private func settle(_ entries: [OutboxEntry], progress: BatchProgress) async throws -> RelayRoundSummary {
        var summary = RelayRoundSummary(batches: 1, claimed: entries.count)
        var delivered: [EventID] = []
        delivered.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated()
        where progress.failures[position] == nil && !progress.interrupted[position] {
            delivered.append(entry.event.id)
        }
        if !delivered.isEmpty {
            try await store.acknowledgeOutboxEntries(delivered, claimant: configuration.claimant)
            summary.acknowledged = delivered.count
        }
        guard delivered.count < entries.count else { return summary }

        let now = clock.now()
        let policy = configuration.retryPolicy
        for (position, entry) in entries.enumerated() {
            guard let reason = progress.failures[position] else {
                if progress.interrupted[position] { summary.abandoned += 1 }
                continue
            }
            var deliveredSinks = entry.deliveredSinks
            let accepted = progress.accepted[position]
            if accepted != 0 {
                for (sinkIndex, sink) in sinks.enumerated() where accepted & (1 << UInt64(sinkIndex)) != 0 {
                    deliveredSinks.insert(sink.name)
                }
            }
            let retryAt: Date?
            if policy.isExhausted(afterFailedAttempts: entry.attempts + 1) {
                retryAt = nil
                summary.deadLettered += 1
            } else {
                retryAt = Self.instant(now, plus: policy.delay(afterAttempt: entry.attempts, using: random))
                summary.retried += 1
            }
            try await store.recordOutboxFailure(
                entry.event.id, claimant: configuration.claimant,
                failure: OutboxFailure(error: reason, deliveredSinks: deliveredSinks, retryAt: retryAt))
        }
        return summary
    }

    // MARK: Helpers

    /// A personal-data-free description of a sink error: a ``CXKitError``'s description,
    /// otherwise only the error's type name.
    static func describe(_ error: any Error) -> String {
        if let error = error as? any CXKitError { return error.description }
        return String(describing: type(of: error))
    }

    private static func bounded(_ text: String) -> String {
        text.count <= maximumErrorLength ? text : String(text.prefix(maximumErrorLength))
    }

    static func instant(_ date: Date, plus duration: Duration) -> Date {
        let components = duration.components
        return date.addingTimeInterval(Double(components.seconds) + Double(components.attoseconds) * 1e-18)
    }
}

/// Per-entry results of one batch across all sinks.
private struct BatchProgress {
    /// Bit `i` set: sink `i` accepted the entry in this round.
    var accepted: [UInt64]
    /// The latest failure of the entry in this round, already formatted.
    var failures: [String?]
    /// Whether cancellation cut the entry's delivery short.
    var interrupted: [Bool]

    init(count: Int) {
        accepted = Array(repeating: 0, count: count)
        failures = Array(repeating: nil, count: count)
        interrupted = Array(repeating: false, count: count)
    }
}
