/// Splits text into folded words with positions and source ranges.
///
/// Rules:
/// - Words are runs of letters and digits of any script; whitespace, punctuation, symbols,
///   emoji and control characters separate words and are never part of a key.
/// - Every word is folded by the ``TextNormalizer`` rules (case, diacritics, Turkish `i`).
/// - Numbers stay whole: a `.` or `,` between two digits is kept (`3.5`, `1,000`, `v2.0`).
/// - Apostrophes (`'`, `’`, `‘`, `ʼ`, the grave accent) inside a word: the part after the apostrophe is
///   a suffix and is dropped, so Turkish `iade'nin` → `iade`, `2026'da` → `2026` and
///   English `don't` → `don`, `customer's` → `customer`. One exception keeps names and
///   elisions findable: when the part before the apostrophe is a single letter, the two
///   parts are joined (`O'Brien` → `obrien`, `l'eau` → `leau`). Queries use the same rules,
///   so a query `don't` finds a text `don't`.
/// - Keys are at most ``maximumTokenLength`` UTF-8 bytes; longer words are indexed by their
///   first bytes (cut at a character boundary).
/// - Positions count words from 0; a dropped suffix takes no position.
public struct Tokenizer: Sendable {
    /// The largest number of UTF-8 bytes in a token key.
    public static let maximumTokenLength = 64

    /// Creates a tokenizer.
    public init() {}

    /// The words of `text`, in order.
    ///
    /// - Parameter text: Any text; empty text or text without letters yields no tokens.
    /// - Returns: The tokens with folded keys, positions and source ranges.
    public func tokens(in text: String) -> [TextToken] {
        var result: [TextToken] = []
        forEachToken(in: text) { key, position, range in
            result.append(
                TextToken(key: String(decoding: key, as: UTF8.self), position: position, utf8Range: range))
        }
        return result
    }

    /// Calls `body` for every word of `text` with its folded key bytes (valid only during
    /// the call), its position and its UTF-8 extent in `text`.
    func forEachToken(
        in text: String,
        _ body: (_ key: UnsafeBufferPointer<UInt8>, _ position: Int, _ range: Range<Int>) -> Void
    ) {
        var text = text
        text.withUTF8 { utf8 in scan(utf8, body) }
    }

    @inline(__always)
    private static func decode(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let count = input.count
        let b0 = UInt32(input[index])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 {
            guard index + 1 < count else { return (0xFFFD, 1) }
            return ((b0 & 0x1F) << 6 | (UInt32(input[index + 1]) & 0x3F), 2)
        }
        if b0 < 0xF0 {
            guard index + 2 < count else { return (0xFFFD, 1) }
            return (
                (b0 & 0x0F) << 12 | (UInt32(input[index + 1]) & 0x3F) << 6
                    | (UInt32(input[index + 2]) & 0x3F), 3
            )
        }
        guard index + 3 < count else { return (0xFFFD, 1) }
        let value =
            (b0 & 0x07) << 18 | (UInt32(input[index + 1]) & 0x3F) << 12 | (UInt32(input[index + 2]) & 0x3F)
            << 6
            | (UInt32(input[index + 3]) & 0x3F)
        return (value, 4)
    }

