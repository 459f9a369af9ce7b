/// One searchable text field of a ``SearchDocument``, such as a title or a body, with the
/// weight its matches carry in ranking.
public struct SearchField: Sendable, Hashable {
    /// The field's name (`"title"`, `"body"`); 1 to 64 UTF-8 bytes. Snippets name it.
    public var name: String
    /// The field's text as the user wrote it; it is folded and tokenized for matching.
    public var text: String
    /// How much a match in this field counts: 2 makes a title word count like two body
    /// words. Between ``SearchField/minimumWeight`` and ``SearchField/maximumWeight``;
    /// indexes round it to the nearest 1/8.
    public var weight: Double

    /// The smallest accepted weight.
    public static let minimumWeight = 0.125
    /// The largest accepted weight.
    public static let maximumWeight = 64.0

    /// Creates a field.
    ///
    /// - Parameters:
    ///   - name: The field's name.
    ///   - text: The field's text.
    ///   - weight: The field's ranking weight (default 1).
    public init(name: String, text: String, weight: Double = 1) {
        self.name = name
        self.text = text
        self.weight = weight
    }

    /// A `"title"` field with weight 2.
    ///
    /// - Parameter text: The title.
    /// - Returns: The field.
    public static func title(_ text: String) -> SearchField {
        SearchField(name: "title", text: text, weight: 2)
    }

    /// A `"body"` field with weight 1.
    ///
    /// - Parameter text: The body text.
    /// - Returns: The field.
    public static func body(_ text: String) -> SearchField {
        SearchField(name: "body", text: text, weight: 1)
    }
}
