/// A model-based (stateful) property: random command sequences run against the system
/// under test and a simple reference model side by side, with invariants checked after
/// every step. A failing sequence shrinks by removing commands, then simplifying them.
///
/// ```swift
/// enum TallyCommand: Sendable { case increment, reset }
///
/// let property = StatefulProperty(
///     commands: .element(of: [TallyCommand.increment, .reset]),
///     initialModel: 0,
///     makeSystem: { InMemoryTally() },
///     apply: { command, model, tally in
///         switch command {
///         case .increment: model += 1; await tally.increment()
///         case .reset: model = 0; await tally.reset()
///         }
///         try PropertyCheck.expect(await tally.value == model, "tally matches the model")
///     })
/// try await property.check()
/// ```
///
/// Every run (including every shrink attempt) starts from ``initialModel`` and a fresh
/// system from `makeSystem`, so runs are independent. Commands whose `precondition` does
/// not hold in the current model state are skipped, which keeps shrunk sequences
/// meaningful when an earlier command they relied on was removed.
public struct StatefulProperty<Command: Sendable, Model, System> {
    /// Makes single commands.
    public let commands: Generator<Command>
    /// The allowed sequence lengths.
    public let length: ClosedRange<Int>
    /// The model state every run starts from.
    public let initialModel: Model

    private let makeSystem: () async throws -> System
    private let precondition: (Command, Model) -> Bool
    private let apply: (Command, inout Model, System) async throws -> Void

    /// Creates a stateful property.
    ///
    /// - Parameters:
    ///   - commands: Makes single commands.
    ///   - length: The allowed sequence lengths.
    ///   - initialModel: The model state every run starts from.
    ///   - makeSystem: Makes a fresh system under test for every run.
    ///   - precondition: Whether a command may run in a model state; commands that may not
    ///     are skipped. Defaults to always.
    ///   - apply: Runs one command against the system and the model and checks the
    ///     invariants, throwing when one does not hold.
    public init(
        commands: Generator<Command>, length: ClosedRange<Int> = 0...50, initialModel: Model,
        makeSystem: @escaping () async throws -> System,
        precondition: @escaping (Command, Model) -> Bool = { _, _ in true },
        apply: @escaping (Command, inout Model, System) async throws -> Void
    ) {
        self.commands = commands
        self.length = length
        self.initialModel = initialModel
        self.makeSystem = makeSystem
        self.precondition = precondition
        self.apply = apply
    }

    /// Runs one sequence of commands from the initial state.
    ///
    /// - Parameter sequence: The commands.
    /// - Throws: ``StatefulStepFailure`` naming the failing step and command, or whatever
    ///   `makeSystem` throws.
    public func run(_ sequence: [Command]) async throws {
        var model = initialModel
        let system = try await makeSystem()
        for (step, command) in sequence.enumerated() where precondition(command, model) {
            do {
                try await apply(command, &model, system)
            } catch {
                throw StatefulStepFailure(
                    step: step, command: String(describing: command), underlyingError: error)
            }
        }
    }

    /// Runs `count` random command sequences and shrinks the first failing one.
    ///
    /// - Parameters:
    ///   - count: How many sequences to run.
    ///   - seed: The seed; `nil` reads `CXKIT_PROPERTY_SEED` or uses ``PropertyCheck/defaultSeed``.
    ///   - shrinkLimit: The most shrink candidates to try.
    ///   - fileID: The calling file, for the failure report.
    ///   - line: The calling line, for the failure report.
    ///   - isolation: The caller's actor; commands run there.
    /// - Throws: ``PropertyFailure`` whose shrunk input is the minimal failing command
    ///   sequence and whose underlying error is a ``StatefulStepFailure``; ``CoreError``
    ///   with code ``ErrorCode/validationFailed`` for invalid run parameters;
    ///   ``GenerationFailure`` when commands cannot be generated.
    public func check(
        count: Int = 100, seed: UInt64? = nil, shrinkLimit: Int = 1000, fileID: String = #fileID,
        line: Int = #line, isolation: isolated (any Actor)? = #isolation
    ) async throws {
        let runner = try PropertyCheck(count: count, seed: seed, shrinkLimit: shrinkLimit)
        try await runner.check(.commands(commands, length: length), fileID: fileID, line: line) { sequence in
            try await run(sequence)
        }
    }
}
