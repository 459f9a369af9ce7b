import CXKitCore
import CXKitTesting
import Testing

@Suite("PermissionMatrix properties")
struct PermissionMatrixPropertyTests {
    private static let roles: [Role] = [.customer, .member, .agent, .supervisor, .admin, "auditor", .system]
    private static let scopes: [OwnershipScope] = [.own, .others, .tenant, .anyone, .all, [.own, .tenant]]

    private struct Case: Sendable, CustomStringConvertible {
        var operationScopes: OwnershipScope
        var isSystemCallable: Bool
        var grants: [Role: OwnershipScope]
        var kind: Principal.Kind
        var principalRoles: Set<Role>
        var ownership: Ownership
        var sameTenant: Bool
        var registered: Bool

        var description: String {
            "scopes \(operationScopes), system \(isSystemCallable), grants \(grants), \(kind) "
                + "\(principalRoles.sorted()), \(ownership), same tenant \(sameTenant), registered \(registered)"
        }
    }

    private static let cases: Generator<Case> = {
        let grant = Generator.element(of: roles.filter { $0 != .system }).zip(.element(of: scopes))
        let header = Generator.element(of: scopes).zip(Generator.bool)
        let grants = Generator.array(of: grant, count: 0...5)
        let principal = Generator.element(of: Principal.Kind.allCases)
            .zip(Generator.array(of: .element(of: roles), count: 0...3))
        let target = Generator.element(of: Ownership.allCases).zip(Generator.bool.zip(Generator.bool))
        return header.zip(grants).zip(principal.zip(target)).map { first, second in
            let ((operationScopes, system), grantList) = first
            let ((kind, principalRoles), (ownership, (sameTenant, registered))) = second
            var grants: [Role: OwnershipScope] = [:]
            for (role, scope) in grantList {
                grants[role, default: []].formUnion(scope.intersection(operationScopes))
            }
            return Case(
                operationScopes: operationScopes, isSystemCallable: system,
                grants: grants.filter { !$0.value.isEmpty },
                kind: kind, principalRoles: Set(principalRoles), ownership: ownership, sameTenant: sameTenant,
                registered: registered)
        }
    }()

    /// The rules of the matrix written out naively, as the reference model.
    private func expected(_ value: Case) -> AccessDecision {
        if !value.sameTenant { return .deny(.crossTenant) }
        if !value.registered { return .deny(.unknownOperation) }
        if !value.operationScopes.contains(value.ownership) { return .deny(.ownershipNotApplicable) }
        if value.kind == .system { return value.isSystemCallable ? .allow : .deny(.systemNotPermitted) }
        let granted = value.grants.contains { role, scope in
            value.principalRoles.contains(role) && scope.contains(value.ownership)
        }
        return granted ? .allow : .deny(.notGranted)
    }

    @Test("decisions match a naive reference model, and nothing crosses tenants")
    func matchesReferenceModel() async throws {
        let home = try TenantID("home")
        let away = try TenantID("away")
        try await forAll(Self.cases, count: 500, seed: 2026) { value in
            let operation = AccessOperation(
                "test.operation", module: "test", summary: "Property operation",
                scopes: value.operationScopes,
                isSystemCallable: value.isSystemCallable)
            let matrix =
                value.registered
                ? try PermissionMatrix(rows: [.init(operation, grants: value.grants)]) : PermissionMatrix()
            let principal = Principal(
                id: Identifier(high: 7, low: 7), kind: value.kind, tenant: home, roles: value.principalRoles)
            let decision = matrix.decide(
                principal, operation, ownership: value.ownership, tenant: value.sameTenant ? home : away)
            try PropertyCheck.expect(decision == expected(value), "decision \(decision) matches the model")
            try PropertyCheck.expect(!decision.isAllowed || value.sameTenant, "never allowed across tenants")
        }
    }
}
