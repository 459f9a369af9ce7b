import Foundation

/// How one Unicode scalar takes part in a search key.
///
/// The folding table, applied in this order:
///
/// - ASCII `A–Z` → `a–z`; digits stay; other ASCII is a separator.
/// - Full-width ASCII (U+FF01–U+FF5E) → the ASCII character (`Ａ` → `a`, `１` → `1`).
/// - Turkish `İ` (U+0130), `ı` (U+0131), `I` and `i` → `i` (built for matching, not
///   display); `ş ğ ü ö ç` and their capitals → `s g u o c` (by decomposition, below).
/// - `ß ẞ` → `ss`; `æ` → `ae`; `œ` → `oe`; `ø` → `o`; `đ ð` → `d`; `ł` → `l`; `þ` → `th`;
///   `ħ` → `h`; `ŧ` → `t`; `ĸ` → `k`; `ŉ` → `n` (capitals alike); Greek `ς` → `σ`.
/// - Ligatures `ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ` → `ff fi fl ffi ffl st st`.
/// - Other Latin, Greek and Cyrillic letters and numbers (U+0080–U+052F,
///   U+1E00–U+1FFF): compatibility decomposition (NFKD), combining marks removed,
///   lower-cased (`é` → `e`, `Ñ` → `n`, `ά` → `α`, `ё` → `е`, `²` → `2`). Precomputed
///   once into a table; Foundation is never called per word.
/// - Combining diacritical marks (U+0300–U+036F, U+1AB0–U+1AFF, U+1DC0–U+1DFF,
///   U+20D0–U+20FF, U+FE20–U+FE2F) and variation selectors → removed; they never split
///   a word.
/// - Letters, numbers and marks of other scripts (CJK, Arabic, Hebrew, Indic …) →
///   lower-cased, otherwise unchanged; their marks continue a word but never start one.
/// - Everything else (punctuation, symbols, emoji, controls, spaces) → a separator.
enum ScalarFolding {
    /// Table entry for a separator: ends the current word.
    private static let separator: UInt32 = 0
    /// Table entry for a combining mark removed by folding: part of the word, no bytes.
    private static let removedMark: UInt32 = 1

    /// Entry layout: 0 = separator, 1 = removed mark, otherwise
    /// `(offset << 8) | length` with `length > 0` into ``bytes``.
    private struct Table: Sendable {
        var entries: [UInt32]
        var bytes: [UInt8]
    }

    private static let tableStart: UInt32 = 0x80
    private static let tableEnd: UInt32 = 0x2000

    private static let table: Table = buildTable()

    private static let explicit: [UInt32: String] = [
        0x0130: "i", 0x0131: "i", 0x00DF: "ss", 0x1E9E: "ss", 0x00C6: "ae", 0x00E6: "ae",
        0x0152: "oe", 0x0153: "oe", 0x00D8: "o", 0x00F8: "o", 0x0110: "d", 0x0111: "d",
        0x00D0: "d", 0x00F0: "d", 0x0141: "l", 0x0142: "l", 0x00DE: "th", 0x00FE: "th",
        0x0126: "h", 0x0127: "h", 0x0166: "t", 0x0167: "t", 0x0138: "k", 0x0149: "n",
        0x03C2: "σ", 0x1E9B: "s",
    ]

    /// Whether `value` is a combining diacritical mark that folding removes.
    @inline(__always)
    static func isRemovedMark(_ value: UInt32) -> Bool {
        (0x0300...0x036F).contains(value) || (0x1AB0...0x1AFF).contains(value)
            || (0x1DC0...0x1DFF).contains(value) || (0x20D0...0x20FF).contains(value)
            || (0xFE20...0xFE2F).contains(value) || (0xFE00...0xFE0F).contains(value)
            || (0xE0100...0xE01EF).contains(value)
    }

