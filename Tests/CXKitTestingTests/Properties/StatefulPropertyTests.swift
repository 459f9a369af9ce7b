import CXKitCore
import CXKitTesting
import Testing

/// A tally with a deliberate bug: incrementing from 3 jumps to 5.
private final class BuggyTally: Sendable {
    private let state = Locked(0)

    var value: Int { state.withLock { $0 } }

    func increment() { state.withLock { $0 += $0 == 3 ? 2 : 1 } }
    func decrement() { state.withLock { $0 -= 1 } }
    func reset() { state.withLock { $0 = 0 } }
}

private enum TallyCommand: Sendable, Equatable, CustomStringConvertible {
    case increment, decrement, reset, read

    var description: String {
        switch self {
        case .increment: "increment"
        case .decrement: "decrement"
        case .reset: "reset"
        case .read: "read"
        }
    }
}

@Suite("Stateful properties")
struct StatefulPropertyTests {
    private func property(buggy: Bool) -> StatefulProperty<TallyCommand, Int, BuggyTally> {
        StatefulProperty(
            commands: .frequency([
                (weight: 4, generator: .constant(.increment)), (weight: 2, generator: .constant(.decrement)),
                (weight: 1, generator: .constant(.reset)), (weight: 2, generator: .constant(.read)),
            ]),
            length: 0...40,
            initialModel: 0,
            makeSystem: { BuggyTally() },
            precondition: { command, model in command != .decrement || model > 0 },
            apply: { command, model, tally in
                switch command {
                case .increment:
                    model += 1
                    tally.increment()
                case .decrement:
                    model -= 1
                    tally.decrement()
                case .reset:
                    model = 0
                    tally.reset()
                case .read:
                    break
                }
                let observed = buggy ? tally.value : model
                try PropertyCheck.expect(observed == model, "tally equals the model")
            })
    }

    @Test("a correct system passes every sequence")
    func correctSystemPasses() async throws {
        try await property(buggy: false).check(count: 50, seed: 1)
    }

    @Test("a buggy tally's failing sequence shrinks to four increments")
    func shrinksCommandSequence() async throws {
        do {
            try await property(buggy: true).check(count: 200, seed: 21)
            Issue.record("the buggy tally passed")
        } catch let failure as PropertyFailure {
            let sequence = try #require(failure.shrunkInput as? [TallyCommand])
            #expect(sequence == [.increment, .increment, .increment, .increment])
            let step = try #require(failure.underlyingError as? StatefulStepFailure)
            #expect(step.step == 3)
            #expect(step.command == "increment")
            #expect(failure.description.contains("[increment, increment, increment, increment]"))
        }
    }

    @Test("commands whose precondition fails are skipped")
    func preconditionsSkip() async throws {
        try await property(buggy: false).run([.decrement, .decrement, .increment, .read])
    }
}
