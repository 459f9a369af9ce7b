/// The operations CXKitCore itself exposes, with their default grants: administrators
/// only, plus the system for the sweeps that need them.
///
/// | Operation | Applies to | Default |
/// |---|---|---|
/// | `core.outbox.read` | tenant | admin, system |
/// | `core.outbox.redrive` | tenant | admin, system |
/// | `core.privacy.enumerate` | tenant | admin, system |
/// | `core.idempotency.purge` | tenant | admin, system |
/// | `core.access.read` | tenant | admin |
/// | `core.access.update` | tenant | admin |
public enum CoreOperations {
    /// Lists outbox entries, including dead letters and their last errors.
    public static let readOutbox = AccessOperation(
        "core.outbox.read", module: "core",
        summary: "List outbox entries, dead letters and their last delivery errors",
        scopes: .tenant, isSystemCallable: true)

    /// Moves dead-lettered outbox entries back to pending for another delivery attempt.
    public static let redriveOutbox = AccessOperation(
        "core.outbox.redrive", module: "core",
        summary: "Return dead-lettered outbox entries to pending for redelivery",
        scopes: .tenant, isSystemCallable: true)

    /// Enumerates every record of a tenant, for privacy export and erasure scans.
    public static let enumerateRecords = AccessOperation(
        "core.privacy.enumerate", module: "core",
        summary: "Enumerate every record of the tenant for privacy export and erasure scans",
        scopes: .tenant, isSystemCallable: true)

    /// Removes expired idempotency records.
    public static let purgeIdempotencyRecords = AccessOperation(
        "core.idempotency.purge", module: "core",
        summary: "Remove expired idempotency records",
        scopes: .tenant, isSystemCallable: true)

    /// Reads the tenant's effective access policy.
    public static let readAccessPolicy = AccessOperation(
        "core.access.read", module: "core",
        summary: "Read the tenant's effective permission matrix",
        scopes: .tenant)

    /// Changes the tenant's access policy (grants and revocations).
    public static let updateAccessPolicy = AccessOperation(
        "core.access.update", module: "core",
        summary: "Grant or revoke operations for roles in the tenant's permission matrix",
        scopes: .tenant)

    /// Every operation CXKitCore exposes.
    public static let catalog = OperationCatalog(builtIn: [
        readOutbox, redriveOutbox, enumerateRecords, purgeIdempotencyRecords, readAccessPolicy,
        updateAccessPolicy,
    ])

    /// The default grants for ``catalog``: administrators only.
    public static let defaultMatrix = PermissionMatrix.builtIn(
        catalog.operations.map { PermissionMatrix.Row($0, grants: [.admin: .tenant]) })
}
