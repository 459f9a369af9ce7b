import CXKitCore
import Foundation

/// Runs a property against many generated inputs, seeded and reproducible, and shrinks a
/// failing input to a minimal counterexample.
///
/// Each case `i` draws from its own random stream derived from the run's seed and `i`, with
/// a size hint growing from 0 to ``maxSize``. On the first failure the runner tries the
/// input's shrink candidates, moving to the first that still fails, until none fails or
/// ``shrinkLimit`` candidates were tried, then throws ``PropertyFailure``.
///
/// The seed is, in order: the one given, the environment variable
/// `CXKIT_PROPERTY_SEED` (decimal or `0x` hexadecimal), or ``defaultSeed`` — so runs are
/// deterministic in CI, and a reported failure replays exactly.
///
/// Most tests call ``forAll(_:count:seed:shrinkLimit:fileID:line:isolation:_:)``.
public struct PropertyCheck: Sendable {
    /// The seed used when none is given and the environment sets none.
    public static let defaultSeed: UInt64 = 0x5EED_C0DE_2026_0001
    /// The largest accepted ``maxSize``.
    public static let largestSize = 1_000_000
    /// The environment variable that overrides the default seed.
    public static let seedVariable = "CXKIT_PROPERTY_SEED"

    /// How many cases to run.
    public let count: Int
    /// The run's seed.
    public let seed: UInt64
    /// The largest size hint, reached by the last case.
    public let maxSize: Int
    /// The most shrink candidates to try after a failure.
    public let shrinkLimit: Int

    /// Creates a runner.
    ///
    /// - Parameters:
    ///   - count: How many cases to run (at least 1).
    ///   - seed: The seed; `nil` reads `CXKIT_PROPERTY_SEED` or uses ``defaultSeed``.
    ///   - maxSize: The largest size hint (0 to ``largestSize``).
    ///   - shrinkLimit: The most shrink candidates to try (0 or more).
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` and field `count`,
    ///   `maxSize` or `shrinkLimit` when out of range, or `CXKIT_PROPERTY_SEED` when the
    ///   variable is not a number; code ``ErrorCode/limitExceeded`` and field `maxSize`
    ///   above ``largestSize``.
    public init(count: Int = 100, seed: UInt64? = nil, maxSize: Int = 100, shrinkLimit: Int = 1000)
        throws(CoreError)
    {
        guard count >= 1 else { throw CoreError.validation(field: "count", reason: "must be at least 1") }
        guard maxSize >= 0 else {
            throw CoreError.validation(field: "maxSize", reason: "must not be negative")
        }
        guard maxSize <= Self.largestSize else {
            throw CoreError.limit(field: "maxSize", reason: "must be at most \(Self.largestSize)")
        }
        guard shrinkLimit >= 0 else {
            throw CoreError.validation(field: "shrinkLimit", reason: "must not be negative")
        }
        self.count = count
        self.maxSize = maxSize
        self.shrinkLimit = shrinkLimit
        if let seed {
            self.seed = seed
        } else {
            self.seed = try Self.environmentSeed() ?? Self.defaultSeed
        }
    }

    /// The seed set by `CXKIT_PROPERTY_SEED`, if any.
    ///
    /// - Returns: The parsed seed, or `nil` when the variable is unset or empty.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` and field
    ///   `CXKIT_PROPERTY_SEED` when it is not a decimal or `0x`-prefixed hexadecimal `UInt64`.
    public static func environmentSeed() throws(CoreError) -> UInt64? {
        guard let text = ProcessInfo.processInfo.environment[seedVariable], !text.isEmpty else { return nil }
        guard let seed = parseSeed(text) else {
            throw CoreError.validation(
                field: seedVariable, reason: "must be a decimal or 0x-prefixed hexadecimal 64-bit number")
        }
        return seed
    }

