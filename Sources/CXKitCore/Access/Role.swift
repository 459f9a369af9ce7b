/// A role a principal holds. Roles are an open set: the well-known ones below are used by
/// the default access policy, and hosts may define their own.
public struct Role: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The role's stable name.
    public let rawValue: String

    /// Creates a role from its name.
    ///
    /// - Parameter rawValue: The role's stable name.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Creates a role from a string literal.
    ///
    /// - Parameter value: The role's name.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The role's name.
    public var description: String { rawValue }

    /// Orders roles by name.
    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes a role from its name.
    ///
    /// - Throws: `DecodingError` when the value is not a string.
    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the role as its name.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// A customer acting on their own data.
    public static let customer: Role = "customer"
    /// A community member (may also be a customer).
    public static let member: Role = "member"
    /// A community moderator.
    public static let moderator: Role = "moderator"
    /// A support agent.
    public static let agent: Role = "agent"
    /// A support supervisor or team lead.
    public static let supervisor: Role = "supervisor"
    /// Warehouse staff who receive and inspect returned goods.
    public static let warehouse: Role = "warehouse"
    /// Finance staff who settle refunds.
    public static let finance: Role = "finance"
    /// An analyst who reads reports and metrics.
    public static let analyst: Role = "analyst"
    /// A tenant administrator.
    public static let admin: Role = "admin"
    /// The platform itself (scheduled sweeps, cross-module flows).
    public static let system: Role = "system"
}
