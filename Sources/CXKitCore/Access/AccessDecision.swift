/// The answer of an ``AccessPolicy``: allow, or deny with a reason.
public enum AccessDecision: Hashable, Sendable, CustomStringConvertible {
    /// The principal may perform the operation.
    case allow
    /// The principal may not perform the operation.
    case deny(DenialReason)

    /// Why an operation was denied. None of the reasons carries personal data.
    public enum DenialReason: String, Hashable, Sendable, Codable, CustomStringConvertible {
        /// The target belongs to another tenant than the principal's; never allowed.
        case crossTenant
        /// The policy has no row for the operation (default deny).
        case unknownOperation
        /// The operation does not apply to targets of this ownership.
        case ownershipNotApplicable
        /// The principal is the system and the operation is not system-callable.
        case systemNotPermitted
        /// None of the principal's roles is granted the operation on this ownership.
        case notGranted

        /// A short explanation, e.g. `"no role is granted the operation on this target"`.
        public var description: String {
            switch self {
            case .crossTenant: "the target belongs to another tenant"
            case .unknownOperation: "the operation has no row in the access policy"
            case .ownershipNotApplicable: "the operation does not apply to this kind of target"
            case .systemNotPermitted: "the operation is not callable by the system"
            case .notGranted: "no role of the principal is granted the operation on this target"
            }
        }
    }

    /// Whether the decision is ``allow``.
    @inlinable
    public var isAllowed: Bool {
        if case .allow = self { return true }
        return false
    }

    /// The denial reason, or `nil` when allowed.
    public var denialReason: DenialReason? {
        if case .deny(let reason) = self { return reason }
        return nil
    }

    /// `"allow"` or `"deny (<reason>)"`.
    public var description: String {
        switch self {
        case .allow: "allow"
        case .deny(let reason): "deny (\(reason.rawValue))"
        }
    }
}
