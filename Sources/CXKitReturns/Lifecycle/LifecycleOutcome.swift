/// The result of a pure transition: the new state and the steps (events) it produced.
public struct LifecycleOutcome<State: LifecycleState>: Hashable, Sendable {
    /// The state after the command.
    public let state: State
    /// The transitions the command made, in order (one per accepted command).
    public let events: [LifecycleStep<State>]

    /// Creates an outcome.
    ///
    /// - Parameters:
    ///   - state: The state after the command.
    ///   - events: The transitions made.
    public init(state: State, events: [LifecycleStep<State>]) {
        self.state = state
        self.events = events
    }
}
