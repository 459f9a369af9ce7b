/// A set of ``Ownership`` values: which targets an operation applies to, or which targets a
/// role is granted an operation on.
///
/// ```swift
/// let agentScope: OwnershipScope = [.own, .others]
/// agentScope.contains(.others)   // true
/// ```
///
/// Encoded as a sorted array of ownership names (`["others", "own"]`).
public struct OwnershipScope: OptionSet, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The set's bits: 1 for ``Ownership/own``, 2 for ``Ownership/others``, 4 for
    /// ``Ownership/tenant``.
    public let rawValue: UInt8

    /// Creates a scope from its bits; bits other than the three known ones are dropped.
    ///
    /// - Parameter rawValue: The bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue & 0b111 }

    /// Creates a scope holding exactly one ownership.
    ///
    /// - Parameter ownership: The ownership.
    public init(_ ownership: Ownership) { self.rawValue = ownership.bitValue }

    /// Creates a scope holding the given ownerships.
    ///
    /// - Parameter ownerships: The ownerships.
    public init(_ ownerships: some Sequence<Ownership>) {
        self.rawValue = ownerships.reduce(0) { $0 | $1.bitValue }
    }

    /// The principal's own data.
    public static let own = OwnershipScope(.own)
    /// Other people's data in the same tenant.
    public static let others = OwnershipScope(.others)
    /// Tenant-level data.
    public static let tenant = OwnershipScope(.tenant)
    /// Anyone's personal data: ``own`` and ``others``.
    public static let anyone: OwnershipScope = [.own, .others]
    /// Every ownership.
    public static let all: OwnershipScope = [.own, .others, .tenant]

    /// Whether the scope includes `ownership`.
    ///
    /// - Parameter ownership: The ownership to look for.
    /// - Returns: `true` when it is in the set.
    @inlinable
    public func contains(_ ownership: Ownership) -> Bool {
        rawValue & ownership.bitValue != 0
    }

    /// The ownerships in the set, in declaration order (own, others, tenant).
    public var ownerships: [Ownership] { Ownership.allCases.filter { contains($0) } }

    /// The ownership names joined by commas (`"own, others"`), or `"none"` when empty.
    public var description: String {
        isEmpty ? "none" : ownerships.map(\.rawValue).joined(separator: ", ")
    }

    /// Decodes a scope from an array of ownership names.
    ///
    /// - Throws: `DecodingError` when the value is not an array of known ownership names.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(try container.decode([Ownership].self))
    }

    /// Encodes the scope as an array of ownership names in declaration order.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(ownerships)
    }
}
