import Foundation

/// A `Codable` value carried through the store without being encoded on the hot path.
///
/// The in-memory store keeps the Swift value as it is; a SQL or key-value backend stores
/// ``jsonData()`` and hands back a payload made with ``init(json:)``. Either way
/// ``decode(_:)`` returns the typed value, so callers never see the difference.
public struct Payload: Sendable, Codable {
    private enum Storage: Sendable {
        case value(any Codable & Sendable)
        case json(Data)
    }

    private let storage: Storage

    /// Wraps a value.
    ///
    /// - Parameter value: Any `Codable`, `Sendable` value.
    public init(_ value: some Codable & Sendable) {
        self.storage = .value(value)
    }

    /// Wraps JSON read back from a backend.
    ///
    /// - Parameter json: The UTF-8 JSON produced by ``jsonData()``.
    public init(json: Data) {
        self.storage = .json(json)
    }

    /// The wrapped value when the payload holds a Swift value, else `nil`.
    public var value: (any Codable & Sendable)? {
        if case .value(let value) = storage { return value }
        return nil
    }

    /// Returns the payload as `T`: a cast when it holds a `T`, a JSON decode otherwise.
    ///
    /// - Parameter type: The expected type.
    /// - Throws: `DecodingError` when the JSON does not decode as `T`, or
    ///   ``CoreError`` with ``ErrorCode/validationFailed`` when the held value is another type.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        switch storage {
        case .value(let value):
            if let typed = value as? T { return typed }
            return try JSONDecoder().decode(T.self, from: try JSONEncoder().encode(value))
        case .json(let data):
            return try JSONDecoder().decode(T.self, from: data)
        }
    }

    /// The payload as UTF-8 JSON with sorted keys (stable bytes for storage and hashing).
    ///
    /// - Throws: `EncodingError` when the value cannot be encoded.
    public func jsonData() throws -> Data {
        switch storage {
        case .value(let value):
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            return try encoder.encode(value)
        case .json(let data):
            return data
        }
    }

    /// The payload as a ``JSONValue`` tree.
    ///
    /// - Throws: `EncodingError` or `DecodingError` when the value is not representable.
    public func jsonValue() throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: try jsonData())
    }

    /// Decodes a payload from any JSON value (kept as JSON).
    ///
    /// - Throws: `DecodingError` when the input is not JSON.
    public init(from decoder: any Decoder) throws {
        let tree = try JSONValue(from: decoder)
        self.storage = .json(try JSONEncoder().encode(tree))
    }

    /// Encodes the payload as nested JSON.
    ///
    /// - Throws: `EncodingError` when the value cannot be encoded.
    public func encode(to encoder: any Encoder) throws {
        switch storage {
        case .value(let value): try value.encode(to: encoder)
        case .json: try jsonValue().encode(to: encoder)
        }
    }
}
