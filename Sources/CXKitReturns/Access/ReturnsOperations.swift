import CXKitCore

/// The operations CXKitReturns exposes, registered in the permission matrix, with their
/// default grants.
///
/// The system may perform every operation marked "system" below and the read, policy-read,
/// order, eligibility, submit, cancel, review, label, carrier, refund, sweep and report
/// operations.
///
/// | Operation | Applies to | Default |
/// |---|---|---|
/// | `returns.policy.publish` | tenant | admin |
/// | `returns.policy.read` | tenant | admin, agent, supervisor |
/// | `returns.order.record` | own, others | admin; system |
/// | `returns.eligibility.check` | own, others | customer (own), agent, supervisor, admin; system |
/// | `returns.request.submit` | own, others | customer (own), agent (on behalf), supervisor, admin; system |
/// | `returns.request.read` | own, others | customer (own), agent, supervisor, warehouse, finance, admin |
/// | `returns.request.cancel` | own, others | customer (own), agent, supervisor, admin; system |
/// | `returns.request.review` | own, others | agent, supervisor, admin (not on their own returns); system |
/// | `returns.label.issue` | own, others | customer (own), agent, supervisor, admin; system |
/// | `returns.carrier.update` | tenant | admin; system |
/// | `returns.item.receive` | own, others | warehouse, admin (not their own returns) |
/// | `returns.item.inspect` | own, others | warehouse, admin (not their own returns) |
/// | `returns.refund.issue` | own, others | finance, agent, supervisor, admin (not their own); system |
/// | `returns.deadlines.sweep` | tenant | admin; system |
/// | `returns.report.read` | tenant | analyst, supervisor, admin |
public enum ReturnsOperations {
    /// Publish a new version of the tenant's return policy.
    public static let publishPolicy = AccessOperation(
        "returns.policy.publish", module: "returns", summary: "Publish a new return policy version",
        scopes: .tenant)
    /// Read the tenant's return policies.
    public static let readPolicy = AccessOperation(
        "returns.policy.read", module: "returns", summary: "Read return policy versions", scopes: .tenant,
        isSystemCallable: true)
    /// Register an order (pinning the policy in force).
    public static let recordOrder = AccessOperation(
        "returns.order.record", module: "returns", summary: "Register an order and pin its return policy",
        scopes: .anyone, isSystemCallable: true)
    /// Check eligibility and quote refunds.
    public static let checkEligibility = AccessOperation(
        "returns.eligibility.check", module: "returns", summary: "Check eligibility and quote a return",
        scopes: .anyone, isSystemCallable: true)
    /// Submit a return request.
    public static let submit = AccessOperation(
        "returns.request.submit", module: "returns", summary: "Submit a return request", scopes: .anyone,
        isSystemCallable: true)
    /// Read return requests and refunds.
    public static let read = AccessOperation(
        "returns.request.read", module: "returns", summary: "Read return requests and refunds",
        scopes: .anyone,
        isSystemCallable: true)
    /// Cancel a return request.
    public static let cancel = AccessOperation(
        "returns.request.cancel", module: "returns", summary: "Cancel a return request", scopes: .anyone,
        isSystemCallable: true)
    /// Approve or reject a request (override with a reason).
    public static let review = AccessOperation(
        "returns.request.review", module: "returns", summary: "Approve or reject a return request",
        scopes: .anyone,
        isSystemCallable: true)
    /// Issue a return label.
    public static let issueLabel = AccessOperation(
        "returns.label.issue", module: "returns", summary: "Issue a return label or QR code", scopes: .anyone,
        isSystemCallable: true)
    /// Apply a carrier tracking update.
    public static let carrierUpdate = AccessOperation(
        "returns.carrier.update", module: "returns", summary: "Apply a carrier tracking update",
        scopes: .tenant,
        isSystemCallable: true)
    /// Receive returned items.
    public static let receive = AccessOperation(
        "returns.item.receive", module: "returns", summary: "Record returned items as received",
        scopes: .anyone)
    /// Inspect returned items and decide dispositions.
    public static let inspect = AccessOperation(
        "returns.item.inspect", module: "returns", summary: "Inspect returned items and decide dispositions",
        scopes: .anyone)
    /// Issue or retry a refund.
    public static let refund = AccessOperation(
        "returns.refund.issue", module: "returns", summary: "Issue or retry a refund", scopes: .anyone,
        isSystemCallable: true)
    /// Run the deadline sweep (label expiry, overdue refunds).
    public static let sweepDeadlines = AccessOperation(
        "returns.deadlines.sweep", module: "returns",
        summary: "Expire unused labels and report overdue refunds",
        scopes: .tenant, isSystemCallable: true)
    /// Read return analytics.
    public static let readReports = AccessOperation(
        "returns.report.read", module: "returns", summary: "Read return rates, cycle times and mixes",
        scopes: .tenant, isSystemCallable: true)

    /// Every operation CXKitReturns exposes.
    public static let catalog = OperationCatalog(builtIn: [
        publishPolicy, readPolicy, recordOrder, checkEligibility, submit, read, cancel, review, issueLabel,
        carrierUpdate, receive, inspect, refund, sweepDeadlines, readReports,
    ])

    /// The default grants for ``catalog`` (see the table above).
    public static let defaultMatrix = PermissionMatrix.builtIn([
        PermissionMatrix.Row(publishPolicy, grants: [.admin: .tenant]),
        PermissionMatrix.Row(readPolicy, grants: [.admin: .tenant, .agent: .tenant, .supervisor: .tenant]),
        PermissionMatrix.Row(recordOrder, grants: [.admin: .anyone]),
        PermissionMatrix.Row(
            checkEligibility,
            grants: [.customer: .own, .agent: .anyone, .supervisor: .anyone, .admin: .anyone]),
        PermissionMatrix.Row(
            submit, grants: [.customer: .own, .agent: .anyone, .supervisor: .anyone, .admin: .anyone]),
        PermissionMatrix.Row(
            read,
            grants: [
                .customer: .own, .agent: .anyone, .supervisor: .anyone, .warehouse: .anyone,
                .finance: .anyone,
                .admin: .anyone,
            ]),
        PermissionMatrix.Row(
            cancel, grants: [.customer: .own, .agent: .anyone, .supervisor: .anyone, .admin: .anyone]),
        PermissionMatrix.Row(review, grants: [.agent: .others, .supervisor: .others, .admin: .others]),
        PermissionMatrix.Row(
            issueLabel, grants: [.customer: .own, .agent: .anyone, .supervisor: .anyone, .admin: .anyone]),
        PermissionMatrix.Row(carrierUpdate, grants: [.admin: .tenant]),
        PermissionMatrix.Row(receive, grants: [.warehouse: .others, .admin: .others]),
        PermissionMatrix.Row(inspect, grants: [.warehouse: .others, .admin: .others]),
        PermissionMatrix.Row(
            refund, grants: [.finance: .others, .agent: .others, .supervisor: .others, .admin: .others]),
        PermissionMatrix.Row(sweepDeadlines, grants: [.admin: .tenant]),
        PermissionMatrix.Row(
            readReports, grants: [.analyst: .tenant, .supervisor: .tenant, .admin: .tenant]),
    ])
}
