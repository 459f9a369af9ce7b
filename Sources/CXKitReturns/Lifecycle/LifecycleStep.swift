import CXKitCore
import Foundation

/// One recorded transition of a state machine: from which state to which, when, by whom
/// and why. Every pure transition produces one; services turn them into outbox events.
public struct LifecycleStep<State: LifecycleState>: Hashable, Sendable, Codable {
    /// The state before the transition.
    public let from: State
    /// The state after the transition.
    public let to: State
    /// When it happened, by the injected clock.
    public let at: Date
    /// Who made it happen.
    public let actor: ActorReference
    /// The reason given (required for rejections, overrides and failures), if any.
    public let reason: String?

    /// Creates a step.
    ///
    /// - Parameters:
    ///   - from: The state before.
    ///   - to: The state after.
    ///   - at: When it happened.
    ///   - actor: Who made it happen.
    ///   - reason: The reason given, if any.
    public init(from: State, to: State, at: Date, actor: ActorReference, reason: String?) {
        self.from = from
        self.to = to
        self.at = at
        self.actor = actor
        self.reason = reason
    }
}
