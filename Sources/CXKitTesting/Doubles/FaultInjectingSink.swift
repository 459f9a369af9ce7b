import CXKitCore

/// Wraps a ``NotificationSink`` and injects the faults a real delivery channel shows:
/// failed calls, calls that deliver and then fail (a lost acknowledgement), duplicated and
/// reordered batches, rejected events. Every decision comes from a seeded ``RandomSource``,
/// so a failing run replays from its seed, and every fault injected is recorded in
/// ``injections``.
///
/// Reordering only moves events of *different* aggregates past each other: the events of
/// one aggregate keep their order, because the relay promises per-aggregate order and a
/// sink that broke it would be testing a guarantee CXKit does not give.
public final class FaultInjectingSink: NotificationSink {
    /// Which faults to inject and how often.
    public struct Faults: Sendable, Hashable {
        /// The first this-many calls fail without delivering anything.
        public var failFirstCalls: Int
        /// Events that are always rejected (reported in a ``SinkDeliveryError``) while the
        /// rest of their batch is delivered.
        public var failingEventIDs: Set<EventID>
        /// The chance that a call fails without delivering anything.
        public var dropProbability: Double
        /// The chance that a call delivers the batch and then fails anyway, so the relay
        /// retries events the wrapped sink already has.
        public var failAfterDeliveryProbability: Double
        /// The chance that a batch is delivered to the wrapped sink twice.
        public var duplicateProbability: Double
        /// The chance that a batch is reordered across aggregates before delivery.
        public var reorderProbability: Double
        /// The chance, per event, that it is rejected while the rest of the batch is
        /// delivered.
        public var rejectEventProbability: Double

        /// Creates a fault plan; everything defaults to "no fault".
        ///
        /// - Parameters:
        ///   - failFirstCalls: Calls that fail before any succeeds.
        ///   - failingEventIDs: Events always rejected.
        ///   - dropProbability: Chance of a call failing before delivery.
        ///   - failAfterDeliveryProbability: Chance of a call failing after delivery.
        ///   - duplicateProbability: Chance of a batch being delivered twice.
        ///   - reorderProbability: Chance of a batch being reordered across aggregates.
        ///   - rejectEventProbability: Chance of each event being rejected.
        public init(
            failFirstCalls: Int = 0, failingEventIDs: Set<EventID> = [], dropProbability: Double = 0,
            failAfterDeliveryProbability: Double = 0, duplicateProbability: Double = 0,
            reorderProbability: Double = 0, rejectEventProbability: Double = 0
        ) {
            self.failFirstCalls = failFirstCalls
            self.failingEventIDs = failingEventIDs
            self.dropProbability = dropProbability
            self.failAfterDeliveryProbability = failAfterDeliveryProbability
            self.duplicateProbability = duplicateProbability
            self.reorderProbability = reorderProbability
            self.rejectEventProbability = rejectEventProbability
        }
    }

    /// A fault that was injected.
    public enum Injection: Sendable, Hashable {
        /// A call failed before delivering its events.
        case failedBeforeDelivery(events: [EventID])
        /// A call delivered its events and then failed.
        case failedAfterDelivery(events: [EventID])
        /// A batch was delivered twice.
        case duplicated(events: [EventID])
        /// A batch was delivered in this order instead of the given one.
        case reordered(events: [EventID])
        /// One event was rejected while the rest of its batch was delivered.
        case rejected(EventID)
    }

    private struct State {
        var calls = 0
        var injections: [Injection] = []
    }

    private let wrapped: any NotificationSink
    private let random: any RandomSource
    private let state = Locked(State())

    /// The fault plan.
    public let faults: Faults
    /// The sink name; the wrapped sink's unless given.
    public let name: String

