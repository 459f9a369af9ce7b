/// How a search builds snippets: which fields and how long.
public struct SearchSnippetOptions: Sendable, Hashable {
    /// The longest snippet, in UTF-8 bytes of the source text (a Latin letter takes 1–2);
    /// between ``SearchSnippetOptions/minimumLength`` and ``SearchSnippetOptions/maximumLength``.
    public var length: Int
    /// The fields to build snippets for, or `nil` for every field with a match.
    public var fields: [String]?

    /// The smallest accepted length.
    public static let minimumLength = 16
    /// The largest accepted length.
    public static let maximumLength = 4096

    /// Creates snippet options.
    ///
    /// - Parameters:
    ///   - length: The longest snippet in UTF-8 bytes (default 160).
    ///   - fields: The fields to build snippets for (default: every field with a match).
    public init(length: Int = 160, fields: [String]? = nil) {
        self.length = length
        self.fields = fields
    }
}
