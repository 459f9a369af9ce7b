@testable import CXKitCore

/// The tokenizer as it was before its ASCII fast path: every scalar decoded, folded through
/// ``ScalarFolding/foldNonASCII(_:into:)`` into a scratch array and appended to an array
/// key. Tests compare ``Tokenizer`` against it, so the fast paths provably change nothing.
struct ScalarByScalarTokenizer {
    /// The tokens of `text`, as the reference scan produces them.
    func tokens(in text: String) -> [TextToken] {
        var result: [TextToken] = []
        var text = text
        text.withUTF8 { utf8 in
            scan(utf8) { key, position, range in
                result.append(
                    TextToken(key: String(decoding: key, as: UTF8.self), position: position, utf8Range: range)
                )
            }
        }
        return result
    }

    @inline(__always)
    static func decode(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
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
    static func isASCIIWordByte(_ value: UInt32) -> Bool {
        (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
            || (value >= 0x30 && value <= 0x39)
    }

    @inline(__always)
    static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    /// Whether the scalar starting at `index` begins or continues a word.
    static func isWordScalar(
        _ input: UnsafeBufferPointer<UInt8>, at index: Int, scratch: inout [UInt8]
    ) -> Bool {
        guard index < input.count else { return false }
        let value = ScalarFolding.narrowed(decode(input, at: index).0)
        if value < 0x80 { return isASCIIWordByte(value) }
        if ScalarFolding.isApostrophe(value) { return false }
        scratch.removeAll(keepingCapacity: true)
        return ScalarFolding.foldNonASCII(value, into: &scratch) > 0
    }

    func scan(
        _ input: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int, Range<Int>) -> Void
    ) {
        let limit = Tokenizer.maximumTokenLength
        var key: [UInt8] = []
        key.reserveCapacity(limit + 8)
        var scratch: [UInt8] = []
        scratch.reserveCapacity(16)
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
            if tokenStart >= 0 && !key.isEmpty {
                key.withUnsafeBufferPointer { body($0, position, tokenStart..<tokenEnd) }
                position += 1
            }
            key.removeAll(keepingCapacity: true)
            tokenStart = -1
            scalarCount = 0
            lastWasDigit = false
            isFull = false
        }

        while index < count {
            let (raw, length) = Self.decode(input, at: index)
            let value = ScalarFolding.narrowed(raw)
            let next = index + length
            if Self.isASCIIWordByte(value) {
                if !skippingSuffix {
                    if tokenStart < 0 { tokenStart = index }
                    if !isFull && key.count < limit {
                        key.append(value >= 0x41 && value <= 0x5A ? UInt8(value | 0x20) : UInt8(value))
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
                if !isFull && key.count < limit { key.append(UInt8(value)) } else { isFull = true }
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
            scratch.removeAll(keepingCapacity: true)
            let folded = ScalarFolding.foldNonASCII(value, into: &scratch)
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
                if !isFull && key.count + folded <= limit {
                    key.append(contentsOf: scratch)
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
