import CXKitCore

extension Generator where Value == String {
    /// Strings of characters drawn uniformly from an alphabet; shrinks to shorter strings
    /// and towards the alphabet's first character.
    ///
    /// - Parameters:
    ///   - alphabet: The characters to use, e.g. `"abc "` or ``turkishLetters``.
    ///   - length: The allowed lengths in characters (bounded by the size hint like
    ///     ``array(of:count:)``).
    /// - Returns: The generator; with an empty alphabet it makes only `""` when the length
    ///   range allows it, and otherwise throws ``GenerationFailure`` when making a value.
    public static func string(of alphabet: String, length: ClosedRange<Int> = 0...30) -> Generator<String> {
        let characters = Array(alphabet)
        guard !characters.isEmpty else {
            return max(0, length.lowerBound) == 0
                ? .constant("") : .failing("string(of:length:) was given an empty alphabet")
        }
        return Generator<[Character]>.array(of: .element(of: characters), count: length).map { String($0) }
    }

    /// Lower-case ASCII letters.
    public static let asciiLowercase = "abcdefghijklmnopqrstuvwxyz"

    /// The Turkish alphabet in both cases, including the dotted and dotless i.
    public static let turkishLetters = "abcçdefgğhıijklmnoöprsştuüvyzABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ"

    /// Fragments that break naive text handling, used by ``unicodeNasty(fragments:)``.
    public static let nastyFragments: [String] = [
        // Control characters and odd whitespace.
        "\u{0}", "\t", "\n", "\r\n", "\u{7}", "\u{1B}[31m", "\u{7F}", "\u{A0}", "\u{2028}", "\u{3000}",
        // Zero-width and formatting characters.
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{2060}",
        // Bidirectional text and overrides.
        "\u{202E}", "\u{200F}", "\u{061C}", "שלום", "مرحبا", "\u{202E}gnp.exe",
        // Emoji: modifiers, ZWJ sequences, flags, keycaps.
        "👍🏽", "👨‍👩‍👧‍👦", "🇹🇷", "🏳️‍🌈", "1️⃣", "🙂",
        // Combining marks and precomposed/decomposed pairs.
        "e\u{301}", "\u{E9}", "Z\u{324}\u{354}\u{367}\u{311}\u{313}", "\u{301}", "n\u{303}",
        // Turkish letters whose case mapping is special.
        "İ", "ı", "I", "i", "ş", "Ş", "ğ", "Ğ", "ç", "Ç", "ö", "Ö", "ü", "Ü", "İSTANBUL", "ıiIİ",
        "iade'nin", "müşteri",
        // Quotes, apostrophes and escape characters.
        "\"", "'", "`", "“", "”", "‘", "’", "«", "»", "\\", "\\\"", "''", "\"\"",
        // Query and markup syntax.
        "*", "-", "--", "(", ")", ":", "%", "_", "AND", "OR", "NOT", "<script>", "&amp;", "{{", "}}",
        // Other scripts, ligatures and replacement characters.
        "ß", "ﬁ", "Å", "日本語", "\u{FFFD}", "\u{10FFFF}",
        // Plain words, numbers and long runs.
        "iade", "refund", "order 42", "3.14", "-0", "9223372036854775808",
        String(repeating: "a", count: 64),
    ]

    /// Strings made of fragments that break naive text handling: control characters, RTL
    /// text and overrides, emoji sequences, combining marks, Turkish letters (İ/ı), quotes,
    /// escapes and query syntax, mixed with plain words. Use it to fuzz parsers,
    /// normalisers and tokenisers. Shrinks by dropping fragments.
    ///
    /// - Parameter fragments: How many fragments to join.
    /// - Returns: The generator.
    public static func unicodeNasty(fragments: ClosedRange<Int> = 0...12) -> Generator<String> {
        let pieces = Generator.element(of: nastyFragments)
        let words = Generator.string(of: asciiLowercase + " ", length: 1...8)
        let fragment = Generator.frequency([(weight: 1, generator: words), (weight: 3, generator: pieces)])
        return Generator<[String]>.array(of: fragment, count: fragments).map { $0.joined() }
    }
}
