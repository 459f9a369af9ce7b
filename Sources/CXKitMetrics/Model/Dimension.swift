/// One key/value pair an observation is tagged with (`channel = chat`).
public struct Dimension: Hashable, Comparable, Sendable, Codable {
    /// The dimension.
    public let key: DimensionKey
    /// Its value for the observation.
    public let value: String

    /// The longest value (in UTF-8 bytes) a dimension may have.
    public static let maximumValueLength = 128

    /// Creates a pair after validating the value.
    ///
    /// - Parameters:
    ///   - key: The dimension.
    ///   - value: 1 to 128 UTF-8 bytes without control characters.
    /// - Throws: ``MetricsError`` with `ErrorCode.validationFailed` naming
    ///   `dimensions.<key>` when the value is empty, too long or holds control characters.
    public init(_ key: DimensionKey, _ value: String) throws(MetricsError) {
        guard !value.isEmpty, value.utf8.count <= Self.maximumValueLength else {
            throw .validation(
                field: "dimensions.\(key.name)", reason: "must be 1 to \(Self.maximumValueLength) bytes")
        }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .validation(field: "dimensions.\(key.name)", reason: "must not contain control characters")
        }
        self.key = key
        self.value = value
    }

    init(unchecked key: DimensionKey, _ value: String) {
        self.key = key
        self.value = value
    }

    /// Orders pairs by key, then value.
    ///
    /// - Parameters:
    ///   - lhs: A pair.
    ///   - rhs: Another pair.
    /// - Returns: Whether `lhs` sorts first.
    public static func < (lhs: Dimension, rhs: Dimension) -> Bool {
        (lhs.key.name, lhs.value) < (rhs.key.name, rhs.value)
    }

    private enum CodingKeys: String, CodingKey { case key, value }

    /// Decodes and validates a pair.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the value is invalid.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let key = try container.decode(DimensionKey.self, forKey: .key)
        let value = try container.decode(String.self, forKey: .value)
        if key == .overflow {
            self.init(unchecked: key, value)
            return
        }
        do {
            try self.init(key, value)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .value, in: container, debugDescription: error.description)
        }
    }

    /// Encodes the key and value.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(value, forKey: .value)
    }
}
