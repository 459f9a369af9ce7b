import CXKitCore
import Foundation

/// The pure disposition state machine.
public enum DispositionLifecycle {
    /// Applies a command.
    ///
    /// - Parameters:
    ///   - command: What to do.
    ///   - state: The unit's disposition.
    ///   - now: When the command runs.
    ///   - principal: Who runs it.
    /// - Returns: The new state and the recorded step.
    /// - Throws: ``ReturnsError`` with `.invalidTransition` naming both states.
    public static func apply(
        _ command: DispositionCommand, to state: DispositionState, at now: Date, by principal: Principal
    ) throws(ReturnsError) -> LifecycleOutcome<DispositionState> {
        let target: DispositionState?
        switch state {
        case .pending: target = command.requestedState
        case .quarantined:
            target =
                command == .restock || command == .scrap || command == .returnToVendor
                ? command.requestedState : nil
        default: target = nil
        }
        return try LifecycleRules.outcome(
            from: state, to: target, requested: command.requestedState, now: now, principal: principal,
            reason: nil)
    }
}
