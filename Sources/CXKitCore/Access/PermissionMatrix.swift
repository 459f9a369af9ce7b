/// The default ``AccessPolicy``: a table of operation × role → the ownerships the role may
/// perform the operation on. Anything not in the table is denied.
///
/// Decisions follow these rules, in order:
/// 1. A target in another tenant than the principal's is denied (``AccessDecision/DenialReason/crossTenant``),
///    whatever the table says.
/// 2. An operation without a row is denied (default deny).
/// 3. An ownership outside the operation's ``AccessOperation/scopes`` is denied.
/// 4. A `system` principal is allowed exactly when the operation is
///    ``AccessOperation/isSystemCallable``; it never receives role grants, and the `system`
///    role cannot be granted.
/// 5. Otherwise the principal is allowed when one of its roles is granted the operation
///    on the target's ownership.
///
/// Each module ships its default matrix built from ``Row``s; the platform merges them
/// with ``merged(_:)``; hosts adjust the result with ``grant(_:_:on:)``,
/// ``revoke(_:_:on:)`` or stored ``Override``s, store it (it is `Codable`) and print it
/// with ``markdownTable(roles:)``.
///
/// ```swift
/// let returns = try PermissionMatrix(rows: [
///     .init(.submitReturn, grants: [.customer: .own, .agent: .anyone, .admin: .anyone]),
///     .init(.approveReturn, grants: [.agent: .anyone, .supervisor: .anyone]),
/// ])
/// var policy = try PermissionMatrix.merged([CoreOperations.defaultMatrix, returns])
/// try policy.revoke(.agent, on: .approveReturn)
/// ```
///
/// ``decide(_:_:ownership:tenant:)`` is the hot path: one hash lookup on a precomputed
/// 64-bit fingerprint of the operation name and a scan of a few role grants; no
/// allocation.
public struct PermissionMatrix: AccessPolicy, Hashable, Codable {
    /// The dictionary key of a row: the operation name with its precomputed fingerprint.
    struct Key: Hashable, Sendable {
        let name: String
        let fingerprint: UInt64

        init(_ operation: AccessOperation) {
            self.name = operation.name
            self.fingerprint = operation.fingerprint
        }

        init(name: String) {
            self.name = name
            self.fingerprint = AccessOperation.fingerprint(of: name)
        }

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.fingerprint == rhs.fingerprint && lhs.name == rhs.name
        }

