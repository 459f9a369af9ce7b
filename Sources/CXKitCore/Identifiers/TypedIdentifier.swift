/// A strongly typed identifier: an ``Identifier`` that can only stand for one kind of
/// entity, so a `CustomerID` can never be passed where an `OrderID` is expected.
///
/// Declaring a new identifier takes three lines; comparison, hashing, the string form and
/// `Codable` (as a plain UUID string) come from this protocol:
///
/// ```swift
/// public struct TicketID: TypedIdentifier {
///     public let rawValue: Identifier
///     public init(rawValue: Identifier) { self.rawValue = rawValue }
/// }
/// ```
public protocol TypedIdentifier: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    CustomStringConvertible, LosslessStringConvertible
where RawValue == Identifier {
    /// Wraps a raw identifier.
    ///
    /// - Parameter rawValue: The untyped 128-bit identifier.
    init(rawValue: Identifier)
}

extension TypedIdentifier {
    /// Orders typed identifiers by their raw value (creation time first).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The canonical UUID string of the raw value.
    public var description: String { rawValue.uuidString }

    /// Parses the canonical UUID string.
    ///
    /// - Parameter description: A 36-character UUID string.
    /// - Returns: `nil` when the string is malformed.
    public init?(_ description: String) {
        guard let raw = Identifier(uuidString: description) else { return nil }
        self.init(rawValue: raw)
    }

    /// Decodes the identifier from a plain UUID string.
    ///
    /// - Throws: `DecodingError` when the value is not a UUID string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try Identifier(from: decoder))
    }

    /// Encodes the identifier as a plain UUID string.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        try rawValue.encode(to: encoder)
    }
}