    /// Whether `value` is a combining mark (which continues a word but never starts one).
    static func isMark(_ value: UInt32) -> Bool {
        // No scalar below the combining diacritical marks is a mark.
        guard value >= 0x0300, let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Whether `value` is an apostrophe (`'`, `’`, `‘`, `ʼ`, `` ` ``).
    @inline(__always)
    static func isApostrophe(_ value: UInt32) -> Bool {
        value == 0x27 || value == 0x2019 || value == 0x2018 || value == 0x02BC || value == 0x60
    }

    /// Maps full-width ASCII forms onto ASCII; other values are returned unchanged.
    @inline(__always)
    static func narrowed(_ value: UInt32) -> UInt32 {
        (0xFF01...0xFF5E).contains(value) ? value - 0xFEE0 : value
    }

    /// Folds a scalar of the precomputed Latin, Greek and Cyrillic ranges straight into a
    /// buffer, as ``foldNonASCII(_:into:)`` would fold it.
    ///
    /// - Parameters:
    ///   - value: A scalar value.
    ///   - output: The buffer the folded bytes go to; they are written only when they fit
    ///     in `room`.
    ///   - start: Where in `output` they go.
    ///   - room: The bytes available from `start` (at most `output.count - start`).
    /// - Returns: `nil` when `value` lies outside the table (use ``foldNonASCII(_:into:)``),
    ///   -1 for a separator, 0 for a removed mark, otherwise the folded length.
    @inline(__always)
    static func foldInTable(
        _ value: UInt32, into output: UnsafeMutableBufferPointer<UInt8>, at start: Int, room: Int
    ) -> Int? {
        guard value >= tableStart && (value < 0x0530 || (value >= 0x1E00 && value < tableEnd)) else {
            return nil
        }
        let entry = table.entries[Int(value - tableStart)]
        if entry <= removedMark { return entry == separator ? -1 : 0 }
        let offset = Int(entry >> 8)
        let length = Int(entry & 0xFF)
        if length <= room {
            table.bytes.withUnsafeBufferPointer { bytes in
                var index = 0
                while index < length {
                    output[start + index] = bytes[offset + index]
                    index += 1
                }
            }
        }
        return length
    }

    /// Folds a non-ASCII scalar value, appending its folded UTF-8 bytes to `output`.
    ///
    /// - Returns: -1 for a separator, 0 for a removed combining mark (part of the word, no
    ///   bytes), otherwise the number of bytes appended.
    static func foldNonASCII(_ value: UInt32, into output: inout [UInt8]) -> Int {
        if value >= tableStart && (value < 0x0530 || (value >= 0x1E00 && value < tableEnd)) {
            let entry = table.entries[Int(value - tableStart)]
            if entry <= removedMark { return entry == separator ? -1 : 0 }
            let offset = Int(entry >> 8)
            let length = Int(entry & 0xFF)
            output.append(contentsOf: table.bytes[offset..<(offset + length)])
            return length
        }
        if isRemovedMark(value) { return 0 }
        switch value {
        case 0xFB00:
            output.append(contentsOf: "ff".utf8)
            return 2
        case 0xFB01:
            output.append(contentsOf: "fi".utf8)
            return 2
        case 0xFB02:
            output.append(contentsOf: "fl".utf8)
            return 2
        case 0xFB03:
            output.append(contentsOf: "ffi".utf8)
            return 3
        case 0xFB04:
            output.append(contentsOf: "ffl".utf8)
            return 3
        case 0xFB05, 0xFB06:
            output.append(contentsOf: "st".utf8)
            return 2
        case 0x1E9E:
            output.append(contentsOf: "ss".utf8)
            return 2
        default: break
        }
        guard let scalar = Unicode.Scalar(value) else { return -1 }
        let properties = scalar.properties
        let isWordPart: Bool
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            isWordPart = true
        default:
            isWordPart = properties.isAlphabetic
        }
        guard isWordPart else { return -1 }
        let before = output.count
        if properties.changesWhenLowercased {
            output.append(contentsOf: properties.lowercaseMapping.utf8)
        } else {
            output.append(contentsOf: String(scalar).utf8)
        }
        return output.count - before
    }

    private static func buildTable() -> Table {
        var entries = [UInt32](repeating: separator, count: Int(tableEnd - tableStart))
        var bytes: [UInt8] = []
        for value in tableStart..<tableEnd where value < 0x0530 || value >= 0x1E00 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded: String?
            if let mapped = explicit[value] {
                folded = mapped
            } else if isRemovedMark(value) {
                entries[Int(value - tableStart)] = removedMark
                continue
            } else {
                folded = genericFold(scalar)
            }
            guard let folded, !folded.isEmpty else { continue }
            let utf8 = Array(folded.utf8)
            if utf8.count == 1 && utf8[0] < 0x80 && !isASCIIWordByte(utf8[0]) { continue }
            entries[Int(value - tableStart)] = UInt32(bytes.count) << 8 | UInt32(utf8.count)
            bytes.append(contentsOf: utf8)
        }
        return Table(entries: entries, bytes: bytes)
    }

    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// NFKD, marks removed, lower-cased; `nil` for scalars that are not letters or numbers.
    private static func genericFold(_ scalar: Unicode.Scalar) -> String? {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return nil
        case .decimalNumber, .letterNumber, .otherNumber:
            break
        default:
            guard properties.isAlphabetic else { return nil }
        }
        let decomposed = String(scalar).decomposedStringWithCompatibilityMapping
        var result = ""
        for part in decomposed.unicodeScalars {
            let partProperties = part.properties
            switch partProperties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            case .decimalNumber, .letterNumber, .otherNumber:
                break
            default:
                guard partProperties.isAlphabetic else { continue }
            }
            if let mapped = explicit[part.value] {
                result += mapped
                continue
            }
            for lowered in partProperties.lowercaseMapping.unicodeScalars {
                switch lowered.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: continue
                default:
                    if let mapped = explicit[lowered.value] {
                        result += mapped
                    } else {
                        result.unicodeScalars.append(lowered)
                    }
                }
            }
        }
        return result
    }
}
