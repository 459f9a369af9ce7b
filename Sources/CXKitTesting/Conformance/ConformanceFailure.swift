/// A broken expectation found by a conformance suite: names the case, what was expected
/// and where in the suite it was checked.
///
/// Conformance suites import neither XCTest nor Swift Testing; they throw this error, which
/// both frameworks report as a test failure with its description.
public struct ConformanceFailure: Error, Sendable, CustomStringConvertible {
    /// The conformance case that failed (`"commit.staleVersionWritesNothing"`).
    public let caseName: String
    /// The broken expectation, in words.
    public let expectation: String
    /// The suite source file that checked it.
    public let fileID: String
    /// The line that checked it.
    public let line: Int

    /// Creates a failure.
    ///
    /// - Parameters:
    ///   - caseName: The failing case.
    ///   - expectation: The broken expectation.
    ///   - fileID: The checking file.
    ///   - line: The checking line.
    public init(caseName: String, expectation: String, fileID: String = #fileID, line: Int = #line) {
        self.caseName = caseName
        self.expectation = expectation
        self.fileID = fileID
        self.line = line
    }

    /// `caseName: expectation (file:line)`.
    public var description: String { "\(caseName): \(expectation) (\(fileID):\(line))" }
}

/// Checks expectations inside one conformance case and throws ``ConformanceFailure``
/// naming the case when one does not hold.
public struct ConformanceExpectations: Sendable {
    /// The case being run.
    public let caseName: String

    /// Creates an expectation checker for a case.
    ///
    /// - Parameter caseName: The case being run.
    public init(caseName: String) { self.caseName = caseName }

    /// Fails the case unless `condition` holds.
    ///
    /// - Parameters:
    ///   - condition: The expectation.
    ///   - message: What was expected, in words.
    /// - Throws: ``ConformanceFailure`` when `condition` is false.
    public func expect(
        _ condition: Bool, _ message: @autoclosure () -> String, fileID: String = #fileID, line: Int = #line
    ) throws {
        if !condition {
            throw ConformanceFailure(caseName: caseName, expectation: message(), fileID: fileID, line: line)
        }
    }

    /// Fails the case unless `body` throws an error matching `matches`.
    ///
    /// - Parameters:
    ///   - message: What was expected, in words.
    ///   - matches: Decides whether the thrown error is the expected one.
    ///   - body: The operation expected to throw.
    /// - Throws: ``ConformanceFailure`` when `body` does not throw or throws another error.
    public func expectError(
        _ message: @autoclosure () -> String, fileID: String = #fileID, line: Int = #line,
        matching matches: (any Error) -> Bool, _ body: () async throws -> Void
    ) async throws {
        do {
            try await body()
        } catch {
            if matches(error) { return }
            throw ConformanceFailure(
                caseName: caseName, expectation: "\(message()); got \(error)", fileID: fileID, line: line)
        }
        throw ConformanceFailure(
            caseName: caseName, expectation: "\(message()); nothing was thrown", fileID: fileID, line: line)
    }

    /// Fails the case with a message.
    ///
    /// - Parameter message: What went wrong.
    /// - Returns: Never returns normally.
    /// - Throws: Always ``ConformanceFailure``.
    public func fail(_ message: String, fileID: String = #fileID, line: Int = #line) throws -> Never {
        throw ConformanceFailure(caseName: caseName, expectation: message, fileID: fileID, line: line)
    }
}
