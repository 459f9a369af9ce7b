import CXKitCore
import Foundation
import Testing

private struct Sample {
    static let submit = AccessOperation(
        "returns.request.submit", module: "returns", summary: "Submit a return request",
        scopes: .anyone)
    static let approve = AccessOperation(
        "returns.request.approve", module: "returns", summary: "Approve a return | refund",
        scopes: .anyone, isSystemCallable: true)
    static let configure = AccessOperation(
        "returns.policy.update", module: "returns", summary: "Change the return policy", scopes: .tenant)

    let tenant: TenantID
    let otherTenant: TenantID
    let customer: Principal
    let agent: Principal
    let admin: Principal
    let system: Principal

    init() throws {
        tenant = try TenantID("acme")
        otherTenant = try TenantID("globex")
        customer = Principal.customer(Self.customerID, in: tenant)
        agent = Principal.staff(StaffID(rawValue: Identifier(high: 2, low: 1)), roles: [.agent], in: tenant)
        admin = Principal.admin(StaffID(rawValue: Identifier(high: 3, low: 1)), in: tenant)
        system = Principal.system(in: tenant)
    }

    static func matrix() throws -> PermissionMatrix {
        try PermissionMatrix(rows: [
            .init(submit, grants: [.customer: .own, .agent: .anyone, .admin: .anyone]),
            .init(approve, grants: [.agent: .anyone]),
            PermissionMatrix.Row(configure).granting(.admin, .tenant),
        ])
    }

    static let customerID = CustomerID(rawValue: Identifier(high: 1, low: 1))
    static let otherCustomerID = CustomerID(rawValue: Identifier(high: 1, low: 2))
}

@Suite("PermissionMatrix decisions")
struct PermissionMatrixDecisionTests {
    private let sample: Sample

    init() throws { sample = try Sample() }

    @Test("an empty matrix denies everything, even administrators")
    func emptyMatrixDeniesAll() {
        let matrix = PermissionMatrix()
        for ownership in Ownership.allCases {
            #expect(
                matrix.decide(sample.admin, Sample.configure, ownership: ownership, tenant: sample.tenant)
                    == .deny(.unknownOperation))
        }
    }

    @Test("an operation without a row is denied")
    func unknownOperationIsDenied() throws {
        let matrix = try Sample.matrix()
        let unknown = AccessOperation("crm.note.add", module: "crm", summary: "Add a note", scopes: .anyone)
        #expect(
            matrix.decide(sample.admin, unknown, ownership: .others, tenant: sample.tenant)
                == .deny(.unknownOperation))
    }

    @Test("a role without a grant is denied by default")
    func roleWithoutGrantIsDenied() throws {
        let matrix = try Sample.matrix()
        let analyst = Principal.staff(
            StaffID(rawValue: Identifier(high: 9, low: 9)), roles: [.analyst], in: sample.tenant)
        #expect(
            matrix.decide(analyst, Sample.submit, ownership: .others, tenant: sample.tenant)
                == .deny(.notGranted))
        #expect(
            matrix.decide(sample.customer, Sample.approve, ownership: .own, tenant: sample.tenant)
                == .deny(.notGranted))
    }

    @Test("a target in another tenant is denied whatever the grants")
    func crossTenantIsDenied() throws {
        let matrix = try Sample.matrix()
        let principals = [sample.customer, sample.agent, sample.admin, sample.system]
        for principal in principals {
            for operation in [Sample.submit, Sample.approve, Sample.configure] {
                for ownership in Ownership.allCases {
                    #expect(
                        matrix.decide(principal, operation, ownership: ownership, tenant: sample.otherTenant)
                            == .deny(.crossTenant))
                }
            }
        }
    }

    @Test("a customer may act on their own data but not on another customer's")
    func ownVersusOthers() throws {
        let matrix = try Sample.matrix()
        let own = Ownership(owner: Sample.customerID, principal: sample.customer)
        let others = Ownership(owner: Sample.otherCustomerID, principal: sample.customer)
        #expect(own == .own)
        #expect(others == .others)
        #expect(
            matrix.decide(sample.customer, Sample.submit, ownership: own, tenant: sample.tenant) == .allow)
        #expect(
            matrix.decide(sample.customer, Sample.submit, ownership: others, tenant: sample.tenant)
                == .deny(.notGranted))
        #expect(
            matrix.decide(sample.agent, Sample.submit, ownership: others, tenant: sample.tenant) == .allow)
    }

    @Test("tenant-level ownership is derived from a missing owner")
    func tenantOwnership() {
        #expect(Ownership(owner: Identifier?.none, principal: sample.admin) == .tenant)
    }

    @Test("an ownership the operation does not apply to is denied")
    func ownershipOutsideScopes() throws {
        let matrix = try Sample.matrix()
        #expect(
            matrix.decide(sample.admin, Sample.configure, ownership: .own, tenant: sample.tenant)
                == .deny(.ownershipNotApplicable))
        #expect(
            matrix.decide(sample.admin, Sample.configure, ownership: .tenant, tenant: sample.tenant) == .allow
        )
    }

    @Test("the system is allowed only system-callable operations")
    func systemPrincipal() throws {
        let matrix = try Sample.matrix()
        #expect(
            matrix.decide(sample.system, Sample.approve, ownership: .others, tenant: sample.tenant) == .allow)
        #expect(
            matrix.decide(sample.system, Sample.submit, ownership: .own, tenant: sample.tenant)
                == .deny(.systemNotPermitted))
    }

    @Test("a staff member holding a role called system gains nothing from it")
    func systemRoleOnStaffGrantsNothing() throws {
        let matrix = try Sample.matrix()
        let impostor = Principal.staff(
            StaffID(rawValue: Identifier(high: 5, low: 5)), roles: [.system], in: sample.tenant)
        #expect(
            matrix.decide(impostor, Sample.approve, ownership: .others, tenant: sample.tenant)
                == .deny(.notGranted))
    }

    @Test("authorize throws permissionDenied naming the operation and roles, never the principal")
    func authorizeThrows() throws {
        let matrix = try Sample.matrix()
        let error = #expect(throws: CoreError.self) {
            try matrix.authorize(sample.customer, Sample.approve, ownership: .own, tenant: sample.tenant)
        }
        #expect(error?.code == .permissionDenied)
        let reason = error?.reason ?? ""
        #expect(reason.contains("returns.request.approve"))
        #expect(reason.contains("customer"))
        #expect(!reason.contains(Sample.customerID.description))
        #expect(!reason.contains("acme"))
        try matrix.authorize(sample.agent, Sample.approve, ownership: .others, tenant: sample.tenant)
    }

    @Test("authorize across tenants throws permissionDenied")
    func authorizeCrossTenant() throws {
        let matrix = try Sample.matrix()
        let error = #expect(throws: CoreError.self) {
            try matrix.authorize(
                sample.admin, Sample.configure, ownership: .tenant, tenant: sample.otherTenant)
        }
        #expect(error?.code == .permissionDenied)
        #expect(error?.reason.contains("another tenant") == true)
    }
}

