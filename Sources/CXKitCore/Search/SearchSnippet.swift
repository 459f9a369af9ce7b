/// An excerpt of one field around the best match of a hit, with the matched words marked.
public struct SearchSnippet: Sendable, Hashable {
    /// The field the excerpt comes from (`"title"`, `"body"`).
    public let field: String
    /// The excerpt, as written in the source (not folded).
    public let text: String
    /// The matched words, as ranges of ``text``, in order and not overlapping.
    public let highlights: [Range<String.Index>]
    /// Whether the excerpt starts after the beginning of the field.
    public let isTruncatedAtStart: Bool
    /// Whether the excerpt ends before the end of the field.
    public let isTruncatedAtEnd: Bool

    /// Creates a snippet.
    ///
    /// - Parameters:
    ///   - field: The source field.
    ///   - text: The excerpt.
    ///   - highlights: Ranges of `text` to highlight, ascending and disjoint.
    ///   - isTruncatedAtStart: Whether text before the excerpt was left out.
    ///   - isTruncatedAtEnd: Whether text after the excerpt was left out.
    public init(
        field: String, text: String, highlights: [Range<String.Index>], isTruncatedAtStart: Bool,
        isTruncatedAtEnd: Bool
    ) {
        self.field = field
        self.text = text
        self.highlights = highlights
        self.isTruncatedAtStart = isTruncatedAtStart
        self.isTruncatedAtEnd = isTruncatedAtEnd
    }

    /// The highlighted words as strings, in order.
    public var highlightedWords: [String] { highlights.map { String(text[$0]) } }

    /// The excerpt with every highlight wrapped in markers and an ellipsis where text was
    /// left out, e.g. `"…bir «iade» talebi…"`.
    ///
    /// - Parameters:
    ///   - open: The marker before a highlight (default `«`).
    ///   - close: The marker after a highlight (default `»`).
    ///   - ellipsis: Placed where text was left out (default `…`).
    /// - Returns: The marked-up excerpt, not escaped.
    public func marked(open: String = "«", close: String = "»", ellipsis: String = "…") -> String {
        render(open: open, close: close, ellipsis: ellipsis) { String($0) }
    }

    /// The excerpt as HTML: text escaped (`& < > " '`), highlights wrapped in `<mark>`.
    ///
    /// - Parameter ellipsis: Placed where text was left out (default `…`).
    /// - Returns: An HTML fragment safe to insert as element content.
    public func html(ellipsis: String = "…") -> String {
        render(
            open: "<mark>", close: "</mark>", ellipsis: Self.escaped(Substring(ellipsis)),
            transform: Self.escaped)
    }

    private func render(
        open: String, close: String, ellipsis: String, transform: (Substring) -> String
    ) -> String {
        var output = isTruncatedAtStart ? ellipsis : ""
        var cursor = text.startIndex
        for range in highlights where range.lowerBound >= cursor && range.upperBound <= text.endIndex {
            output += transform(text[cursor..<range.lowerBound])
            output += open + transform(text[range]) + close
            cursor = range.upperBound
        }
        output += transform(text[cursor...])
        if isTruncatedAtEnd { output += ellipsis }
        return output
    }

    private static func escaped(_ text: Substring) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
