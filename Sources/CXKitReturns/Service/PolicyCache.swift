import CXKitCore

/// Compiled policies by tenant and version (versions never change once published).
final class PolicyCache: Sendable {
    private struct Key: Hashable {
        let tenant: TenantID
        let version: Int
    }

    private let policies = Locked<[Key: ReturnPolicy]>([:])

    func policy(_ version: Int, in tenant: TenantID) -> ReturnPolicy? {
        policies.withLock { $0[Key(tenant: tenant, version: version)] }
    }

    func store(_ policy: ReturnPolicy, in tenant: TenantID) {
        policies.withLock { $0[Key(tenant: tenant, version: policy.version)] = policy }
    }
}
