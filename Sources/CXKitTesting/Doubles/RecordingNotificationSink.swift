import CXKitCore

/// A ``NotificationSink`` that records every batch it is handed, in order, for tests.
///
/// It accepts everything and counts duplicates instead of hiding them, so a test can check
/// both what was delivered (``uniqueEvents``, ``events(ofKind:)``) and how often
/// (``deliveryCount(of:)``, ``duplicateDeliveryCount``). In the spirit of SwiftNIO's
/// `EmbeddedChannel`, deliveries can also be consumed one by one with ``readDelivered()``,
/// and ``assertNoLeftovers()`` fails a test that left deliveries unread.
public final class RecordingNotificationSink: NotificationSink {
    private struct State {
        var batches: [[EventEnvelope]] = []
        var delivered: [EventEnvelope] = []
        var counts: [EventID: Int] = [:]
        var unique: [EventEnvelope] = []
        var readPosition = 0
    }

    private let state = Locked(State())

    /// The sink name the relay records deliveries under.
    public let name: String

    /// Creates an empty recording sink.
    ///
    /// - Parameter name: Its sink name; unique among a relay's sinks.
    public init(name: String = "recording") {
        self.name = name
    }

    /// Records the batch. Never throws.
    ///
    /// - Parameter events: The delivered events.
    public func deliver(_ events: [EventEnvelope]) async throws {
        record(events)
    }

    /// Records a batch as if it had been delivered (for tests that bypass the relay).
    ///
    /// - Parameter events: The events.
    public func record(_ events: [EventEnvelope]) {
        state.withLock { state in
            state.batches.append(events)
            state.delivered.append(contentsOf: events)
            for event in events {
                let count = state.counts[event.id, default: 0]
                if count == 0 { state.unique.append(event) }
                state.counts[event.id] = count + 1
            }
        }
    }

    /// Every batch handed to the sink, in order (empty batches included).
    public var batches: [[EventEnvelope]] { state.withLock { $0.batches } }

    /// Every delivered event in delivery order, duplicates included.
    public var deliveredEvents: [EventEnvelope] { state.withLock { $0.delivered } }

    /// The IDs of every delivered event in delivery order, duplicates included.
    public var deliveredEventIDs: [EventID] { state.withLock { $0.delivered.map(\.id) } }

    /// Each distinct event once, in the order of its first delivery — what a consumer that
    /// deduplicates on ``EventEnvelope/id`` acted on.
    public var uniqueEvents: [EventEnvelope] { state.withLock { $0.unique } }

    /// How many deliveries repeated an event delivered before.
    public var duplicateDeliveryCount: Int { state.withLock { $0.delivered.count - $0.unique.count } }

    /// How many times an event was delivered.
    ///
    /// - Parameter event: The event's ID.
    /// - Returns: The number of deliveries; 0 when never delivered.
    public func deliveryCount(of event: EventID) -> Int {
        state.withLock { $0.counts[event, default: 0] }
    }

    /// The distinct delivered events of a kind or below it in the dot hierarchy, in the
    /// order of their first delivery.
    ///
    /// - Parameter kind: A kind or kind prefix (see ``EventKind/belongs(to:)``).
    /// - Returns: The matching events.
    public func events(ofKind kind: EventKind) -> [EventEnvelope] {
        state.withLock { $0.unique.filter { $0.kind.belongs(to: kind) } }
    }

    /// Consumes the oldest delivered event not read yet (duplicates included).
    ///
    /// - Returns: The event, or `nil` when every delivery was read.
    public func readDelivered() -> EventEnvelope? {
        state.withLock { state in
            guard state.readPosition < state.delivered.count else { return nil }
            defer { state.readPosition += 1 }
            return state.delivered[state.readPosition]
        }
    }

    /// Consumes every delivered event not read yet.
    ///
    /// - Returns: The unread deliveries in order.
    public func readAllDelivered() -> [EventEnvelope] {
        state.withLock { state in
            let unread = Array(state.delivered[state.readPosition...])
            state.readPosition = state.delivered.count
            return unread
        }
    }

    /// Fails when deliveries were left unread by ``readDelivered()`` or
    /// ``readAllDelivered()``.
    ///
    /// - Throws: ``LeftoverDeliveriesError`` listing the unread events.
    public func assertNoLeftovers() throws {
        let unread = state.withLock { Array($0.delivered[$0.readPosition...]) }
        if !unread.isEmpty {
            throw LeftoverDeliveriesError(eventIDs: unread.map(\.id), kinds: unread.map(\.kind))
        }
    }

    /// Forgets every recorded delivery.
    public func reset() {
        state.withLock { $0 = State() }
    }
}