    /// Parses a seed written in decimal or as `0x`-prefixed hexadecimal (underscores allowed).
    ///
    /// - Parameter text: The text.
    /// - Returns: The seed, or `nil` when the text is not a 64-bit number.
    public static func parseSeed(_ text: String) -> UInt64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
        if trimmed.lowercased().hasPrefix("0x") { return UInt64(trimmed.dropFirst(2), radix: 16) }
        return UInt64(trimmed)
    }

    /// The seed of case `index` in a run seeded with `seed`.
    ///
    /// - Parameters:
    ///   - seed: The run's seed.
    ///   - index: The case.
    /// - Returns: A well-mixed seed for that case's random stream.
    public static func caseSeed(_ seed: UInt64, index: Int) -> UInt64 {
        var z = seed &+ (UInt64(truncatingIfNeeded: index) &+ 1) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The size hint of case `index`: grows linearly from 0 to ``maxSize``.
    ///
    /// - Parameter index: The case.
    /// - Returns: The size hint.
    public func size(ofCase index: Int) -> Int {
        guard count > 1 else { return maxSize }
        let clamped = min(max(0, index), count - 1)
        return (count - 1).dividingFullWidth(clamped.multipliedFullWidth(by: maxSize)).quotient
    }

    /// Runs `property` against ``count`` generated inputs.
    ///
    /// - Parameters:
    ///   - generator: Makes the inputs.
    ///   - fileID: The calling file, for the failure report.
    ///   - line: The calling line, for the failure report.
    ///   - isolation: The caller's actor; the property runs there.
    ///   - property: Throws when the input violates the property.
    /// - Throws: ``PropertyFailure`` with the seed and the shrunk input when the property
    ///   throws; ``GenerationFailure`` when the generator cannot make an input;
    ///   `CancellationError` when the task is cancelled between cases.
    public func check<Value>(
        _ generator: Generator<Value>, fileID: String = #fileID, line: Int = #line,
        isolation: isolated (any Actor)? = #isolation, _ property: (Value) async throws -> Void
    ) async throws {
        for index in 0..<count {
            try Task.checkCancellation()
            let size = size(ofCase: index)
            let random = SeededRandomSource(seed: Self.caseSeed(seed, index: index))
            let tree: ShrinkTree<Value>
            do {
                tree = try generator.makeTree(random, size)
            } catch {
                throw GenerationFailure(reason: error.reason, seed: seed, caseIndex: index)
            }
            guard let error = await failure(of: tree.value, property) else { continue }
            var current = tree
            var currentError = error
            var steps = 0
            var attempts = 0
            shrinking: while attempts < shrinkLimit {
                for candidate in current.children() {
                    guard attempts < shrinkLimit else { break shrinking }
                    attempts += 1
                    if let error = await failure(of: candidate.value, property) {
                        current = candidate
                        currentError = error
                        steps += 1
                        continue shrinking
                    }
                }
                break
            }
            throw PropertyFailure(
                seed: seed, caseIndex: index, caseCount: count, size: size, originalInput: tree.value,
                shrunkInput: current.value, shrinkSteps: steps, shrinkAttempts: attempts,
                underlyingError: currentError, fileID: fileID, line: line)
        }
    }

    private func failure<Value: Sendable>(
        of value: Value, _ property: (Value) async throws -> Void,
        isolation: isolated (any Actor)? = #isolation
    ) async -> (any Error)? {
        do {
            try await property(value)
            return nil
        } catch {
            return error
        }
    }

    /// Throws unless `condition` holds; the way to state expectations inside a property.
    ///
    /// - Parameters:
    ///   - condition: The expectation.
    ///   - message: What was expected, in words.
    ///   - fileID: The checking file.
    ///   - line: The checking line.
    /// - Throws: ``PropertyViolation`` when `condition` is false.
    public static func expect(
        _ condition: Bool, _ message: @autoclosure () -> String = "expectation failed",
        fileID: String = #fileID, line: Int = #line
    ) throws(PropertyViolation) {
        if !condition { throw PropertyViolation(message(), fileID: fileID, line: line) }
    }
}

/// Runs `property` against `count` inputs made by `generator`, and on failure shrinks the
/// input to a minimal counterexample.
///
/// ```swift
/// try await forAll(.array(of: .int(in: 0...9), count: 0...20)) { digits in
///     try PropertyCheck.expect(digits.sorted().count == digits.count)
/// }
/// ```
///
/// - Parameters:
///   - generator: Makes the inputs.
///   - count: How many cases to run (at least 1).
///   - seed: The seed; `nil` reads `CXKIT_PROPERTY_SEED` or uses ``PropertyCheck/defaultSeed``.
///     Pass the seed a failure printed to replay it.
///   - shrinkLimit: The most shrink candidates to try after a failure.
///   - fileID: The calling file, for the failure report.
///   - line: The calling line, for the failure report.
///   - isolation: The caller's actor; the property runs there.
///   - property: Throws when the input violates the property; use
///     ``PropertyCheck/expect(_:_:fileID:line:)`` rather than `#expect` inside it.
/// - Throws: ``PropertyFailure`` naming the seed, case, original and shrunk input and the
///   error; ``GenerationFailure`` when the generator cannot make an input; ``CoreError``
///   with code ``ErrorCode/validationFailed`` for a `count` below 1, a negative
///   `shrinkLimit` or a malformed `CXKIT_PROPERTY_SEED`; `CancellationError` when cancelled.
public func forAll<Value>(
    _ generator: Generator<Value>, count: Int = 100, seed: UInt64? = nil, shrinkLimit: Int = 1000,
    fileID: String = #fileID, line: Int = #line, isolation: isolated (any Actor)? = #isolation,
    _ property: (Value) async throws -> Void
) async throws {
    let runner = try PropertyCheck(count: count, seed: seed, shrinkLimit: shrinkLimit)
    try await runner.check(generator, fileID: fileID, line: line, property)
}
