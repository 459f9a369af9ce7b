extension PermissionMatrix {
    /// One operation's row: which roles may perform it on which ownerships.
    ///
    /// ```swift
    /// PermissionMatrix.Row(.submitReturn, grants: [.customer: .own, .agent: .anyone])
    /// PermissionMatrix.Row(.redriveOutbox).granting(.admin, .tenant)
    /// ```
    public struct Row: Hashable, Sendable, Codable {
        /// The operation.
        public let operation: AccessOperation
        /// The ownerships each role is granted the operation on; roles without an entry
        /// are denied.
        public private(set) var grants: [Role: OwnershipScope]

        /// Creates a row.
        ///
        /// - Parameters:
        ///   - operation: The operation.
        ///   - grants: The ownerships each role is granted; empty denies everyone.
        public init(_ operation: AccessOperation, grants: [Role: OwnershipScope] = [:]) {
            self.operation = operation
            self.grants = grants
        }

        /// Returns the row with `role` additionally granted `scope`.
        ///
        /// - Parameters:
        ///   - role: The role.
        ///   - scope: The ownerships to add to its grant.
        /// - Returns: The extended row.
        public func granting(_ role: Role, _ scope: OwnershipScope) -> Row {
            var row = self
            row.grants[role, default: []].formUnion(scope)
            return row
        }

        /// Returns the row with each of `roles` additionally granted `scope`.
        ///
        /// - Parameters:
        ///   - roles: The roles.
        ///   - scope: The ownerships to add to their grants.
        /// - Returns: The extended row.
        public func granting(_ roles: [Role], _ scope: OwnershipScope) -> Row {
            roles.reduce(self) { $0.granting($1, scope) }
        }

        private enum CodingKeys: String, CodingKey {
            case operation, grants
        }

        /// Decodes a row: the operation and an object from role names to ownership arrays.
        ///
        /// - Throws: `DecodingError` when a field is missing or malformed.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.operation = try container.decode(AccessOperation.self, forKey: .operation)
            let byName = try container.decode([String: OwnershipScope].self, forKey: .grants)
            self.grants = Dictionary(uniqueKeysWithValues: byName.map { (Role($0.key), $0.value) })
        }

        /// Encodes the row as its operation and an object from role names to ownership
        /// arrays.
        ///
        /// - Throws: Whatever the encoder throws.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(operation, forKey: .operation)
            let byName = Dictionary(uniqueKeysWithValues: grants.map { ($0.key.rawValue, $0.value) })
            try container.encode(byName, forKey: .grants)
        }
    }
}
