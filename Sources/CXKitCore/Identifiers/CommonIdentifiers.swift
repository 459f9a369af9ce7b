// Identifiers shared across modules. Domain modules never import each other; they meet
// through these values.

/// Identifies a customer (an end user of the host's business) within a tenant.
public struct CustomerID: TypedIdentifier {
    /// The untyped identifier.
    public let rawValue: Identifier
    /// Wraps a raw identifier.
    /// - Parameter rawValue: The untyped identifier.
    public init(rawValue: Identifier) { self.rawValue = rawValue }
}

/// Identifies an order placed in the host's commerce system.
public struct OrderID: TypedIdentifier {
    /// The untyped identifier.
    public let rawValue: Identifier
    /// Wraps a raw identifier.
    /// - Parameter rawValue: The untyped identifier.
    public init(rawValue: Identifier) { self.rawValue = rawValue }
}

/// Identifies one line of an order.
public struct OrderLineID: TypedIdentifier {
    /// The untyped identifier.
    public let rawValue: Identifier
    /// Wraps a raw identifier.
    /// - Parameter rawValue: The untyped identifier.
    public init(rawValue: Identifier) { self.rawValue = rawValue }
}

/// Identifies a product in the host's catalogue.
public struct ProductID: TypedIdentifier {
    /// The untyped identifier.
    public let rawValue: Identifier
    /// Wraps a raw identifier.
    /// - Parameter rawValue: The untyped identifier.
    public init(rawValue: Identifier) { self.rawValue = rawValue }
}

/// Identifies a purchasable variant (size, colour …) of a product.
public struct VariantID: TypedIdentifier {
    /// The untyped identifier.
    public let rawValue: Identifier
    /// Wraps a raw identifier.
    /// - Parameter rawValue: The untyped identifier.
    public init(rawValue: Identifier) { self.rawValue = rawValue }
}

/// Identifies a staff member (agent, moderator, warehouse worker, administrator).
public struct StaffID: TypedIdentifier {
    /// The untyped identifier.
    public let rawValue: Identifier
    /// Wraps a raw identifier.
    /// - Parameter rawValue: The untyped identifier.
    public init(rawValue: Identifier) { self.rawValue = rawValue }
}

/// Identifies a department or team (support tiers, warehouse, finance …).
public struct DepartmentID: TypedIdentifier {
    /// The untyped identifier.
    public let rawValue: Identifier
    /// Wraps a raw identifier.
    /// - Parameter rawValue: The untyped identifier.
    public init(rawValue: Identifier) { self.rawValue = rawValue }
}

/// Identifies a domain event; consumers deduplicate deliveries on it.
public struct EventID: TypedIdentifier {
    /// The untyped identifier.
    public let rawValue: Identifier
    /// Wraps a raw identifier.
    /// - Parameter rawValue: The untyped identifier.
    public init(rawValue: Identifier) { self.rawValue = rawValue }
}
