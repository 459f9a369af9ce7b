extension PermissionMatrix {
    /// The roles the SDK knows, in the column order of ``markdownTable(roles:)``.
    static let documentedRoleOrder: [Role] = [
        .customer, .member, .moderator, .agent, .supervisor, .warehouse, .finance, .analyst, .admin,
    ]

    /// Renders the matrix as a GitHub-flavoured Markdown table for documentation: one line
    /// per operation (sorted by name) with its summary, its scopes, one column per role
    /// holding the granted ownerships (`—` when none) and a `system` column.
    ///
    /// ```
    /// | Operation | Summary | Applies to | agent | admin | system |
    /// |---|---|---|---|---|---|
    /// | `returns.request.submit` | Submit a return request | own, others | own, others | own, others | — |
    /// ```
    ///
    /// - Parameter roles: The role columns, in order; by default every granted role, the
    ///   SDK's well-known roles first, then others by name.
    /// - Returns: The table, ending with a newline.
    public func markdownTable(roles: [Role]? = nil) -> String {
        let sortedRows = entries.values.sorted { $0.operation.name < $1.operation.name }
        let columns = roles ?? Self.defaultColumns(for: sortedRows)
        var lines: [String] = []
        let header = ["Operation", "Summary", "Applies to"] + columns.map(\.rawValue) + ["system"]
        lines.append("| " + header.map(Self.escape).joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: "---|", count: header.count))
        for entry in sortedRows {
            var cells = [
                "`\(entry.operation.name)`", Self.escape(entry.operation.summary),
                entry.operation.scopes.description,
            ]
            for role in columns {
                let scope = entry.grants.first { $0.role == role }?.scope ?? []
                cells.append(scope.isEmpty ? "—" : scope.description)
            }
            cells.append(entry.operation.isSystemCallable ? "yes" : "—")
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func defaultColumns(for entries: [Entry]) -> [Role] {
        let granted = Set(entries.flatMap { $0.grants.map(\.role) })
        let known = documentedRoleOrder.filter { granted.contains($0) }
        let others = granted.subtracting(documentedRoleOrder).sorted()
        return known + others
    }

    private static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "\n", "\r", "\r\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
