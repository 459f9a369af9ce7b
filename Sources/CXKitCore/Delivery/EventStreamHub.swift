/// In-process fan-out of delivered events to `AsyncStream` subscribers — for UIs that show
/// live activity, for tests and for demos.
///
/// Register the hub as one of the ``OutboxRelay``'s sinks and every delivered event is
/// published to the subscribers of its tenant whose kind filter matches it. Each
/// ``subscribe(to:in:bufferingNewest:)`` call returns its own stream; a subscriber is
/// removed when its stream terminates (its consuming task ends or is cancelled).
///
/// **Best-effort.** The hub keeps nothing: a subscriber sees only events published while it
/// is subscribed; when it falls behind by more than its buffer, the oldest buffered events
/// are dropped (counted in ``droppedEventCount``); a redelivered event is published again,
/// so subscribers deduplicate on ``EventEnvelope/id`` like any sink. For durable processing
/// write a ``NotificationSink``. The hub never fails a delivery, so it never holds the
/// outbox back.
public final class EventStreamHub: NotificationSink {
    /// The largest per-subscriber buffer.
    public static let maximumBufferSize = 100_000
    /// The largest number of kind prefixes one subscription may filter on.
    public static let maximumKindCount = 100

    private struct Subscriber: Sendable {
        let tenant: TenantID
        let kinds: [EventKind]
        let continuation: AsyncStream<EventEnvelope>.Continuation

        func wants(_ event: EventEnvelope) -> Bool {
            guard event.tenant == tenant else { return false }
            if kinds.isEmpty { return true }
            for kind in kinds where event.kind.belongs(to: kind) { return true }
            return false
        }
    }

    private struct State {
        var nextToken: UInt64 = 0
        var subscribers: [UInt64: Subscriber] = [:]
        var dropped = 0
        var isFinished = false
    }

    private let state = Locked(State())

    /// The sink name the relay records deliveries under.
    public let name: String

    /// Creates a hub with no subscribers.
    ///
    /// - Parameter name: Its sink name; unique among a relay's sinks.
    public init(name: String = "cxkit.event-stream-hub") {
        self.name = name
    }

    /// How many streams are currently subscribed.
    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// How many events were dropped from full subscriber buffers since the hub was created.
    public var droppedEventCount: Int { state.withLock { $0.dropped } }

    /// Subscribes to the events of one tenant, optionally of some kinds only.
    ///
    /// - Parameters:
    ///   - kinds: Kind prefixes in the dot hierarchy (`"returns"` matches
    ///     `"returns.request.approved"`, see ``EventKind/belongs(to:)``); empty for every kind.
    ///   - tenant: The tenant whose events the stream carries; no other tenant's events ever
    ///     reach it.
    ///   - bufferSize: How many undelivered events the stream holds before it drops the
    ///     oldest (1 ... ``maximumBufferSize``).
    /// - Returns: A stream of matching events, in publication order. It finishes when
    ///   ``finish()`` is called.
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` naming `bufferingNewest`
    ///   when the buffer size is out of range or `kinds[i]` when a kind is empty;
    ///   ``ErrorCode/limitExceeded`` naming `kinds` when there are too many kinds.
    public func subscribe(
        to kinds: [EventKind] = [], in tenant: TenantID, bufferingNewest bufferSize: Int = 1_024
    ) throws(CoreError) -> AsyncStream<EventEnvelope> {
        guard (1...Self.maximumBufferSize).contains(bufferSize) else {
            throw CoreError.validation(
                field: "bufferingNewest", reason: "must be between 1 and \(Self.maximumBufferSize)")
        }
        guard kinds.count <= Self.maximumKindCount else {
            throw CoreError.limit(
                field: "kinds", reason: "must contain at most \(Self.maximumKindCount) kinds")
        }
        for (index, kind) in kinds.enumerated() where kind.rawValue.isEmpty {
            throw CoreError.validation(field: "kinds[\(index)]", reason: "must not be empty")
        }
        let (stream, continuation) = AsyncStream.makeStream(
            of: EventEnvelope.self, bufferingPolicy: .bufferingNewest(bufferSize))
        let token: UInt64? = state.withLock { state in
            guard !state.isFinished else { return nil }
            state.nextToken += 1
            state.subscribers[state.nextToken] = Subscriber(
                tenant: tenant, kinds: kinds, continuation: continuation)
            return state.nextToken
        }
        guard let token else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.removeSubscriber(token)
        }
        return stream
    }

    /// Publishes events to every matching subscriber, in order. Never blocks: a subscriber
    /// whose buffer is full loses its oldest buffered event.
    ///
    /// - Parameter events: The events to publish.
    public func publish(_ events: [EventEnvelope]) {
        let subscribers = state.withLock { Array($0.subscribers.values) }
        guard !subscribers.isEmpty, !events.isEmpty else { return }
        var dropped = 0
        for event in events {
            for subscriber in subscribers where subscriber.wants(event) {
                if case .dropped = subscriber.continuation.yield(event) { dropped += 1 }
            }
        }
        if dropped > 0 { state.withLock { $0.dropped += dropped } }
    }

    /// Publishes the batch to the subscribers; never throws, so the relay always counts the
    /// hub as having accepted the batch.
    ///
    /// - Parameter events: The delivered events.
    public func deliver(_ events: [EventEnvelope]) async throws {
        publish(events)
    }

    /// Finishes every stream and refuses new subscribers (their streams finish at once).
    public func finish() {
        let subscribers = state.withLock { state in
            state.isFinished = true
            let current = Array(state.subscribers.values)
            state.subscribers.removeAll()
            return current
        }
        for subscriber in subscribers { subscriber.continuation.finish() }
    }

    private func removeSubscriber(_ token: UInt64) {
        _ = state.withLock { $0.subscribers.removeValue(forKey: token) }
    }
}