        func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }
    }

    /// One role's grant in a row.
    struct Grant: Hashable, Sendable {
        let role: Role
        var scope: OwnershipScope
    }

    /// A row as stored: the operation and its grants sorted by role.
    struct Entry: Hashable, Sendable {
        let operation: AccessOperation
        var grants: [Grant]

        init(operation: AccessOperation, grants: [Role: OwnershipScope]) {
            self.operation = operation
            self.grants = grants.filter { !$0.value.isEmpty }
                .map { Grant(role: $0.key, scope: $0.value) }
                .sorted { $0.role < $1.role }
        }

        var row: Row {
            Row(operation, grants: Dictionary(uniqueKeysWithValues: grants.map { ($0.role, $0.scope) }))
        }
    }

    var entries: [Key: Entry]

    /// Creates an empty matrix, which denies everything.
    public init() { self.entries = [:] }

    /// Creates a matrix from rows after validating them.
    ///
    /// - Parameter rows: One row per operation.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` when a row's
    ///   operation is malformed (field `rows[i].operation.name`, `.module` or `.scopes`),
    ///   two rows share an operation name (field `rows[i].operation`), a grant names an
    ///   empty role, the `system` role, no ownership, or an ownership outside the
    ///   operation's scopes (field `rows[i].grants.<role>`).
    public init(rows: [Row]) throws(CoreError) {
        var entries: [Key: Entry] = [:]
        entries.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            try Self.validate(row, field: "rows[\(index)]")
            let key = Key(row.operation)
            guard entries[key] == nil else {
                throw CoreError.validation(
                    field: "rows[\(index)].operation", reason: "duplicates the operation of an earlier row")
            }
            entries[key] = Entry(operation: row.operation, grants: row.grants)
        }
        self.entries = entries
    }

    /// Creates a matrix of built-in rows without throwing, for modules' static defaults.
    ///
    /// Grants of the `system` role and ownerships outside an operation's scopes are
    /// dropped; a later row for the same operation replaces an earlier one. The SDK's tests
    /// check every built-in matrix with ``init(rows:)``.
    ///
    /// - Parameter rows: One row per operation.
    /// - Returns: The matrix.
    package static func builtIn(_ rows: [Row]) -> PermissionMatrix {
        var matrix = PermissionMatrix()
        for row in rows {
            var grants: [Role: OwnershipScope] = [:]
            for (role, scope) in row.grants where role != .system && !role.rawValue.isEmpty {
                grants[role] = scope.intersection(row.operation.scopes)
            }
            matrix.entries[Key(row.operation)] = Entry(operation: row.operation, grants: grants)
        }
        return matrix
    }

    private static func validate(_ row: Row, field: String) throws(CoreError) {
        do {
            try row.operation.validate()
        } catch {
            throw CoreError.validation(field: "\(field).\(error.field ?? "operation")", reason: error.reason)
        }
        for (role, scope) in row.grants.sorted(by: { $0.key < $1.key }) {
            try validateGrant(
                role: role, scope: scope, operation: row.operation, field: "\(field).grants.\(role.rawValue)")
        }
    }

    private static func validateGrant(
        role: Role, scope: OwnershipScope, operation: AccessOperation, field: String
    ) throws(CoreError) {
        guard !role.rawValue.isEmpty else {
            throw CoreError.validation(field: field, reason: "role names must not be empty")
        }
        guard role != .system else {
            throw CoreError.validation(
                field: field,
                reason: "the system role cannot be granted; mark the operation system-callable instead")
        }
        guard !scope.isEmpty else {
            throw CoreError.validation(field: field, reason: "must grant at least one ownership")
        }
        guard operation.scopes.isSuperset(of: scope) else {
            throw CoreError.validation(
                field: field, reason: "grants an ownership the operation does not apply to")
        }
    }

    // MARK: - Reading

    /// The rows, sorted by operation name.
    public var rows: [Row] {
        entries.values.sorted { $0.operation.name < $1.operation.name }.map(\.row)
    }

    /// The operations that have a row.
    public var catalog: OperationCatalog {
        OperationCatalog(builtIn: entries.values.map(\.operation))
    }

    /// The number of rows.
    public var count: Int { entries.count }

    /// The row of an operation.
    ///
    /// - Parameter operationName: The operation's stable name.
    /// - Returns: The row, or `nil` when the matrix has none.
    public func row(named operationName: String) -> Row? {
        entries[Key(name: operationName)]?.row
    }

    /// The ownerships a role is granted an operation on.
    ///
    /// - Parameters:
    ///   - role: The role.
    ///   - operation: The operation.
    /// - Returns: The granted scope; empty when the role has no grant or the operation no row.
    public func scope(of role: Role, on operation: AccessOperation) -> OwnershipScope {
        entries[Key(operation)]?.grants.first { $0.role == role }?.scope ?? []
    }

    /// Decides one access by the rules in the type's documentation.
    ///
    /// - Parameters:
    ///   - principal: Who is acting.
    ///   - operation: What they want to do; looked up by name.
    ///   - ownership: Whose data the target is, relative to `principal`.
    ///   - tenant: The tenant the target lives in.
    /// - Returns: ``AccessDecision/allow`` or a denial with its reason.
    public func decide(
        _ principal: Principal, _ operation: AccessOperation, ownership: Ownership, tenant: TenantID
    ) -> AccessDecision {
        guard principal.tenant == tenant else { return .deny(.crossTenant) }
        guard let entry = entries[Key(operation)] else { return .deny(.unknownOperation) }
        guard entry.operation.scopes.contains(ownership) else { return .deny(.ownershipNotApplicable) }
        if principal.kind == .system {
            return entry.operation.isSystemCallable ? .allow : .deny(.systemNotPermitted)
        }
        for grant in entry.grants where grant.scope.contains(ownership) {
            for role in principal.roles where role == grant.role {
                return .allow
            }
        }
        return .deny(.notGranted)
    }

    // MARK: - Combining

    /// Combines this matrix with another module's.
    ///
    /// - Parameter other: The matrix to add.
    /// - Returns: A matrix holding the rows of both.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` and field `rows`
    ///   when both matrices have a row for the same operation name.
    public func merging(_ other: PermissionMatrix) throws(CoreError) -> PermissionMatrix {
        var merged = self
        for (key, entry) in other.entries {
            guard merged.entries[key] == nil else {
                throw CoreError.validation(
                    field: "rows", reason: "operation \(key.name) has a row in more than one matrix")
            }
            merged.entries[key] = entry
        }
        return merged
    }

    /// Combines several matrices, typically the default matrices of every module.
    ///
    /// - Parameter matrices: The matrices.
    /// - Returns: A matrix holding every row.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` and field `rows`
    ///   when two matrices have a row for the same operation name.
    public static func merged(_ matrices: [PermissionMatrix]) throws(CoreError) -> PermissionMatrix {
        var merged = PermissionMatrix()
        for matrix in matrices { merged = try merged.merging(matrix) }
        return merged
    }

    // MARK: - Host overrides

    /// Grants a role an operation on more ownerships (adding to what it already has).
    ///
    /// - Parameters:
    ///   - role: The role.
    ///   - scope: The ownerships to add.
    ///   - operation: The operation.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed``: field `operation`
    ///   when the matrix has no row for it; field `role` when the role is empty or `system`,
    ///   the scope is empty or outside the operation's scopes. The matrix is unchanged.
    public mutating func grant(
        _ role: Role, _ scope: OwnershipScope, on operation: AccessOperation
    ) throws(CoreError) {
        try apply(.grant(role, scope, on: operation))
    }

    /// Takes ownerships away from a role's grant of an operation (all of them by default).
    ///
    /// - Parameters:
    ///   - role: The role.
    ///   - scope: The ownerships to remove.
    ///   - operation: The operation.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed``: field `operation`
    ///   when the matrix has no row for it; field `role` when the scope is empty. The
    ///   matrix is unchanged.
    public mutating func revoke(
        _ role: Role, _ scope: OwnershipScope = .all, on operation: AccessOperation
    ) throws(CoreError) {
        try apply(.revoke(role, scope, on: operation))
    }

    /// Applies one host override.
    ///
    /// - Parameter override: The grant or revocation.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed``: field `operation`
    ///   when the matrix has no row for the named operation; field `role` when a grant
    ///   names an empty role or `system`, an empty scope or ownerships outside the
    ///   operation's scopes, or a revocation an empty scope. The matrix is unchanged.
    public mutating func apply(_ override: Override) throws(CoreError) {
        let key = Key(name: override.operation)
        guard var entry = entries[key] else {
            throw CoreError.validation(field: "operation", reason: "names no operation with a row")
        }
        let index = entry.grants.firstIndex { $0.role == override.role }
        switch override.action {
        case .grant:
            try Self.validateGrant(
                role: override.role, scope: override.scope, operation: entry.operation, field: "role")
            if let index {
                entry.grants[index].scope.formUnion(override.scope)
            } else {
                entry.grants.append(Grant(role: override.role, scope: override.scope))
                entry.grants.sort { $0.role < $1.role }
            }
        case .revoke:
            guard !override.scope.isEmpty else {
                throw CoreError.validation(field: "role", reason: "must revoke at least one ownership")
            }
            if let index {
                entry.grants[index].scope.subtract(override.scope)
                if entry.grants[index].scope.isEmpty { entry.grants.remove(at: index) }
            }
        }
        entries[key] = entry
    }

    /// Returns the matrix with stored host overrides applied in order, all or nothing.
    ///
    /// - Parameter overrides: The overrides, oldest first.
    /// - Returns: The adjusted matrix.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` and field
    ///   `overrides[i].<field>` for the first override that cannot be applied (see
    ///   ``apply(_:)``).
    public func applying(_ overrides: [Override]) throws(CoreError) -> PermissionMatrix {
        var matrix = self
        for (index, override) in overrides.enumerated() {
            do {
                try matrix.apply(override)
            } catch {
                throw CoreError.validation(
                    field: "overrides[\(index)].\(error.field ?? "operation")", reason: error.reason)
            }
        }
        return matrix
    }

    // MARK: - Completeness

    /// Compares the matrix with a catalog of operations: which operations lack a row,
    /// which rows are for operations the catalog does not list, and which names are defined
    /// differently in the two.
    ///
    /// - Parameter catalog: Every operation the SDK (or a module) exposes.
    /// - Returns: The comparison; ``PermissionMatrixCoverage/isComplete`` is what a
    ///   completeness test asserts.
    public func coverage(of catalog: OperationCatalog) -> PermissionMatrixCoverage {
        var missing: [AccessOperation] = []
        var mismatched: [String] = []
        var listed = Set<Key>()
        for operation in catalog.operations {
            let key = Key(operation)
            listed.insert(key)
            guard let entry = entries[key] else {
                missing.append(operation)
                continue
            }
            if entry.operation != operation { mismatched.append(operation.name) }
        }
        let unlisted = entries.filter { !listed.contains($0.key) }.map(\.value.operation)
            .sorted { $0.name < $1.name }
        return PermissionMatrixCoverage(
            missingRows: missing, unlistedRows: unlisted, mismatchedOperations: mismatched)
    }

    // MARK: - Codable

    private enum CodingKeys: String, CodingKey {
        case formatVersion, rows
    }

    /// The version of the encoded shape.
    public static let formatVersion = 1

    /// Decodes and validates a matrix stored by ``encode(to:)``.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the format version is unknown or a
    ///   row is invalid (see ``init(rows:)``); other `DecodingError`s for malformed data.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .formatVersion)
        guard version == Self.formatVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .formatVersion, in: container,
                debugDescription: "Unsupported permission matrix format version \(version).")
        }
        let rows = try container.decode([Row].self, forKey: .rows)
        do {
            try self.init(rows: rows)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .rows, in: container, debugDescription: error.description)
        }
    }

    /// Encodes the matrix as `{"formatVersion": 1, "rows": [...]}` with rows sorted by
    /// operation name.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.formatVersion, forKey: .formatVersion)
        try container.encode(rows, forKey: .rows)
    }
}
