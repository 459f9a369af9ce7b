extension PermissionMatrix {
    /// A host's change to a default matrix, stored as data and applied on top of the
    /// modules' defaults with ``PermissionMatrix/applying(_:)``, so defaults can evolve
    /// with new SDK versions while the host's decisions stay.
    public struct Override: Hashable, Sendable, Codable {
        /// Whether the override adds or removes ownerships.
        public enum Action: String, Hashable, Sendable, Codable {
            /// Adds ownerships to a role's grant.
            case grant
            /// Removes ownerships from a role's grant.
            case revoke
        }

        /// Whether the override adds or removes ownerships.
        public let action: Action
        /// The stable name of the operation.
        public let operation: String
        /// The role whose grant changes.
        public let role: Role
        /// The ownerships added or removed.
        public let scope: OwnershipScope

        /// Creates an override.
        ///
        /// - Parameters:
        ///   - action: Grant or revoke.
        ///   - operation: The operation's stable name.
        ///   - role: The role whose grant changes.
        ///   - scope: The ownerships added or removed.
        public init(action: Action, operation: String, role: Role, scope: OwnershipScope) {
            self.action = action
            self.operation = operation
            self.role = role
            self.scope = scope
        }

        /// An override granting `role` the operation on `scope`.
        ///
        /// - Parameters:
        ///   - role: The role.
        ///   - scope: The ownerships to add.
        ///   - operation: The operation.
        /// - Returns: The override.
        public static func grant(
            _ role: Role, _ scope: OwnershipScope, on operation: AccessOperation
        ) -> Override {
            Override(action: .grant, operation: operation.name, role: role, scope: scope)
        }

        /// An override taking `scope` away from `role`'s grant of the operation.
        ///
        /// - Parameters:
        ///   - role: The role.
        ///   - scope: The ownerships to remove; all by default.
        ///   - operation: The operation.
        /// - Returns: The override.
        public static func revoke(
            _ role: Role, _ scope: OwnershipScope = .all, on operation: AccessOperation
        ) -> Override {
            Override(action: .revoke, operation: operation.name, role: role, scope: scope)
        }
    }
}
