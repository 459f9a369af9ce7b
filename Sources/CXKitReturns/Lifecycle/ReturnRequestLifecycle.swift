import CXKitCore
import Foundation

/// The pure return request state machine: `(state, command, now, principal) → (state, events)`.
///
/// No I/O, no clock reads: callers pass the instant and the acting principal, so every
/// transition can be tested, replayed and explained.
public enum ReturnRequestLifecycle {
    /// Applies a command.
    ///
    /// - Parameters:
    ///   - command: What to do.
    ///   - state: The request's current state.
    ///   - now: When the command runs.
    ///   - principal: Who runs it; customers may cancel only before the parcel ships.
    /// - Returns: The new state and the recorded step.
    /// - Throws: ``ReturnsError`` with `.invalidTransition` naming both states when
    ///   the current state does not allow the command; `.validationFailed` (field
    ///   `reason`) when a required reason is missing, `.limitExceeded` when it is
    ///   too long.
    public static func apply(
        _ command: ReturnRequestCommand, to state: ReturnRequestState, at now: Date, by principal: Principal
    ) throws(ReturnsError) -> LifecycleOutcome<ReturnRequestState> {
        let requested = command.requestedState
        var reason: String?
        var detail: String?
        let target: ReturnRequestState?
        switch command {
        case .submit:
            target = state == .draft ? .submitted : nil
        case .approve(let given):
            switch state {
            case .submitted:
                target = .approved
                reason = try LifecycleRules.optionalReason(given)
            case .needsReview:
                target = .approved
                reason = try LifecycleRules.requiredReason(given)
            default: target = nil
            }
        case .routeToReview(let given):
            target = state == .submitted ? .needsReview : nil
            if target != nil { reason = try LifecycleRules.requiredReason(given) }
        case .reject(let given):
            target = state == .submitted || state == .needsReview ? .rejected : nil
            if target != nil { reason = try LifecycleRules.requiredReason(given) }
        case .issueLabel:
            target = state == .approved ? .labelIssued : nil
        case .markInTransit:
            target = state == .labelIssued ? .inTransit : nil
        case .receive:
            target = state == .approved || state == .labelIssued || state == .inTransit ? .received : nil
        case .inspect:
            target = state == .received ? .inspected : nil
        case .resolve:
            // Keep-the-item resolutions skip shipping entirely.
            target = state == .inspected || state == .approved ? .resolved : nil
        case .close:
            target = state == .resolved ? .closed : nil
        case .cancel(let given):
            let allowed =
                principal.kind == .customer ? state.isCancellableByCustomer : state.isCancellableByStaff
            target = allowed ? .cancelled : nil
            if !allowed && principal.kind == .customer && state.isCancellableByStaff {
                detail = "customers may cancel only before the parcel ships"
            }
            if target != nil { reason = try LifecycleRules.optionalReason(given) }
        case .expire:
            target = state == .labelIssued || state == .approved ? .expired : nil
        }
        return try LifecycleRules.outcome(
            from: state, to: target, requested: requested, detail: detail, now: now, principal: principal,
            reason: reason)
    }
}
