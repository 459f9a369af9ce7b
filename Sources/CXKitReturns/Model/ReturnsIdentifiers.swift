import CXKitCore

// Identifiers owned by the returns module.

/// Identifies a return request (an RMA) within a tenant.
public struct ReturnRequestID: TypedIdentifier {
    /// The untyped identifier.
    public let rawValue: Identifier
    /// Wraps a raw identifier.
    /// - Parameter rawValue: The untyped identifier.
    public init(rawValue: Identifier) { self.rawValue = rawValue }
}

/// Identifies one item (an order line and quantity) of a return request.
public struct ReturnItemID: TypedIdentifier {
    /// The untyped identifier.
    public let rawValue: Identifier
    /// Wraps a raw identifier.
    /// - Parameter rawValue: The untyped identifier.
    public init(rawValue: Identifier) { self.rawValue = rawValue }
}

/// Identifies a refund of a return request.
public struct RefundID: TypedIdentifier {
    /// The untyped identifier.
    public let rawValue: Identifier
    /// Wraps a raw identifier.
    /// - Parameter rawValue: The untyped identifier.
    public init(rawValue: Identifier) { self.rawValue = rawValue }
}
