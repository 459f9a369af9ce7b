import CXKitCore
import Foundation

/// Fixed tenants, principals and instants shared by the returns tests.
enum TestPrincipals {
    // swift-format-ignore: NeverUseForceTry
    static let tenant = try! TenantID("shop-a")
    // swift-format-ignore: NeverUseForceTry
    static let otherTenant = try! TenantID("shop-b")
    static let customerID = CustomerID(rawValue: Identifier(high: 0xC, low: 0x1))
    static let otherCustomerID = CustomerID(rawValue: Identifier(high: 0xC, low: 0x2))
    static let customer = Principal.customer(customerID, in: tenant)
    static let otherCustomer = Principal.customer(otherCustomerID, in: tenant)
    static let agent = Principal.staff(
        StaffID(rawValue: Identifier(high: 0xD, low: 1)), roles: [.agent], in: tenant)
    static let warehouse = Principal.staff(
        StaffID(rawValue: Identifier(high: 0xD, low: 2)), roles: [.warehouse], in: tenant)
    static let finance = Principal.staff(
        StaffID(rawValue: Identifier(high: 0xD, low: 3)), roles: [.finance], in: tenant)
    static let admin = Principal.admin(StaffID(rawValue: Identifier(high: 0xD, low: 4)), in: tenant)
    static let system = Principal.system(in: tenant)
    /// 2026-01-05T09:00:00Z, a Monday.
    static let monday = Date(timeIntervalSince1970: 1_767_603_600)
}