@Suite("PermissionMatrix building and overrides")
struct PermissionMatrixBuildingTests {
    private let sample: Sample

    init() throws { sample = try Sample() }

    @Test("a row for a duplicate operation is rejected naming the row")
    func duplicateRows() {
        let error = #expect(throws: CoreError.self) {
            try PermissionMatrix(rows: [.init(Sample.submit), .init(Sample.submit)])
        }
        #expect(error?.code == .validationFailed)
        #expect(error?.field == "rows[1].operation")
    }

    @Test(
        "a malformed operation name is rejected",
        arguments: ["", "returns", "returns..x", "returns.re quest", "other.x"])
    func malformedOperationName(name: String) {
        let operation = AccessOperation(name, module: "returns", summary: "x", scopes: .own)
        let error = #expect(throws: CoreError.self) { try PermissionMatrix(rows: [.init(operation)]) }
        #expect(error?.code == .validationFailed)
        #expect(error?.field == (name == "other.x" ? "rows[0].operation.module" : "rows[0].operation.name"))
    }

    @Test("an over-long operation name is rejected")
    func overlongOperationName() {
        let name = "returns." + String(repeating: "a", count: AccessOperation.maximumNameLength)
        let error = #expect(throws: CoreError.self) {
            try AccessOperation(name, module: "returns", summary: "x", scopes: .own).validate()
        }
        #expect(error?.field == "operation.name")
    }

    @Test("an operation without scopes is rejected")
    func emptyScopes() {
        let operation = AccessOperation("returns.x", module: "returns", summary: "x", scopes: [])
        let error = #expect(throws: CoreError.self) { try PermissionMatrix(rows: [.init(operation)]) }
        #expect(error?.field == "rows[0].operation.scopes")
    }

    @Test("a grant outside the operation's scopes is rejected")
    func grantOutsideScopes() {
        let error = #expect(throws: CoreError.self) {
            try PermissionMatrix(rows: [.init(Sample.configure, grants: [.admin: .own])])
        }
        #expect(error?.code == .validationFailed)
        #expect(error?.field == "rows[0].grants.admin")
    }

    @Test("granting the system role, an empty role or an empty scope is rejected")
    func invalidGrants() {
        let cases: [(Role, OwnershipScope, String)] = [
            (.system, .own, "rows[0].grants.system"),
            (Role(""), .own, "rows[0].grants."),
            (.agent, [], "rows[0].grants.agent"),
        ]
        for (role, scope, field) in cases {
            let error = #expect(throws: CoreError.self) {
                try PermissionMatrix(rows: [.init(Sample.submit, grants: [role: scope])])
            }
            #expect(error?.code == .validationFailed)
            #expect(error?.field == field)
        }
    }

    @Test("merging module matrices keeps every row and refuses duplicate operations")
    func merging() throws {
        let returns = try Sample.matrix()
        let merged = try PermissionMatrix.merged([CoreOperations.defaultMatrix, returns])
        #expect(merged.count == returns.count + CoreOperations.defaultMatrix.count)
        #expect(
            merged.decide(
                sample.admin, CoreOperations.redriveOutbox, ownership: .tenant, tenant: sample.tenant)
                == .allow)
        let error = #expect(throws: CoreError.self) { try merged.merging(returns) }
        #expect(error?.code == .validationFailed)
        #expect(error?.field == "rows")
    }

    @Test("a host grant allows and a host revocation denies")
    func grantAndRevoke() throws {
        var matrix = try Sample.matrix()
        let analyst = Principal.staff(
            StaffID(rawValue: Identifier(high: 9, low: 9)), roles: [.analyst], in: sample.tenant)
        try matrix.grant(.analyst, .others, on: Sample.submit)
        #expect(matrix.decide(analyst, Sample.submit, ownership: .others, tenant: sample.tenant) == .allow)
        #expect(matrix.scope(of: .analyst, on: Sample.submit) == .others)
        try matrix.revoke(.agent, .others, on: Sample.submit)
        #expect(
            matrix.decide(sample.agent, Sample.submit, ownership: .others, tenant: sample.tenant)
                == .deny(.notGranted))
        #expect(matrix.decide(sample.agent, Sample.submit, ownership: .own, tenant: sample.tenant) == .allow)
        try matrix.revoke(.agent, on: Sample.submit)
        #expect(matrix.scope(of: .agent, on: Sample.submit).isEmpty)
    }

    @Test("overrides on unknown operations or with invalid grants fail and change nothing")
    func invalidOverrides() throws {
        var matrix = try Sample.matrix()
        let before = matrix
        let unknown = AccessOperation("crm.note.add", module: "crm", summary: "x", scopes: .own)
        let unknownError = #expect(throws: CoreError.self) { try matrix.grant(.agent, .own, on: unknown) }
        #expect(unknownError?.field == "operation")
        let scopeError = #expect(throws: CoreError.self) {
            try matrix.grant(.agent, .tenant, on: Sample.submit)
        }
        #expect(scopeError?.field == "role")
        let systemError = #expect(throws: CoreError.self) {
            try matrix.grant(.system, .own, on: Sample.submit)
        }
        #expect(systemError?.field == "role")
        let emptyRevoke = #expect(throws: CoreError.self) { try matrix.revoke(.agent, [], on: Sample.submit) }
        #expect(emptyRevoke?.field == "role")
        #expect(matrix == before)
    }

    @Test("stored overrides apply all or nothing and name the failing override")
    func storedOverrides() throws {
        let matrix = try Sample.matrix()
        let overrides: [PermissionMatrix.Override] = [
            .grant(.supervisor, .anyone, on: Sample.approve),
            .revoke(.customer, on: Sample.submit),
        ]
        let data = try JSONEncoder().encode(overrides)
        let decoded = try JSONDecoder().decode([PermissionMatrix.Override].self, from: data)
        let adjusted = try matrix.applying(decoded)
        #expect(adjusted.scope(of: .supervisor, on: Sample.approve) == .anyone)
        #expect(adjusted.scope(of: .customer, on: Sample.submit).isEmpty)
        let bad =
            overrides + [
                PermissionMatrix.Override(action: .grant, operation: "nope.x", role: .agent, scope: .own)
            ]
        let error = #expect(throws: CoreError.self) { try matrix.applying(bad) }
        #expect(error?.field == "overrides[2].operation")
    }
}

