import CXKitCore

/// A complete synthetic tenant: a product catalogue, customers and their orders, made by
/// ``FixtureGenerator/makeTenant(_:customers:products:ordersPerCustomer:currency:)``.
public struct TenantFixture: Hashable, Sendable, Codable {
    /// The tenant.
    public let tenant: TenantID
    /// The currency of every price and order.
    public let currency: String
    /// The catalogue.
    public let products: [ProductFixture]
    /// The customers, in signup order.
    public let customers: [CustomerFixture]
    /// The orders, in the order they were placed.
    public let orders: [OrderFixture]

    /// Creates a tenant fixture.
    ///
    /// - Parameters:
    ///   - tenant: The tenant.
    ///   - currency: The currency.
    ///   - products: The catalogue.
    ///   - customers: The customers.
    ///   - orders: The orders.
    public init(
        tenant: TenantID, currency: String, products: [ProductFixture], customers: [CustomerFixture],
        orders: [OrderFixture]
    ) {
        self.tenant = tenant
        self.currency = currency
        self.products = products
        self.customers = customers
        self.orders = orders
    }

    /// The orders one customer placed, in the order they were placed.
    ///
    /// - Parameter customer: The customer.
    /// - Returns: Their orders.
    public func orders(of customer: CustomerID) -> [OrderFixture] {
        orders.filter { $0.customer == customer }
    }

    /// The product with an identifier.
    ///
    /// - Parameter id: The product's identifier.
    /// - Returns: The product, or `nil` when the catalogue has none with that identifier.
    public func product(_ id: ProductID) -> ProductFixture? {
        products.first { $0.id == id }
    }
}
