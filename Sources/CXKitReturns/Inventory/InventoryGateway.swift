import CXKitCore
import Foundation

/// The port to the host's inventory: stock checks and holds for exchanges, restocking of
/// resellable returned units.
///
/// Every mutating call carries a `reference` and must be idempotent per reference, so a
/// service retry after an ambiguous failure never restocks or holds twice.
/// ``InMemoryInventoryGateway`` is the reference.
public protocol InventoryGateway: Sendable {
    /// Units of a variant available to sell.
    ///
    /// - Parameters:
    ///   - variant: The variant.
    ///   - tenant: The tenant.
    /// - Returns: The available quantity.
    /// - Throws: Any error from the inventory system.
    func availableQuantity(of variant: VariantID, in tenant: TenantID) async throws -> Int

    /// Variants to offer when the wanted one is out of stock (same product first).
    ///
    /// - Parameters:
    ///   - variant: The wanted variant.
    ///   - product: Its product.
    ///   - tenant: The tenant.
    /// - Returns: In-stock alternatives, best first.
    /// - Throws: Any error from the inventory system.
    func alternatives(to variant: VariantID, of product: ProductID, in tenant: TenantID) async throws
        -> [VariantID]

    /// Holds stock for an exchange (for instant exchanges, until the return arrives).
    ///
    /// - Parameters:
    ///   - quantity: Units to hold.
    ///   - variant: The variant.
    ///   - reference: The hold's idempotency reference.
    ///   - tenant: The tenant.
    /// - Returns: `true` when held, `false` when not enough stock.
    /// - Throws: Any error from the inventory system.
    func hold(_ quantity: Int, of variant: VariantID, reference: String, in tenant: TenantID) async throws
        -> Bool

    /// Releases a hold (cancelled or expired return). Unknown references are ignored.
    ///
    /// - Parameters:
    ///   - reference: The hold's reference.
    ///   - tenant: The tenant.
    /// - Throws: Any error from the inventory system.
    func releaseHold(reference: String, in tenant: TenantID) async throws

    /// Puts returned units back on sale.
    ///
    /// - Parameters:
    ///   - quantity: Units restocked.
    ///   - product: The product.
    ///   - variant: The variant, if any.
    ///   - reference: The restock's idempotency reference.
    ///   - tenant: The tenant.
    /// - Throws: Any error from the inventory system.
    func restock(
        _ quantity: Int, of product: ProductID, variant: VariantID?, reference: String, in tenant: TenantID
    ) async throws
}
