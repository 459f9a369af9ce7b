import Foundation

/// A stored rule: the JSON format version and the condition,
/// `{"version": 1, "condition": {…}}`. See ``Rule`` for the condition shape.
public struct RuleDocument: Hashable, Sendable, Codable {
    /// The format version this library reads and writes.
    public static let currentVersion = 1

    /// The format version; always ``currentVersion`` for documents this library accepts.
    public let version: Int
    /// The condition.
    public let condition: Rule

    /// Wraps a condition in a current-version document.
    ///
    /// - Parameter condition: The condition.
    public init(_ condition: Rule) {
        self.version = RuleDocument.currentVersion
        self.condition = condition
    }

    private enum CodingKeys: String, CodingKey {
        case version
        case condition
    }

    /// Decodes a document.
    ///
    /// - Throws: ``CoreError`` `.validationFailed` with field `"version"` for a missing or
    ///   unsupported version, and the errors of ``Rule/init(from:)`` for the condition.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let version = try? container.decode(Int.self, forKey: .version) else {
            throw CoreError.validation(
                field: CodingPathText.field(decoder.codingPath, appending: "version"),
                reason: "must be a number")
        }
        guard version == RuleDocument.currentVersion else {
            throw CoreError.validation(
                field: CodingPathText.field(decoder.codingPath, appending: "version"),
                reason: "is not supported; this library reads version \(RuleDocument.currentVersion)")
        }
        guard container.contains(.condition) else {
            throw CoreError.validation(
                field: CodingPathText.field(decoder.codingPath, appending: "condition"), reason: "is required"
            )
        }
        self.version = version
        self.condition = try container.decode(Rule.self, forKey: .condition)
    }

    /// Encodes `{"version": 1, "condition": …}`.
    ///
    /// - Throws: `EncodingError` for a non-finite number; whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(condition, forKey: .condition)
    }

    /// Decodes a document from JSON bytes, reporting every problem as a ``CoreError``.
    ///
    /// - Parameter data: UTF-8 JSON.
    /// - Returns: The document (not yet checked against a schema; see ``RuleSchema``).
    /// - Throws: ``CoreError`` `.validationFailed` (or `.limitExceeded`) naming the JSON path;
    ///   malformed JSON is reported with field `"document"`.
    public static func decode(from data: Data) throws -> RuleDocument {
        do {
            return try JSONDecoder().decode(RuleDocument.self, from: data)
        } catch let error as CoreError {
            throw error
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
            let DecodingError.keyNotFound(_, context)
        {
            throw CoreError.validation(
                field: CodingPathText.field(context.codingPath, root: "document"),
                reason: "has the wrong shape")
        } catch let DecodingError.dataCorrupted(context) {
            if let underlying = context.underlyingError as? CoreError { throw underlying }
            throw CoreError.validation(
                field: CodingPathText.field(context.codingPath, root: "document"), reason: "is not valid JSON"
            )
        } catch {
            throw CoreError.validation(field: "document", reason: "is not valid JSON")
        }
    }

    /// Encodes the document as JSON with sorted keys (stable for storage and diffs).
    ///
    /// - Returns: UTF-8 JSON.
    /// - Throws: `EncodingError` for a non-finite number.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }
}
