import CXKitCore
import Foundation

/// The pure refund state machine.
public enum RefundLifecycle {
    /// Applies a command.
    ///
    /// - Parameters:
    ///   - command: What to do.
    ///   - state: The refund's state.
    ///   - now: When the command runs.
    ///   - principal: Who runs it.
    /// - Returns: The new state and the recorded step.
    /// - Throws: ``ReturnsError`` with `.invalidTransition` naming both states;
    ///   `.validationFailed` (field `reason`) when a failure or cancellation has
    ///   no reason.
    public static func apply(
        _ command: RefundCommand, to state: RefundState, at now: Date, by principal: Principal
    ) throws(ReturnsError) -> LifecycleOutcome<RefundState> {
        let target: RefundState?
        var reason: String?
        switch command {
        case .begin: target = state == .pending ? .processing : nil
        case .succeed: target = state == .processing ? .succeeded : nil
        case .fail(let given):
            target = state == .processing ? .failed : nil
            if target != nil { reason = try LifecycleRules.requiredReason(given) }
        case .retry: target = state == .failed ? .processing : nil
        case .cancel(let given):
            target = state == .pending || state == .failed ? .cancelled : nil
            if target != nil { reason = try LifecycleRules.requiredReason(given) }
        }
        return try LifecycleRules.outcome(
            from: state, to: target, requested: command.requestedState, now: now, principal: principal,
            reason: reason)
    }
}
