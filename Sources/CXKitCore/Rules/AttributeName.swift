/// The name of an attribute a rule can test, such as `"customer.country"` or
/// `"order.total"`: dotted lower-case words by convention, declared in a ``RuleSchema``.
public struct AttributeName: Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The name as written in rule documents.
    public let rawValue: String

    /// Creates a name.
    ///
    /// - Parameter rawValue: The name; checked when a ``RuleSchema`` declares it.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Creates a name from a string literal.
    ///
    /// - Parameter value: The name.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The name.
    public var description: String { rawValue }

    /// Orders names alphabetically.
    public static func < (lhs: AttributeName, rhs: AttributeName) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes the name from a string.
    ///
    /// - Throws: `DecodingError` when the value is not a string.
    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the name as a string.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Whether the name is 1–128 characters of ASCII letters, digits, `_`, `.` and `-`.
    var isWellFormed: Bool {
        let bytes = rawValue.utf8
        guard !bytes.isEmpty, bytes.count <= 128 else { return false }
        return bytes.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
    }
}
