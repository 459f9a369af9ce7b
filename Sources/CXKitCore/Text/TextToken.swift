/// One word of a text as the ``Tokenizer`` sees it: its folded search key, its position
/// among the text's words and where it came from in the source.
public struct TextToken: Sendable, Hashable {
    /// The folded search key (`"musteri"` for `"Müşteri"`), at most
    /// ``Tokenizer/maximumTokenLength`` UTF-8 bytes.
    public let key: String
    /// The word's position: 0 for the first word of the text, 1 for the next, and so on.
    public let position: Int
    /// The word's extent in the source text as UTF-8 offsets (suffixes dropped after an
    /// apostrophe are not included).
    public let utf8Range: Range<Int>

    /// Creates a token.
    ///
    /// - Parameters:
    ///   - key: The folded search key.
    ///   - position: The word's position in the text.
    ///   - utf8Range: The word's extent in the source, as UTF-8 offsets.
    public init(key: String, position: Int, utf8Range: Range<Int>) {
        self.key = key
        self.position = position
        self.utf8Range = utf8Range
    }

    /// The word's extent as a range of indices into `text`.
    ///
    /// - Parameter text: The text this token was produced from.
    /// - Returns: The range, clamped to `text`.
    public func range(in text: String) -> Range<String.Index> {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: min(utf8Range.lowerBound, utf8.count))
        let upper = utf8.index(utf8.startIndex, offsetBy: min(utf8Range.upperBound, utf8.count))
        return lower..<upper
    }
}