@Suite("PermissionMatrix storage, documentation and completeness")
struct PermissionMatrixDocumentationTests {
    private let sample: Sample

    init() throws { sample = try Sample() }

    @Test("a matrix survives a JSON round trip unchanged")
    func codableRoundTrip() throws {
        var matrix = try PermissionMatrix.merged([CoreOperations.defaultMatrix, Sample.matrix()])
        try matrix.grant("returns-auditor", .anyone, on: Sample.submit)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(matrix)
        let decoded = try JSONDecoder().decode(PermissionMatrix.self, from: data)
        #expect(decoded == matrix)
        #expect(decoded.rows == matrix.rows)
        #expect(try encoder.encode(decoded) == data)
    }

    @Test("decoding refuses invalid rows and unknown format versions")
    func decodingValidates() throws {
        let invalid = Data(
            #"{"formatVersion":1,"rows":[{"operation":{"name":"core.x","module":"core","summary":"s","scopes":["tenant"]},"grants":{"admin":["own"]}}]}"#
                .utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PermissionMatrix.self, from: invalid) }
        let future = Data(#"{"formatVersion":2,"rows":[]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PermissionMatrix.self, from: future) }
    }

    @Test("the markdown table has a header and one line per row with its grants")
    func markdownTable() throws {
        let table = try Sample.matrix().markdownTable()
        let lines = table.split(separator: "\n")
        #expect(lines.count == 2 + 3)
        #expect(lines[0] == "| Operation | Summary | Applies to | customer | agent | admin | system |")
        #expect(
            lines.contains(
                "| `returns.request.submit` | Submit a return request | own, others | own | own, others | own, others | — |"
            ))
        #expect(
            lines.contains {
                $0.hasPrefix("| `returns.request.approve` | Approve a return \\| refund |")
                    && $0.hasSuffix("| yes |")
            })
        #expect(lines.contains { $0.contains("`returns.policy.update`") && $0.contains("| tenant |") })
    }

    @Test("the completeness check reports an operation without a row")
    func coverageDetectsMissingRow() throws {
        let matrix = try Sample.matrix()
        let newOperation = AccessOperation(
            "returns.request.cancel", module: "returns", summary: "Cancel", scopes: .anyone)
        let catalog = try OperationCatalog([Sample.submit, Sample.approve, Sample.configure, newOperation])
        let coverage = matrix.coverage(of: catalog)
        #expect(!coverage.isComplete)
        #expect(coverage.missingRows == [newOperation])
        #expect(coverage.description.contains("returns.request.cancel"))
        #expect(matrix.coverage(of: matrix.catalog).isComplete)
    }

    @Test("the completeness check reports unlisted rows and redefined operations")
    func coverageDetectsUnlistedAndMismatched() throws {
        let matrix = try Sample.matrix()
        let redefined = AccessOperation(
            "returns.request.submit", module: "returns", summary: "Other", scopes: .own)
        let coverage = matrix.coverage(of: try OperationCatalog([redefined, Sample.approve]))
        #expect(coverage.unlistedRows == [Sample.configure])
        #expect(coverage.mismatchedOperations == ["returns.request.submit"])
    }

    @Test("an operation catalog refuses duplicate names and keeps name order")
    func catalogValidation() throws {
        let error = #expect(throws: CoreError.self) { try OperationCatalog([Sample.submit, Sample.submit]) }
        #expect(error?.field == "operations[1]")
        let catalog = try OperationCatalog([Sample.submit, Sample.approve])
        #expect(catalog.operations.map(\.name) == ["returns.request.approve", "returns.request.submit"])
        #expect(catalog.operation(named: "returns.request.submit") == Sample.submit)
        #expect(throws: CoreError.self) { try catalog.merging(catalog) }
        let data = try JSONEncoder().encode(catalog)
        #expect(try JSONDecoder().decode(OperationCatalog.self, from: data) == catalog)
    }

    @Test("the core catalog is valid, fully covered and admin-only by default")
    func coreCatalog() throws {
        let validated = try OperationCatalog(CoreOperations.catalog.operations)
        #expect(validated == CoreOperations.catalog)
        let matrix = try PermissionMatrix(rows: CoreOperations.defaultMatrix.rows)
        #expect(matrix == CoreOperations.defaultMatrix)
        #expect(matrix.coverage(of: CoreOperations.catalog).isComplete)
        for operation in CoreOperations.catalog {
            #expect(
                matrix.decide(sample.admin, operation, ownership: .tenant, tenant: sample.tenant) == .allow)
            #expect(
                matrix.decide(sample.agent, operation, ownership: .tenant, tenant: sample.tenant)
                    == .deny(.notGranted))
            #expect(
                matrix.decide(sample.customer, operation, ownership: .tenant, tenant: sample.tenant)
                    == .deny(.notGranted))
        }
        #expect(CoreOperations.catalog.operation(named: "core.outbox.redrive") != nil)
        #expect(CoreOperations.catalog.operation(named: "core.privacy.enumerate") != nil)
    }
}
