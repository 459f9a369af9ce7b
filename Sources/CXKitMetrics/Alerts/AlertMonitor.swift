import CXKitCore
import Foundation

/// Runs alert rules against the store: loads each rule's state, applies
/// ``AlertStateMachine``, and commits the new state together with one outbox event per
/// transition (`metrics.alert.triggered`, `metrics.alert.resolved`) in the same commit, so
/// an alert is delivered exactly when its state changed (at least once, via the relay).
///
/// A version conflict means another evaluator changed the alert's state concurrently; it
/// surfaces to the caller, who re-evaluates on the next tick (state transitions are not
/// retried blindly).
public struct AlertMonitor: Sendable {
    /// The store holding alert states and the outbox.
    public let store: any RecordStore
    /// Where event identifiers come from.
    public let identifiers: any IdentifierSource
    /// The clock stamping evaluations and events.
    public let clock: any TimestampSource

    /// The event kind of a trigger.
    public static let triggeredKind: EventKind = "metrics.alert.triggered"
    /// The event kind of a resolution.
    public static let resolvedKind: EventKind = "metrics.alert.resolved"

    /// Creates a monitor.
    ///
    /// - Parameters:
    ///   - store: The store.
    ///   - identifiers: Event identifier source.
    ///   - clock: The clock.
    public init(store: any RecordStore, identifiers: any IdentifierSource, clock: any TimestampSource) {
        self.store = store
        self.identifiers = identifiers
        self.clock = clock
    }

    /// Evaluates one rule for a tenant and commits any transition with its event.
    ///
    /// - Parameters:
    ///   - rule: The rule.
    ///   - evaluation: This tick's KPI and baseline.
    ///   - tenant: The tenant.
    /// - Returns: The transitions committed (empty when nothing changed).
    /// - Throws: The store's errors, including `ErrorCode.versionConflict` when
    ///   another evaluator changed the state concurrently (nothing is written then).
    @discardableResult
    public func evaluate(_ rule: AlertRule, with evaluation: AlertEvaluation, in tenant: TenantID)
        async throws
        -> [AlertTransition]
    {
        let id = AlertStateRecord.identifier(forRule: rule.name)
        let stored = try await store.fetch(AlertStateRecord.self, id: id, in: tenant)
        let current = stored?.record.state ?? .initial
        let now = clock.now()
        let (next, transitions) = AlertStateMachine.step(
            current, evaluation: evaluation, rule: rule, now: now)
        guard next != current else { return [] }
        var transaction = StoreTransaction()
        let record = AlertStateRecord(rule: rule.name, state: next)
        if let stored {
            transaction.update(record, expectedVersion: stored.version)
        } else {
            transaction.insert(record)
        }
        for transition in transitions {
            transaction.append(
                EventEnvelope(
                    id: identifiers.make(EventID.self), tenant: tenant,
                    kind: transition.change == .triggered ? Self.triggeredKind : Self.resolvedKind,
                    aggregate: AggregateReference(type: AlertStateRecord.recordType, id: id), occurredAt: now,
                    actor: nil, payload: Payload(transition)))
        }
        _ = try await store.commit(transaction, in: tenant)
        return transitions
    }

    /// The stored state of a rule, `initial` when it never ran.
    ///
    /// - Parameters:
    ///   - rule: The rule's name.
    ///   - tenant: The tenant.
    /// - Returns: The state.
    /// - Throws: The store's errors.
    public func state(ofRule rule: String, in tenant: TenantID) async throws -> AlertState {
        try await store.fetch(
            AlertStateRecord.self, id: AlertStateRecord.identifier(forRule: rule), in: tenant)?
            .record.state ?? .initial
    }
}
