/// Whose data an operation touches, seen from the acting principal.
///
/// Access decisions depend on it: a customer may read their *own* return but not
/// *another* customer's; an agent may read both; only an administrator may change
/// *tenant*-level configuration.
public enum Ownership: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// The principal's own data (a customer's own return, a member's own post).
    case own
    /// Another person's data in the same tenant.
    case others
    /// Tenant-level data that no single person owns (configuration, policies, reports,
    /// the outbox).
    case tenant

    /// Classifies a target by its owner.
    ///
    /// - Parameters:
    ///   - owner: The identity of the person who owns the target, or `nil` when the target
    ///     belongs to the tenant as a whole.
    ///   - principal: The acting principal.
    /// - Returns: ``tenant`` when `owner` is `nil`, ``own`` when it is the principal's
    ///   identity, ``others`` otherwise.
    public init(owner: Identifier?, principal: Principal) {
        guard let owner else {
            self = .tenant
            return
        }
        self = owner == principal.id ? .own : .others
    }

    /// Classifies a target by its typed owner (`CustomerID`, `StaffID` …).
    ///
    /// - Parameters:
    ///   - owner: The owner of the target, or `nil` for tenant-level data.
    ///   - principal: The acting principal.
    /// - Returns: ``tenant`` when `owner` is `nil`, ``own`` when it is the principal's
    ///   identity, ``others`` otherwise.
    @inlinable
    public init<Owner: TypedIdentifier>(owner: Owner?, principal: Principal) {
        self.init(owner: owner?.rawValue, principal: principal)
    }

    /// The ownership's stable name (`own`, `others`, `tenant`).
    public var description: String { rawValue }

    /// The bit this ownership takes in an ``OwnershipScope``.
    @usableFromInline
    var bitValue: UInt8 {
        switch self {
        case .own: 1
        case .others: 2
        case .tenant: 4
        }
    }
}