    @inline(__always)
    private static func isASCIIWordByte(_ value: UInt32) -> Bool {
        (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
            || (value >= 0x30 && value <= 0x39)
    }

    @inline(__always)
    private static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    /// Whether the scalar starting at `index` begins or continues a word.
    private static func isWordScalar(
        _ input: UnsafeBufferPointer<UInt8>, at index: Int, scratch: inout [UInt8]
    ) -> Bool {
        guard index < input.count else { return false }
        let value = ScalarFolding.narrowed(decode(input, at: index).0)
        if value < 0x80 { return isASCIIWordByte(value) }
        if ScalarFolding.isApostrophe(value) { return false }
        scratch.removeAll(keepingCapacity: true)
        return ScalarFolding.foldNonASCII(value, into: &scratch) > 0
    }

    private func scan(
        _ input: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int, Range<Int>) -> Void
    ) {
        // The key lives in a fixed buffer: a folded scalar adds at most a few bytes past the
        // limit before it is rejected, so `limit + 32` bytes always suffice.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maximumTokenLength + 32) { key in
            scan(input, key: key, body)
        }
    }

    private func scan(
        _ input: UnsafeBufferPointer<UInt8>, key: UnsafeMutableBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>, Int, Range<Int>) -> Void
    ) {
        let limit = Self.maximumTokenLength
        var keyCount = 0
        var scratch: [UInt8] = []
        var position = 0
        var tokenStart = -1
        var tokenEnd = 0
        var scalarCount = 0
        var lastWasDigit = false
        var skippingSuffix = false
        var isFull = false
        var index = 0
        let count = input.count

        func emit() {
            if tokenStart >= 0 && keyCount > 0 {
                body(UnsafeBufferPointer(rebasing: key[0..<keyCount]), position, tokenStart..<tokenEnd)
                position += 1
            }
            keyCount = 0
            tokenStart = -1
            scalarCount = 0
            lastWasDigit = false
            isFull = false
        }

        while index < count {
            let byte = input[index]
            if byte < 0x80 {
                // ASCII fast path: a whole run of ASCII letters and digits at once, folded
                // byte by byte with the same rules as the scalar path below.
                let lowered = byte | 0x20
                if lowered &- 0x61 < 26 || byte &- 0x30 < 10 {
                    if skippingSuffix {
                        index += 1
                        while index < count {
                            let next = input[index]
                            guard (next | 0x20) &- 0x61 < 26 || next &- 0x30 < 10 else { break }
                            index += 1
                        }
                        continue
                    }
                    if tokenStart < 0 { tokenStart = index }
                    var current = byte
                    while true {
                        let isDigit = current &- 0x30 < 10
                        if !isFull && keyCount < limit {
                            key[keyCount] = isDigit ? current : current | 0x20
                            keyCount += 1
                        } else {
                            isFull = true
                        }
                        lastWasDigit = isDigit
                        scalarCount += 1
                        index += 1
                        guard index < count else { break }
                        current = input[index]
                        guard (current | 0x20) &- 0x61 < 26 || current &- 0x30 < 10 else { break }
                    }
                    tokenEnd = index
                    continue
                }
            }
            let (raw, length) = Self.decode(input, at: index)
            let value = ScalarFolding.narrowed(raw)
            let next = index + length
            if Self.isASCIIWordByte(value) {
                if !skippingSuffix {
                    if tokenStart < 0 { tokenStart = index }
                    if !isFull && keyCount < limit {
                        key[keyCount] = value >= 0x41 && value <= 0x5A ? UInt8(value | 0x20) : UInt8(value)
                        keyCount += 1
                    } else {
                        isFull = true
                    }
                    scalarCount += 1
                    lastWasDigit = Self.isDigit(value)
                    tokenEnd = next
                }
                index = next
                continue
            }
            if ScalarFolding.isApostrophe(value) {
                let continuesWord =
                    (tokenStart >= 0 || skippingSuffix)
                    && Self.isWordScalar(input, at: next, scratch: &scratch)
                if continuesWord {
                    if !skippingSuffix && !(scalarCount == 1 && !lastWasDigit) {
                        emit()
                        skippingSuffix = true
                    }
                } else {
                    emit()
                    skippingSuffix = false
                }
                index = next
                continue
            }
            if (value == 0x2E || value == 0x2C) && lastWasDigit && tokenStart >= 0 && !skippingSuffix
                && next < count && Self.isDigit(UInt32(input[next]))
            {
                if !isFull && keyCount < limit {
                    key[keyCount] = UInt8(value)
                    keyCount += 1
                } else {
                    isFull = true
                }
                lastWasDigit = false
                tokenEnd = next
                index = next
                continue
            }
            if value < 0x80 {
                emit()
                skippingSuffix = false
                index = next
                continue
            }
            // Latin, Greek and Cyrillic scalars fold straight from the table into the key;
            // others through `scratch`.
            let room = skippingSuffix || isFull ? 0 : limit - keyCount
            let tableFolded = ScalarFolding.foldInTable(value, into: key, at: keyCount, room: room)
            let folded: Int
            if let tableFolded {
                folded = tableFolded
            } else {
                scratch.removeAll(keepingCapacity: true)
                folded = ScalarFolding.foldNonASCII(value, into: &scratch)
            }
            if folded < 0 {
                emit()
                skippingSuffix = false
            } else if folded == 0 {
                if tokenStart >= 0 && !skippingSuffix { tokenEnd = next }
            } else if !skippingSuffix {
                if tokenStart < 0 {
                    if ScalarFolding.isMark(value) {
                        index = next
                        continue
                    }
                    tokenStart = index
                }
                if !isFull && keyCount + folded <= limit {
                    if tableFolded == nil {
                        for folded in scratch {
                            key[keyCount] = folded
                            keyCount += 1
                        }
                    } else {
                        keyCount += folded
                    }
                } else {
                    isFull = true
                }
                scalarCount += 1
                lastWasDigit = false
                tokenEnd = next
            }
            index = next
        }
        emit()
    }
}