    /// Wraps a sink.
    ///
    /// - Parameters:
    ///   - sink: The sink that receives what gets through.
    ///   - faults: Which faults to inject.
    ///   - random: The seeded source every decision is drawn from.
    ///   - name: The sink name; defaults to the wrapped sink's name.
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` naming the `faults` field
    ///   whose probability is not within 0 ... 1, or `faults.failFirstCalls` when negative.
    public init(
        wrapping sink: any NotificationSink, faults: Faults, random: any RandomSource, name: String? = nil
    ) throws(CoreError) {
        let probabilities: [(String, Double)] = [
            ("faults.dropProbability", faults.dropProbability),
            ("faults.failAfterDeliveryProbability", faults.failAfterDeliveryProbability),
            ("faults.duplicateProbability", faults.duplicateProbability),
            ("faults.reorderProbability", faults.reorderProbability),
            ("faults.rejectEventProbability", faults.rejectEventProbability),
        ]
        for (field, probability) in probabilities where !(0...1).contains(probability) {
            throw CoreError.validation(field: field, reason: "must be between 0 and 1")
        }
        guard faults.failFirstCalls >= 0 else {
            throw CoreError.validation(field: "faults.failFirstCalls", reason: "must not be negative")
        }
        self.wrapped = sink
        self.faults = faults
        self.random = random
        self.name = name ?? sink.name
    }

    /// Every fault injected so far, in order.
    public var injections: [Injection] { state.withLock { $0.injections } }

    /// How many times ``deliver(_:)`` was called.
    public var callCount: Int { state.withLock { $0.calls } }

    /// Delivers the batch to the wrapped sink, injecting faults by the plan.
    ///
    /// - Parameter events: The batch.
    /// - Throws: ``CoreError`` with ``ErrorCode/dependencyFailure`` for an injected call
    ///   failure; ``SinkDeliveryError`` for injected rejections; whatever the wrapped sink
    ///   throws.
    public func deliver(_ events: [EventEnvelope]) async throws {
        let call = state.withLock { state -> Int in
            state.calls += 1
            return state.calls
        }
        let ids = events.map(\.id)
        if call <= faults.failFirstCalls || chance(faults.dropProbability) {
            note(.failedBeforeDelivery(events: ids))
            throw CoreError(code: .dependencyFailure, reason: "injected failure before delivery")
        }
        var batch = events
        if batch.count > 1, chance(faults.reorderProbability) {
            batch = reorderedAcrossAggregates(batch)
            note(.reordered(events: batch.map(\.id)))
        }
        var rejected: [EventID: String] = [:]
        if !faults.failingEventIDs.isEmpty || faults.rejectEventProbability > 0 {
            batch.removeAll { event in
                guard faults.failingEventIDs.contains(event.id) || chance(faults.rejectEventProbability)
                else {
                    return false
                }
                rejected[event.id] = "injected rejection"
                return true
            }
            for event in events where rejected[event.id] != nil { note(.rejected(event.id)) }
        }
        if !batch.isEmpty {
            try await wrapped.deliver(batch)
            if chance(faults.duplicateProbability) {
                note(.duplicated(events: batch.map(\.id)))
                try await wrapped.deliver(batch)
            }
        }
        if chance(faults.failAfterDeliveryProbability) {
            note(.failedAfterDelivery(events: batch.map(\.id)))
            throw CoreError(code: .dependencyFailure, reason: "injected failure after delivery")
        }
        if !rejected.isEmpty { throw SinkDeliveryError(failed: rejected) }
    }

    private func chance(_ probability: Double) -> Bool {
        guard probability > 0 else { return false }
        return random.nextUnitInterval() < probability
    }

    private func note(_ injection: Injection) {
        state.withLock { $0.injections.append(injection) }
    }

    /// Interleaves the aggregates' event queues at random, keeping each queue's order.
    private func reorderedAcrossAggregates(_ events: [EventEnvelope]) -> [EventEnvelope] {
        var queues: [[EventEnvelope]] = []
        var queueOf: [AggregateReference: Int] = [:]
        for event in events {
            if let index = queueOf[event.aggregate] {
                queues[index].append(event)
            } else {
                queueOf[event.aggregate] = queues.count
                queues.append([event])
            }
        }
        var heads = Array(repeating: 0, count: queues.count)
        var live = Array(queues.indices)
        var result: [EventEnvelope] = []
        result.reserveCapacity(events.count)
        while !live.isEmpty {
            let pick = Int(random.next(below: UInt64(live.count)))
            let queue = live[pick]
            result.append(queues[queue][heads[queue]])
            heads[queue] += 1
            if heads[queue] == queues[queue].count {
                live.swapAt(pick, live.count - 1)
                live.removeLast()
            }
        }
        return result
    }
}
