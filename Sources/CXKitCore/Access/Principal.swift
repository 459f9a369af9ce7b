/// Who is acting: every mutating operation and every read takes one.
///
/// A principal belongs to exactly one tenant; operations on another tenant's data are
/// refused whatever its roles.
public struct Principal: Hashable, Sendable, Codable {
    /// What kind of actor this is.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// An end customer.
        case customer
        /// A community member who is not (known to be) a customer.
        case member
        /// A staff member (agent, moderator, warehouse, finance, analyst …).
        case staff
        /// A tenant administrator.
        case admin
        /// The platform itself.
        case system
    }

    /// The actor's identity: a customer's ``CustomerID`` raw value, a staff member's
    /// ``StaffID`` raw value, or a fixed value for the system.
    public let id: Identifier
    /// What kind of actor this is.
    public let kind: Kind
    /// The tenant the principal acts in.
    public let tenant: TenantID
    /// The roles the principal holds.
    public let roles: Set<Role>
    /// The principal's department, for staff.
    public let department: DepartmentID?

    /// Creates a principal.
    ///
    /// - Parameters:
    ///   - id: The actor's identity.
    ///   - kind: What kind of actor this is.
    ///   - tenant: The tenant it acts in.
    ///   - roles: The roles it holds.
    ///   - department: Its department, for staff.
    public init(
        id: Identifier, kind: Kind, tenant: TenantID, roles: Set<Role>,
        department: DepartmentID? = nil
    ) {
        self.id = id
        self.kind = kind
        self.tenant = tenant
        self.roles = roles
        self.department = department
    }

    /// A customer acting on their own behalf (roles `customer` and `member`).
    ///
    /// - Parameters:
    ///   - customer: The customer.
    ///   - tenant: Their tenant.
    public static func customer(_ customer: CustomerID, in tenant: TenantID) -> Principal {
        Principal(id: customer.rawValue, kind: .customer, tenant: tenant, roles: customerRoles)
    }

    // The fixed role sets of the factory methods, built once and shared (a set literal
    // would allocate and hash its roles on every call).
    private static let customerRoles: Set<Role> = [.customer, .member]
    private static let adminRoles: Set<Role> = [.admin]
    private static let systemRoles: Set<Role> = [.system]

    /// A staff member with the given roles.
    ///
    /// - Parameters:
    ///   - staff: The staff member.
    ///   - roles: Their roles (`agent`, `warehouse` …).
    ///   - tenant: Their tenant.
    ///   - department: Their department, if any.
    public static func staff(
        _ staff: StaffID, roles: Set<Role>, in tenant: TenantID, department: DepartmentID? = nil
    ) -> Principal {
        Principal(id: staff.rawValue, kind: .staff, tenant: tenant, roles: roles, department: department)
    }

    /// A tenant administrator.
    ///
    /// - Parameters:
    ///   - staff: The administrator's staff identity.
    ///   - tenant: Their tenant.
    public static func admin(_ staff: StaffID, in tenant: TenantID) -> Principal {
        Principal(id: staff.rawValue, kind: .admin, tenant: tenant, roles: adminRoles)
    }

    /// The platform itself, acting in a tenant (scheduled sweeps, cross-module flows).
    ///
    /// - Parameter tenant: The tenant it acts in.
    public static func system(in tenant: TenantID) -> Principal {
        Principal(id: Identifier(high: 0, low: 1), kind: .system, tenant: tenant, roles: systemRoles)
    }

    /// The customer this principal is, when it is a customer.
    public var customerID: CustomerID? { kind == .customer ? CustomerID(rawValue: id) : nil }

    /// The staff member this principal is, when it is staff or an administrator.
    public var staffID: StaffID? { kind == .staff || kind == .admin ? StaffID(rawValue: id) : nil }

    /// Whether the principal holds `role`.
    ///
    /// - Parameter role: The role to look for.
    public func has(_ role: Role) -> Bool { roles.contains(role) }
}
