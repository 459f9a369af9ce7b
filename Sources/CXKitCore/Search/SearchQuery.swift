/// A search request: query text in the ``SearchQueryParser`` language, how terms combine,
/// keyword filters, the page and snippet options.
///
/// ```swift
/// let query = SearchQuery(
///     text: #"iade* "kargo ücreti" -iptal"#,
///     filters: [SearchFilter(field: "space", equals: "returns")],
///     limit: 20, snippets: SearchSnippetOptions())
/// ```
public struct SearchQuery: Sendable, Hashable {
    /// How the positive clauses of a query combine.
    public enum Mode: Sendable, Hashable {
        /// Every term, phrase and prefix must match (AND); the default.
        case all
        /// At least one must match (OR); documents matching more rank higher.
        case any
    }

    /// The query text: terms, `"phrases"`, `prefix*`, `-exclusions`. Empty text matches
    /// every document that passes the filters (with score 0, ordered by identifier).
    public var text: String
    /// How the clauses combine (default ``Mode/all``).
    public var mode: Mode
    /// Keyword filters; all must pass. At most ``SearchQuery/maximumFilterCount``.
    public var filters: [SearchFilter]
    /// The most hits to return, 1 to ``SearchQuery/maximumLimit`` (default 10).
    public var limit: Int
    /// How many of the best hits to skip, 0 to ``SearchQuery/maximumOffset``.
    public var offset: Int
    /// Snippet options, or `nil` for hits without snippets.
    public var snippets: SearchSnippetOptions?

    /// The largest accepted ``limit``.
    public static let maximumLimit = 1000
    /// The largest accepted ``offset``.
    public static let maximumOffset = 10_000
    /// The largest number of filters.
    public static let maximumFilterCount = 16

    /// Creates a query.
    ///
    /// - Parameters:
    ///   - text: The query text.
    ///   - mode: How clauses combine (default AND).
    ///   - filters: Keyword filters.
    ///   - limit: The most hits to return (default 10).
    ///   - offset: How many of the best hits to skip (default 0).
    ///   - snippets: Snippet options, or `nil` for none.
    public init(
        text: String, mode: Mode = .all, filters: [SearchFilter] = [], limit: Int = 10, offset: Int = 0,
        snippets: SearchSnippetOptions? = nil
    ) {
        self.text = text
        self.mode = mode
        self.filters = filters
        self.limit = limit
        self.offset = offset
        self.snippets = snippets
    }

    /// Checks the page, filter and snippet bounds (the text is checked by the parser).
    ///
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` for a limit below 1
    ///   (field `limit`), a negative offset (`offset`), a filter without values or with an
    ///   empty field name (`filters`) or a snippet length below the minimum
    ///   (`snippets.length`); code ``ErrorCode/limitExceeded`` for a limit, offset, filter
    ///   count, filter value count or snippet length above its maximum.
    public func validate() throws(CoreError) {
        guard limit >= 1 else { throw CoreError.validation(field: "limit", reason: "must be at least 1") }
        guard limit <= Self.maximumLimit else {
            throw CoreError.limit(field: "limit", reason: "must be at most \(Self.maximumLimit)")
        }
        guard offset >= 0 else { throw CoreError.validation(field: "offset", reason: "must not be negative") }
        guard offset <= Self.maximumOffset else {
            throw CoreError.limit(field: "offset", reason: "must be at most \(Self.maximumOffset)")
        }
        guard filters.count <= Self.maximumFilterCount else {
            throw CoreError.limit(
                field: "filters", reason: "must have at most \(Self.maximumFilterCount) filters")
        }
        for filter in filters {
            guard !filter.field.isEmpty else {
                throw CoreError.validation(field: "filters", reason: "a filter needs a field name")
            }
            guard !filter.values.isEmpty else {
                throw CoreError.validation(field: "filters", reason: "a filter needs at least one value")
            }
            guard filter.values.count <= SearchFilter.maximumValueCount else {
                throw CoreError.limit(
                    field: "filters",
                    reason: "a filter may have at most \(SearchFilter.maximumValueCount) values")
            }
        }
        if let snippets {
            guard snippets.length >= SearchSnippetOptions.minimumLength else {
                throw CoreError.validation(
                    field: "snippets.length", reason: "must be at least \(SearchSnippetOptions.minimumLength)"
                )
            }
            guard snippets.length <= SearchSnippetOptions.maximumLength else {
                throw CoreError.limit(
                    field: "snippets.length", reason: "must be at most \(SearchSnippetOptions.maximumLength)")
            }
        }
    }
}
