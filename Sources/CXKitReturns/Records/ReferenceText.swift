import CXKitCore

/// Builds the text references the service stores or sends (rollup keys of products,
/// idempotency keys, restock and hold references) in one allocation each: the same
/// characters as `Identifier.uuidString` and string interpolation would give.
enum ReferenceText {
    private static let hex: StaticString = "0123456789abcdef"

    /// `prefix + id.uuidString + suffix`.
    static func uuid(_ id: Identifier, prefix: String = "", suffix: String = "") -> String {
        var prefix = prefix
        var suffix = suffix
        return prefix.withUTF8 { head in
            suffix.withUTF8 { tail in
                String(unsafeUninitializedCapacity: head.count + 36 + tail.count) { buffer in
                    var position = 0
                    for byte in head {
                        buffer[position] = byte
                        position += 1
                    }
                    hex.withUTF8Buffer { digits in
                        func put(_ word: UInt64, from: Int, to: Int) {
                            var shift = 60 - from * 4
                            for _ in from..<to {
                                buffer[position] = digits[Int((word >> UInt64(shift)) & 0xF)]
                                position += 1
                                shift -= 4
                            }
                        }
                        func dash() {
                            buffer[position] = UInt8(ascii: "-")
                            position += 1
                        }
                        put(id.high, from: 0, to: 8)
                        dash()
                        put(id.high, from: 8, to: 12)
                        dash()
                        put(id.high, from: 12, to: 16)
                        dash()
                        put(id.low, from: 0, to: 4)
                        dash()
                        put(id.low, from: 4, to: 16)
                    }
                    for byte in tail {
                        buffer[position] = byte
                        position += 1
                    }
                    return position
                }
            }
        }
    }
}
