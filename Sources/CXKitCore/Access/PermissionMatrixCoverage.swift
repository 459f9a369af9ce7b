/// How a ``PermissionMatrix`` covers an ``OperationCatalog``; what the permission-matrix
/// completeness test asserts on.
///
/// ```swift
/// let coverage = policy.coverage(of: catalog)
/// #expect(coverage.isComplete, "\(coverage)")
/// ```
public struct PermissionMatrixCoverage: Hashable, Sendable, CustomStringConvertible {
    /// Operations the catalog lists that have no row (they would always be denied).
    public let missingRows: [AccessOperation]
    /// Rows for operations the catalog does not list (stale or unregistered operations).
    public let unlistedRows: [AccessOperation]
    /// Names whose definition (module, summary, scopes, system flag) differs between the
    /// catalog and the matrix.
    public let mismatchedOperations: [String]

    /// Creates a coverage report.
    ///
    /// - Parameters:
    ///   - missingRows: Listed operations without a row.
    ///   - unlistedRows: Rows for unlisted operations.
    ///   - mismatchedOperations: Names defined differently in the two.
    public init(
        missingRows: [AccessOperation], unlistedRows: [AccessOperation], mismatchedOperations: [String]
    ) {
        self.missingRows = missingRows
        self.unlistedRows = unlistedRows
        self.mismatchedOperations = mismatchedOperations
    }

    /// Whether every listed operation has a row, defined the same way, and no row is for
    /// an unlisted operation.
    public var isComplete: Bool {
        missingRows.isEmpty && unlistedRows.isEmpty && mismatchedOperations.isEmpty
    }

    /// Names the operations in each category, or says the coverage is complete.
    public var description: String {
        if isComplete { return "every operation has a row" }
        var parts: [String] = []
        if !missingRows.isEmpty {
            parts.append("no row for: " + missingRows.map(\.name).joined(separator: ", "))
        }
        if !unlistedRows.isEmpty {
            parts.append("rows for unlisted operations: " + unlistedRows.map(\.name).joined(separator: ", "))
        }
        if !mismatchedOperations.isEmpty {
            parts.append("defined differently: " + mismatchedOperations.joined(separator: ", "))
        }
        return parts.joined(separator: "; ")
    }
}
