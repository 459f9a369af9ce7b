/// A property's expectation did not hold; thrown by ``PropertyCheck/expect(_:_:fileID:line:)``.
///
/// Properties should throw rather than use Swift Testing's `#expect` or `#require`: the
/// runner evaluates a failing property many times while shrinking, and each of those
/// macros would record a separate test issue for every attempt.
public struct PropertyViolation: Error, CustomStringConvertible {
    /// What was expected, in words.
    public let message: String
    /// The file that checked it.
    public let fileID: String
    /// The line that checked it.
    public let line: Int

    /// Creates a violation.
    ///
    /// - Parameters:
    ///   - message: What was expected.
    ///   - fileID: The checking file.
    ///   - line: The checking line.
    public init(_ message: String, fileID: String = #fileID, line: Int = #line) {
        self.message = message
        self.fileID = fileID
        self.line = line
    }

    /// `message (file:line)`.
    public var description: String { "\(message) (\(fileID):\(line))" }
}
