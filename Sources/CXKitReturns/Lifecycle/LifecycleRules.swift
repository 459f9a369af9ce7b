import CXKitCore
import Foundation

/// Shared mechanics of the pure state machines: reason checks and step construction.
enum LifecycleRules {
    /// The longest reason a transition accepts, in characters.
    static let maximumReasonLength = 2000

    /// Builds the outcome of an accepted command, or the typed error of a refused one.
    ///
    /// - Parameters:
    ///   - current: The state the machine is in.
    ///   - target: The state the rules allow, or `nil` when the command is refused.
    ///   - requested: The state the command asked for (named in the error).
    ///   - detail: Why a refusal happened, when more can be said.
    ///   - now: When the command runs.
    ///   - principal: Who runs it.
    ///   - reason: The reason given.
    /// - Throws: ``ReturnsError`` with `.invalidTransition` naming both states.
    static func outcome<State: LifecycleState>(
        from current: State, to target: State?, requested: State, detail: String? = nil, now: Date,
        principal: Principal, reason: String?
    ) throws(ReturnsError) -> LifecycleOutcome<State> {
        guard let target else {
            throw ReturnsError.invalidTransition(
                machine: State.machineName, from: current.rawValue, to: requested.rawValue,
                detail: detail ?? (current.isTerminal ? "\(current.rawValue) is final" : nil))
        }
        let step = LifecycleStep(
            from: current, to: target, at: now, actor: ActorReference(principal), reason: reason)
        return LifecycleOutcome(step: step)
    }

    /// Checks a reason that the transition requires.
    ///
    /// - Parameter reason: The reason given.
    /// - Returns: The trimmed reason.
    /// - Throws: ``ReturnsError`` with `.validationFailed` when it is empty, or
    ///   `.limitExceeded` when it is too long.
    static func requiredReason(_ reason: String?) throws(ReturnsError) -> String {
        guard let trimmed = try optionalReason(reason) else {
            throw ReturnsError.validation(field: "reason", reason: "a reason is required for this transition")
        }
        return trimmed
    }

    /// Checks an optional reason.
    ///
    /// - Parameter reason: The reason given.
    /// - Returns: The trimmed reason, or `nil` when none (or only whitespace) was given.
    /// - Throws: ``ReturnsError`` with `.limitExceeded` when it is too long.
    static func optionalReason(_ reason: String?) throws(ReturnsError) -> String? {
        guard let reason else { return nil }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return nil }
        if trimmed.count > maximumReasonLength {
            throw ReturnsError.limit(
                field: "reason", reason: "must be at most \(maximumReasonLength) characters")
        }
        return trimmed
    }
}
