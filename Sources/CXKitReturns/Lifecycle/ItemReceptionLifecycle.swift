import CXKitCore
import Foundation

/// The pure item reception state machine.
///
/// `receive` completes an item from any open state. `markShortShipped` records a partial
/// reception: from `awaiting` (the first parcel was short), from `shortShipped` (a later
/// reception still leaves units outstanding) and from `lost` or `wrongItem` (part of the
/// right goods turned up). `markLost` and `markWrongItem` apply only to an item still
/// `awaiting`. `received` is final.
public enum ItemReceptionLifecycle {
    /// Applies a command.
    ///
    /// - Parameters:
    ///   - command: What to do.
    ///   - state: The item's reception state.
    ///   - now: When the command runs.
    ///   - principal: Who runs it.
    /// - Returns: The new state and the recorded step.
    /// - Throws: ``ReturnsError`` with `.invalidTransition` naming both states.
    public static func apply(
        _ command: ItemReceptionCommand, to state: ItemReceptionState, at now: Date, by principal: Principal
    ) throws(ReturnsError) -> LifecycleOutcome<ItemReceptionState> {
        let target: ItemReceptionState?
        switch command {
        case .receive:
            target = state == .received ? nil : .received
        case .markShortShipped:
            target = state == .received ? nil : .shortShipped
        case .markLost, .markWrongItem:
            target = state == .awaiting ? command.requestedState : nil
        }
        return try LifecycleRules.outcome(
            from: state, to: target, requested: command.requestedState, now: now, principal: principal,
            reason: nil)
    }

    /// Records the arrival of `units` more units of an item: the item becomes `received`
    /// when every announced unit has arrived, `shortShipped` while some are outstanding.
    ///
    /// - Parameters:
    ///   - units: Units arriving now, at least 1.
    ///   - announced: Units the item announced (its quantity).
    ///   - alreadyReceived: Units that arrived in earlier receptions.
    ///   - state: The item's reception state.
    ///   - now: When the reception happens.
    ///   - principal: Who records it.
    /// - Returns: The new state and the recorded step.
    /// - Throws: ``ReturnsError``: `.validationFailed` naming `receivedQuantity`
    ///   when `units` is below 1 or more than the units still outstanding
    ///   (over-reception); `.invalidTransition` when the item is already `received`.
    public static func receive(
        _ units: Int, announced: Int, alreadyReceived: Int, to state: ItemReceptionState, at now: Date,
        by principal: Principal
    ) throws(ReturnsError) -> LifecycleOutcome<ItemReceptionState> {
        if state == .received {
            return try apply(.receive, to: state, at: now, by: principal)
        }
        guard units >= 1 else {
            throw ReturnsError.validation(field: "receivedQuantity", reason: "must be at least 1")
        }
        let outstanding = max(0, announced - alreadyReceived)
        guard units <= outstanding else {
            throw ReturnsError.validation(
                field: "receivedQuantity", reason: "must not exceed the units still outstanding")
        }
        return try apply(
            units == outstanding ? .receive : .markShortShipped, to: state, at: now, by: principal)
    }
}
