/// Folds text into its search form: lower case, no diacritics, Turkish dotted and dotless
/// `i` unified, compatibility forms (full width, ligatures) replaced by plain letters.
///
/// Folding is built for matching, not display: `"Müşteri İADE"`, `"MUSTERI iade"` and
/// `"müşteri iade"` all fold to `"musteri iade"`, and `"ISTANBUL"`, `"İstanbul"` and
/// `"istanbul"` all fold to `"istanbul"`. The full table is documented on the internal
/// folding type; in short:
///
/// - `A–Z` → `a–z`; `İ`, `I`, `ı`, `i` → `i`; `ş ğ ü ö ç` → `s g u o c`;
/// - `ß` → `ss`, `æ` → `ae`, `œ` → `oe`, `ø` → `o`, `ł` → `l`, `đ`/`ð` → `d`, `þ` → `th`;
/// - other Latin, Greek and Cyrillic letters lose their accents (`é` → `e`, `ά` → `α`);
/// - full-width ASCII becomes ASCII (`ＡＢＣ` → `abc`), ligatures are split (`ﬁ` → `fi`);
/// - combining accents are removed; letters of other scripts are only lower-cased.
///
/// ASCII is folded byte by byte; other scalars go through a precomputed table, so folding
/// never calls Foundation per word.
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
