/// Decides whether a principal may perform an operation on a target.
///
/// ``PermissionMatrix`` is the default policy: data the host can inspect, override,
/// store and print. Hosts with other needs (attribute-based rules, an external policy
/// engine they cache locally) implement this protocol themselves; every service
/// operation asks it before touching data. Implementations must deny any target whose
/// tenant differs from the principal's.
public protocol AccessPolicy: Sendable {
    /// Decides one access.
    ///
    /// - Parameters:
    ///   - principal: Who is acting.
    ///   - operation: What they want to do.
    ///   - ownership: Whose data the target is, relative to `principal`.
    ///   - tenant: The tenant the target lives in.
    /// - Returns: ``AccessDecision/allow`` or a denial with its reason.
    func decide(
        _ principal: Principal, _ operation: AccessOperation, ownership: Ownership, tenant: TenantID
    ) -> AccessDecision
}

extension AccessPolicy {
    /// Checks one access and throws when it is denied; services call this first.
    ///
    /// ```swift
    /// try policy.authorize(principal, .submitReturn,
    ///                      ownership: Ownership(owner: order.customer, principal: principal),
    ///                      tenant: tenant)
    /// ```
    ///
    /// - Parameters:
    ///   - principal: Who is acting.
    ///   - operation: What they want to do.
    ///   - ownership: Whose data the target is, relative to `principal`.
    ///   - tenant: The tenant the target lives in.
    /// - Throws: ``CoreError`` with code ``ErrorCode/permissionDenied`` when the policy
    ///   denies; its reason names the operation, the principal's kind and roles and the
    ///   denial reason, never personal data.
    public func authorize(
        _ principal: Principal, _ operation: AccessOperation, ownership: Ownership, tenant: TenantID
    ) throws(CoreError) {
        let decision = decide(principal, operation, ownership: ownership, tenant: tenant)
        guard case .deny(let reason) = decision else { return }
        throw AccessDenialMessage.error(
            principal: principal, operation: operation, ownership: ownership, reason: reason)
    }
}

/// Builds the personal-data-free message of a permission denial.
enum AccessDenialMessage {
    static func error(
        principal: Principal, operation: AccessOperation, ownership: Ownership,
        reason: AccessDecision.DenialReason
    ) -> CoreError {
        let roles = principal.roles.sorted().map(\.rawValue).joined(separator: ", ")
        let target: String
        switch ownership {
        case .own: target = "their own data"
        case .others: target = "another person's data"
        case .tenant: target = "tenant-level data"
        }
        let text =
            "\(principal.kind.rawValue) with roles [\(roles)] may not perform \(operation.name) "
            + "on \(target): \(reason.description)"
        return CoreError(code: .permissionDenied, reason: text)
    }
}
