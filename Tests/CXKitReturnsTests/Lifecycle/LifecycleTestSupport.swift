import CXKitCore
import Testing

@testable import CXKitReturns

/// Checks that a refused transition is a typed error naming both states.
func expectInvalidTransition<State: LifecycleState>(
    from state: State, to requested: State, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws(ReturnsError) -> LifecycleOutcome<State>
) {
    do {
        let outcome = try body()
        Issue.record(
            "expected \(state.rawValue) → \(requested.rawValue) to be refused, got \(outcome.state)",
            sourceLocation: sourceLocation)
    } catch {
        #expect(error.code == .invalidTransition, sourceLocation: sourceLocation)
        #expect(error.currentState == state.rawValue, sourceLocation: sourceLocation)
        #expect(error.requestedState == requested.rawValue, sourceLocation: sourceLocation)
        #expect(error.reason.contains(state.rawValue), sourceLocation: sourceLocation)
        #expect(error.reason.contains(requested.rawValue), sourceLocation: sourceLocation)
    }
}
