import CXKitCore
import Foundation

/// The pure item acceptance state machine.
public enum ItemAcceptanceLifecycle {
    /// Applies a command.
    ///
    /// - Parameters:
    ///   - command: What to do.
    ///   - state: The item's acceptance state.
    ///   - now: When the command runs.
    ///   - principal: Who runs it.
    /// - Returns: The new state and the recorded step.
    /// - Throws: ``ReturnsError`` with `.invalidTransition` naming both states;
    ///   `.validationFailed` (field `reason`) when a required reason is missing.
    public static func apply(
        _ command: ItemAcceptanceCommand, to state: ItemAcceptanceState, at now: Date,
        by principal: Principal
    ) throws(ReturnsError) -> LifecycleOutcome<ItemAcceptanceState> {
        let target: ItemAcceptanceState?
        var reason: String?
        switch command {
        case .accept(let given):
            switch state {
            case .pending:
                target = .accepted
                reason = try LifecycleRules.optionalReason(given)
            case .manualReview:
                target = .accepted
                reason = try LifecycleRules.requiredReason(given)
            default: target = nil
            }
        case .reject(let given):
            target = state == .rejected ? nil : .rejected
            if target != nil { reason = try LifecycleRules.requiredReason(given) }
        case .requireReview(let given):
            target = state == .pending ? .manualReview : nil
            if target != nil { reason = try LifecycleRules.requiredReason(given) }
        }
        return try LifecycleRules.outcome(
            from: state, to: target, requested: command.requestedState, now: now, principal: principal,
            reason: reason)
    }
}
