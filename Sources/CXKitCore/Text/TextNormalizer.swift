/// Folds text into its search form: lower case, no diacritics, Turkish dotted and dotless
/// `i` unified, compatibility forms (full width, ligatures) replaced by plain letters.
///
/// Folding is built for matching, not display: `"Müşteri İADE"`, `"MUSTERI iade"` and
/// `"müşteri iade"` all fold to `"musteri iade"`, and `"ISTANBUL"`, `"İstanbul"`,
/// `"ıstanbul"` and `"istanbul"` all fold to `"istanbul"`.
///
/// The folding table, applied in this order:
///
/// - ASCII `A–Z` → `a–z`; digits stay; other ASCII is a separator.
/// - Full-width ASCII (U+FF01–U+FF5E) → the ASCII character (`Ａ` → `a`, `１` → `1`).
/// - Turkish `İ` (U+0130), `ı` (U+0131), `I` and `i` → `i`; `ş ğ ü ö ç` and their
///   capitals → `s g u o c`.
/// - `ß ẞ` → `ss`; `æ` → `ae`; `œ` → `oe`; `ø` → `o`; `đ ð` → `d`; `ł` → `l`; `þ` → `th`;
///   `ħ` → `h`; `ŧ` → `t`; `ĸ` → `k`; `ŉ` → `n` (capitals alike); Greek `ς` → `σ`.
/// - Ligatures `ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ` → `ff fi fl ffi ffl st st`.
/// - Other Latin, Greek and Cyrillic letters and numbers (U+0080–U+052F,
///   U+1E00–U+1FFF): compatibility decomposition (NFKD), combining marks removed,
///   lower-cased (`é` → `e`, `Ñ` → `n`, `ά` → `α`, `ё` → `е`, `²` → `2`).
/// - Combining diacritical marks (U+0300–U+036F, U+1AB0–U+1AFF, U+1DC0–U+1DFF,
///   U+20D0–U+20FF, U+FE20–U+FE2F) and variation selectors → removed; they never split a
///   word, so decomposed input folds like precomposed input.
/// - Letters, numbers and marks of other scripts (CJK, Arabic, Hebrew, Indic …) →
///   lower-cased, otherwise unchanged; their marks continue a word but never start one.
/// - Everything else (punctuation, symbols, emoji, controls, spaces) → a separator.
///
/// ASCII is folded byte by byte; other scalars of the Latin, Greek and Cyrillic ranges go
/// through a table computed once, so folding never calls Foundation per word.
public struct TextNormalizer: Sendable {
    /// Creates a normaliser.
    public init() {}

    /// Folds every letter of `text`, leaving separators (spaces, punctuation, emoji) as they
    /// are.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The folded text, e.g. `"musteri iade!"` for `"Müşteri İADE!"`.
    public func fold(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = ScalarFolding.narrowed(scalar.value)
            if value < 0x80 {
                let byte = UInt8(value)
                output.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                continue
            }
            if ScalarFolding.foldNonASCII(value, into: &output) < 0 {
                output.append(contentsOf: String(scalar).utf8)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The search key of a text: its words' folded keys joined by single spaces, as the
    /// ``Tokenizer`` produces them.
    ///
    /// Hosts that keep their own full-text index (for example SQLite FTS5) can store and
    /// query this form to get the same matching as the in-memory index.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The key, e.g. `"musteri iade"` for `"Müşteri İADE'nin!"`.
    public func searchKey(for text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        Tokenizer().forEachToken(in: text) { key, _, _ in
            if !output.isEmpty { output.append(0x20) }
            output.append(contentsOf: key)
        }
        return String(decoding: output, as: UTF8.self)
    }
}
