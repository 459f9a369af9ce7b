/// The name of a dimension an observation can be broken down by: channel, agent, team,
/// segment, product, reason, or a host-defined one.
public struct DimensionKey: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The stable name (`"channel"`).
    public let name: String

    /// The longest name a dimension key may have.
    public static let maximumLength = 32

    /// Creates a key after validating its name.
    ///
    /// - Parameter name: 1 to 32 characters from `a–z A–Z 0–9 . _ -`, not starting with `_`
    ///   (reserved for CXKit's own keys such as ``overflow``).
    /// - Throws: ``MetricsError`` with `ErrorCode.validationFailed` naming
    ///   `dimension` when the name is empty, too long, reserved or holds other characters.
    public init(_ name: String) throws(MetricsError) {
        guard !name.isEmpty, name.utf8.count <= Self.maximumLength else {
            throw .validation(field: "dimension", reason: "must be 1 to \(Self.maximumLength) characters")
        }
        guard name.utf8.allSatisfy(MetricName.isAllowed) else {
            throw .validation(field: "dimension", reason: "may only contain A-Z, a-z, 0-9, '.', '_' and '-'")
        }
        guard !name.hasPrefix("_") else {
            throw .validation(field: "dimension", reason: "must not start with '_' (reserved)")
        }
        self.name = name
    }

    private init(builtIn name: String) { self.name = name }

    /// The contact channel (email, chat, phone, web …).
    public static let channel = DimensionKey(builtIn: "channel")
    /// The agent who handled the work.
    public static let agent = DimensionKey(builtIn: "agent")
    /// The team or group.
    public static let team = DimensionKey(builtIn: "team")
    /// The customer segment.
    public static let segment = DimensionKey(builtIn: "segment")
    /// The product.
    public static let product = DimensionKey(builtIn: "product")
    /// The reason or category.
    public static let reason = DimensionKey(builtIn: "reason")
    /// The bucket observations land in once a metric's cardinality cap is reached.
    public static let overflow = DimensionKey(builtIn: "_overflow")

    /// The key's name.
    public var description: String { name }

    /// Orders keys by name.
    ///
    /// - Parameters:
    ///   - lhs: A key.
    ///   - rhs: Another key.
    /// - Returns: Whether `lhs` sorts first.
    public static func < (lhs: DimensionKey, rhs: DimensionKey) -> Bool { lhs.name < rhs.name }

    /// Decodes and validates a key.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the name is invalid.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        if name == Self.overflow.name {
            self = .overflow
            return
        }
        do {
            try self.init(name)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the name as a string.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
