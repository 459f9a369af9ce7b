/// A step of a ``StatefulProperty`` run failed: which step, which command, and why.
public struct StatefulStepFailure: Error, CustomStringConvertible {
    /// The zero-based position of the failing command in the sequence.
    public let step: Int
    /// The failing command, as `String(describing:)` shows it.
    public let command: String
    /// What the command or an invariant check threw.
    public let underlyingError: any Error

    /// Creates a step failure.
    ///
    /// - Parameters:
    ///   - step: The failing position.
    ///   - command: The failing command's description.
    ///   - underlyingError: What was thrown.
    public init(step: Int, command: String, underlyingError: any Error) {
        self.step = step
        self.command = command
        self.underlyingError = underlyingError
    }

    /// `step 3 (increment): <error>`.
    public var description: String { "step \(step) (\(command)): \(String(describing: underlyingError))" }
}
