import CXKitCore
import Foundation

/// The pure item reception state machine.
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
        case .receive: target = state == .received ? nil : .received
        case .markLost, .markWrongItem, .markShortShipped:
            target = state == .awaiting ? command.requestedState : nil
        }
        return try LifecycleRules.outcome(
            from: state, to: target, requested: command.requestedState, now: now, principal: principal,
            reason: nil)
    }
}
