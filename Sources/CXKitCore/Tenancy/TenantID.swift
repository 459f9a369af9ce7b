/// Identifies a tenant: one customer-experience space whose data is never visible to any
/// other. Every store, index and service call takes one.
///
/// A tenant ID is a short slug chosen by the host (`"acme"`, `"shop-tr-01"`): 1 to 64
/// characters from `A–Z a–z 0–9 - _ .`.
public struct TenantID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The slug.
    public let rawValue: String

    /// The largest number of characters a tenant slug may have.
    public static let maximumLength = 64

    /// Creates a tenant ID after validating the slug.
    ///
    /// - Parameter rawValue: The slug.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` naming the field
    ///   `tenant` when the slug is empty, too long or holds other characters.
    public init(_ rawValue: String) throws(CoreError) {
        guard !rawValue.isEmpty else {
            throw CoreError.validation(field: "tenant", reason: "must not be empty")
        }
        guard rawValue.utf8.count <= Self.maximumLength else {
            throw CoreError.validation(
                field: "tenant", reason: "must be at most \(Self.maximumLength) characters")
        }
        guard rawValue.utf8.allSatisfy(Self.isAllowed) else {
            throw CoreError.validation(
                field: "tenant", reason: "may only contain A-Z, a-z, 0-9, '-', '_' and '.'")
        }
        self.rawValue = rawValue
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
            UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    /// The slug.
    public var description: String { rawValue }

    /// Orders tenants by slug.
    public static func < (lhs: TenantID, rhs: TenantID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes and validates a slug.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the slug is invalid.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the slug as a string.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
