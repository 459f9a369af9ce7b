/// Every operation a module (or the whole SDK) exposes, sorted by name.
///
/// A module publishes its catalog next to its default ``PermissionMatrix``; the platform
/// merges the catalogs of every module it composes. The permission-matrix completeness
/// test compares the two with ``PermissionMatrix/coverage(of:)`` and fails when an
/// operation has no row, so a new operation cannot ship without an access decision.
public struct OperationCatalog: Hashable, Sendable, Codable, Sequence {
    /// The operations, sorted by name; names are unique.
    public let operations: [AccessOperation]

    /// Creates an empty catalog.
    public init() { self.operations = [] }

    /// Creates a catalog after validating every operation.
    ///
    /// - Parameter operations: The operations, in any order.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` when an operation
    ///   is malformed (see ``AccessOperation/validate()``) or two share a name; the field
    ///   names the offending position (`operations[3]`).
    public init(_ operations: [AccessOperation]) throws(CoreError) {
        var seen = Set<String>()
        for (index, operation) in operations.enumerated() {
            do {
                try operation.validate()
            } catch {
                throw CoreError.validation(field: "operations[\(index)]", reason: error.reason)
            }
            guard seen.insert(operation.name).inserted else {
                throw CoreError.validation(
                    field: "operations[\(index)]", reason: "duplicates the name of an earlier operation")
            }
        }
        self.operations = operations.sorted { $0.name < $1.name }
    }

    /// Creates a catalog of built-in operations without throwing; duplicates keep the
    /// last definition. The SDK's tests validate built-in catalogs with ``init(_:)``.
    ///
    /// - Parameter operations: The operations.
    package init(builtIn operations: [AccessOperation]) {
        var byName: [String: AccessOperation] = [:]
        for operation in operations { byName[operation.name] = operation }
        self.operations = byName.values.sorted { $0.name < $1.name }
    }

    /// Combines this catalog with another (typically another module's).
    ///
    /// - Parameter other: The catalog to add.
    /// - Returns: A catalog holding both sets of operations.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` and field
    ///   `operations` when both catalogs hold an operation of the same name.
    public func merging(_ other: OperationCatalog) throws(CoreError) -> OperationCatalog {
        try OperationCatalog(operations + other.operations)
    }

    /// Combines several catalogs.
    ///
    /// - Parameter catalogs: The catalogs, e.g. one per module.
    /// - Returns: A catalog holding every operation.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` when two catalogs
    ///   hold an operation of the same name.
    public static func merged(_ catalogs: [OperationCatalog]) throws(CoreError) -> OperationCatalog {
        try OperationCatalog(catalogs.flatMap(\.operations))
    }

    /// The operation with the given name.
    ///
    /// - Parameter name: A stable operation name.
    /// - Returns: The operation, or `nil` when the catalog does not list it.
    public func operation(named name: String) -> AccessOperation? {
        operations.first { $0.name == name }
    }

    /// The names of the modules whose operations the catalog lists, sorted.
    public var modules: [String] { Set(operations.map(\.module)).sorted() }

    /// Iterates over the operations in name order.
    ///
    /// - Returns: An iterator over ``operations``.
    public func makeIterator() -> IndexingIterator<[AccessOperation]> { operations.makeIterator() }

    /// Decodes and validates a catalog from an array of operations.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when an operation is malformed or two share
    ///   a name.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let operations = try container.decode([AccessOperation].self)
        do {
            try self.init(operations)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the catalog as an array of operations in name order.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(operations)
    }
}
