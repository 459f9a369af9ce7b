/// The result of a pure transition: the new state and the steps (events) it produced.
public struct LifecycleOutcome<State: LifecycleState>: Hashable, Sendable {
    /// The state after the command.
    public let state: State
    /// The one step of an outcome with exactly one (every accepted command makes one),
    /// held without an array.
    private let onlyStep: LifecycleStep<State>?
    /// The steps of an outcome with none or several.
    private let otherSteps: [LifecycleStep<State>]

    /// The transitions the command made, in order (one per accepted command).
    public var events: [LifecycleStep<State>] { onlyStep.map { [$0] } ?? otherSteps }

    /// Creates an outcome.
    ///
    /// - Parameters:
    ///   - state: The state after the command.
    ///   - events: The transitions made.
    public init(state: State, events: [LifecycleStep<State>]) {
        self.state = state
        if events.count == 1 {
            onlyStep = events[0]
            otherSteps = []
        } else {
            onlyStep = nil
            otherSteps = events
        }
    }

    /// The outcome of an accepted command: its one step, and the state it leads to.
    init(step: LifecycleStep<State>) {
        state = step.to
        onlyStep = step
        otherSteps = []
    }

    /// Calls `body` with each step, in order, without collecting them into an array.
    func forEachEvent(_ body: (LifecycleStep<State>) throws -> Void) rethrows {
        if let onlyStep { try body(onlyStep) } else { try otherSteps.forEach(body) }
    }

    /// Whether two outcomes reach the same state through the same steps.
    ///
    /// - Parameters:
    ///   - lhs: An outcome.
    ///   - rhs: Another outcome.
    /// - Returns: `true` when state and steps are equal.
    public static func == (lhs: LifecycleOutcome, rhs: LifecycleOutcome) -> Bool {
        lhs.state == rhs.state && lhs.events == rhs.events
    }

    /// Hashes the state and the steps.
    ///
    /// - Parameter hasher: The hasher to feed.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(state)
        hasher.combine(events)
    }
}
