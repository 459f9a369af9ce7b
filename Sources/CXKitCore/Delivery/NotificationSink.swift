/// The delivery port: where the ``OutboxRelay`` hands committed domain events so the host
/// can turn them into email, push, webhooks, chat messages or anything else.
///
/// ## Delivery guarantees
/// - **At least once.** An event is handed to a sink until the sink accepts it. A crash of
///   the relay after the sink accepted a batch but before the outbox was acknowledged, a
///   lost lease, or a sink that throws after doing its work all lead to the **same event
///   being delivered again**. A duplicate always carries the same ``EventEnvelope/id``.
/// - **Sinks must be idempotent on ``EventEnvelope/id``.** Remember the IDs you have acted
///   on (for at least as long as the retry window, 7 days is a good default) and ignore a
///   repeat. A sink that cannot deduplicate — an SMTP relay, a push gateway — **will repeat
///   its side effects**: a customer may receive the same email twice. Pass the event ID on
///   (as an `Idempotency-Key` or message ID header) wherever the downstream system can use it.
/// - **In order per aggregate.** Events of one ``AggregateReference`` reach a sink in commit
///   order: the relay never hands a sink an aggregate's event before every earlier event of
///   that aggregate was accepted by that sink (or dead-lettered). Events of different
///   aggregates may arrive in any order, also within one batch.
///
/// ## Accepting part of a batch
/// Returning normally accepts every event of the batch. Throwing ``SinkDeliveryError``
/// accepts every event except the ones it lists; only those are retried, and the relay
/// never hands this sink the accepted ones again (they are kept in
/// ``OutboxFailure/deliveredSinks``). Throwing any other error rejects the whole batch.
///
/// Errors are kept as the outbox entry's `lastError`: throw ``CXKitError`` values whose
/// description holds no personal data, or errors whose type name says enough. A sink is
/// called by one relay round at a time; the relay waits for `deliver` to return before it
/// acknowledges, so a sink must finish (or fail) within the relay's lease duration.
public protocol NotificationSink: Sendable {
    /// The sink's stable name. The outbox remembers which sinks accepted an event by this
    /// name, so it must be unique among a relay's sinks and must not change between
    /// releases (renaming a sink makes pending events go to it again).
    var name: String { get }

    /// Delivers a batch of events, in the order given.
    ///
    /// - Parameter events: The events; never two of one aggregate out of commit order. May
    ///   contain events the sink has seen before (deduplicate on ``EventEnvelope/id``).
    /// - Throws: ``SinkDeliveryError`` listing the events that were not accepted (all others
    ///   were), or any other error when none of the batch may count as accepted.
    func deliver(_ events: [EventEnvelope]) async throws
}
