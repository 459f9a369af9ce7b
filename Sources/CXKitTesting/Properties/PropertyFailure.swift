/// A property failed: names the seed and case to reproduce it, the generated input, the
/// shrunk (minimal) input and the error the property threw for it.
///
/// Rerun with `forAll(…, seed: failure.seed)` or the environment variable
/// `CXKIT_PROPERTY_SEED=<seed>` to replay exactly the same cases.
public struct PropertyFailure: Error, CustomStringConvertible {
    /// The run's seed.
    public let seed: UInt64
    /// The zero-based index of the failing case.
    public let caseIndex: Int
    /// How many cases the run was asked for.
    public let caseCount: Int
    /// The size hint of the failing case.
    public let size: Int
    /// The generated input that failed first.
    public let originalInput: any Sendable
    /// The smallest failing input shrinking found.
    public let shrunkInput: any Sendable
    /// How many times shrinking found a smaller failing input.
    public let shrinkSteps: Int
    /// How many candidates shrinking tried.
    public let shrinkAttempts: Int
    /// The error the property threw for ``shrunkInput``.
    public let underlyingError: any Error
    /// The file that called the runner.
    public let fileID: String
    /// The line that called the runner.
    public let line: Int

    /// Creates a failure report.
    ///
    /// - Parameters:
    ///   - seed: The run's seed.
    ///   - caseIndex: The failing case.
    ///   - caseCount: The number of cases asked for.
    ///   - size: The failing case's size hint.
    ///   - originalInput: The first failing input.
    ///   - shrunkInput: The smallest failing input.
    ///   - shrinkSteps: Successful shrinks.
    ///   - shrinkAttempts: Candidates tried.
    ///   - underlyingError: The error for the shrunk input.
    ///   - fileID: The calling file.
    ///   - line: The calling line.
    public init(
        seed: UInt64, caseIndex: Int, caseCount: Int, size: Int, originalInput: any Sendable,
        shrunkInput: any Sendable, shrinkSteps: Int, shrinkAttempts: Int, underlyingError: any Error,
        fileID: String, line: Int
    ) {
        self.seed = seed
        self.caseIndex = caseIndex
        self.caseCount = caseCount
        self.size = size
        self.originalInput = originalInput
        self.shrunkInput = shrunkInput
        self.shrinkSteps = shrinkSteps
        self.shrinkAttempts = shrinkAttempts
        self.underlyingError = underlyingError
        self.fileID = fileID
        self.line = line
    }

    /// A multi-line report with the seed, case, original and shrunk input and the error.
    public var description: String {
        """
        Property failed at \(fileID):\(line) — seed \(seed), case \(caseIndex) of \(caseCount) (size \(size)).
          Reproduce: pass seed: \(seed) (or set CXKIT_PROPERTY_SEED=\(seed) for runs given no seed).
          Original input: \(String(describing: originalInput))
          Shrunk input (\(shrinkSteps) steps, \(shrinkAttempts) attempts): \(String(describing: shrunkInput))
          Error: \(String(describing: underlyingError))
        """
    }
}
