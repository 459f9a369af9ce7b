import CXKitCore

/// The reference ``InventoryGateway``: stock per variant, holds and restocks by reference,
/// alternatives per product; thread-safe.
public final class InMemoryInventoryGateway: InventoryGateway {
    private struct State {
        var stock: [VariantID: Int] = [:]
        var productOf: [VariantID: ProductID] = [:]
        var holds: [HashedReference: (VariantID, Int)] = [:]
        var restocks: [HashedReference: (ProductID, VariantID?, Int)] = [:]
        var failuresLeft = 0
    }

    private let state = Locked(State())

    /// Creates an inventory with no stock.
    public init() {}

    /// Sets the available stock of a variant.
    ///
    /// - Parameters:
    ///   - quantity: Units available.
    ///   - variant: The variant.
    ///   - product: Its product (for alternatives).
    public func setStock(_ quantity: Int, of variant: VariantID, product: ProductID) {
        state.withLock {
            $0.stock[variant] = max(0, quantity)
            $0.productOf[variant] = product
        }
    }

    /// Makes the next `count` mutating calls fail.
    ///
    /// - Parameter count: How many calls fail.
    public func failNext(_ count: Int) { state.withLock { $0.failuresLeft = max(0, count) } }

    /// Units available to sell.
    ///
    /// - Parameters:
    ///   - variant: The variant.
    ///   - tenant: The tenant (the reference keeps one inventory for all tenants).
    /// - Returns: Units available.
    /// - Throws: Nothing in practice; the signature follows ``InventoryGateway``.
    public func availableQuantity(of variant: VariantID, in tenant: TenantID) async throws -> Int {
        state.withLock { $0.stock[variant, default: 0] }
    }

    /// In-stock variants of the same product, by most stock.
    ///
    /// - Parameters:
    ///   - variant: The wanted variant.
    ///   - product: Its product.
    ///   - tenant: The tenant.
    /// - Returns: The alternatives.
    /// - Throws: Nothing in practice; the signature follows ``InventoryGateway``.
    public func alternatives(to variant: VariantID, of product: ProductID, in tenant: TenantID) async throws
        -> [VariantID]
    {
        state.withLock { state in
            state.stock.filter { $0.key != variant && $0.value > 0 && state.productOf[$0.key] == product }
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        }
    }

    /// Holds stock; a repeated reference returns the first answer.
    ///
    /// - Parameters:
    ///   - quantity: Units to hold.
    ///   - variant: The variant.
    ///   - reference: The hold's reference.
    ///   - tenant: The tenant.
    /// - Returns: Whether the units are held.
    /// - Throws: ``ReturnsError`` with `.dependencyFailure` while failures are injected.
    public func hold(_ quantity: Int, of variant: VariantID, reference: String, in tenant: TenantID)
        async throws
        -> Bool
    {
        try state.withLock { state throws(ReturnsError) in
            try Self.consumeFailure(&state)
            let reference = HashedReference(reference)
            if let existing = state.holds[reference] { return existing.0 == variant }
            guard quantity > 0, state.stock[variant, default: 0] >= quantity else { return false }
            state.stock[variant, default: 0] -= quantity
            state.holds[reference] = (variant, quantity)
            return true
        }
    }

    /// Releases a hold, returning its units to stock.
    ///
    /// - Parameters:
    ///   - reference: The hold's reference.
    ///   - tenant: The tenant.
    /// - Throws: ``ReturnsError`` with `.dependencyFailure` while failures are injected.
    public func releaseHold(reference: String, in tenant: TenantID) async throws {
        try state.withLock { state throws(ReturnsError) in
            try Self.consumeFailure(&state)
            guard let (variant, quantity) = state.holds.removeValue(forKey: HashedReference(reference)) else {
                return
            }
            state.stock[variant, default: 0] += quantity
        }
    }

    /// Restocks units once per reference.
    ///
    /// - Parameters:
    ///   - quantity: Units.
    ///   - product: The product.
    ///   - variant: The variant, if any.
    ///   - reference: The restock's reference.
    ///   - tenant: The tenant.
    /// - Throws: ``ReturnsError`` with `.dependencyFailure` while failures are injected.
    public func restock(
        _ quantity: Int, of product: ProductID, variant: VariantID?, reference: String, in tenant: TenantID
    ) async throws {
        try state.withLock { state throws(ReturnsError) in
            try Self.consumeFailure(&state)
            let reference = HashedReference(reference)
            guard state.restocks[reference] == nil else { return }
            state.restocks[reference] = (product, variant, quantity)
            if let variant { state.stock[variant, default: 0] += quantity }
        }
    }

    /// Units restocked so far, over all references.
    public var restockedUnits: Int { state.withLock { $0.restocks.values.reduce(0) { $0 + $1.2 } } }

    /// Units currently held.
    public var heldUnits: Int { state.withLock { $0.holds.values.reduce(0) { $0 + $1.1 } } }

    private static func consumeFailure(_ state: inout State) throws(ReturnsError) {
        if state.failuresLeft > 0 {
            state.failuresLeft -= 1
            throw ReturnsError(code: .dependencyFailure, reason: "inventory unavailable")
        }
    }
}
