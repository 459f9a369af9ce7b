import Foundation

/// An order-preserving byte encoding of composite index keys, for backends that store
/// index entries in a byte-ordered column (PostgreSQL `bytea`, SQLite `BLOB`, DynamoDB
/// binary sort keys, FoundationDB tuples).
///
/// For any two keys `a` and `b`, `a.precedes(b)` exactly when the encoding of `a` orders
/// before the encoding of `b` under plain byte comparison (`memcmp`). Every component is
/// self-delimiting, so the encoding of a prefix is a byte prefix of the encoding of every
/// key that starts with it, which is how prefix bounds (``IndexBound``) map onto ranges:
/// keys starting with `p` are exactly those in `[encode(p), encode(p) + [0xFF])`.
///
/// Layout per component: one tag byte (`0x01` bool, `0x02` int, `0x03` double, `0x04`
/// string, `0x05` identifier, `0x06` date) followed by
/// - bool: `0x00` or `0x01`;
/// - int: 8 bytes big-endian with the sign bit flipped;
/// - double and date (seconds since 1970): 8 bytes of the IEEE 754 bits, big-endian, with
///   the sign bit flipped for non-negative values and every bit flipped for negative ones;
/// - string: its UTF-8 bytes with `0x00` written as `0x00 0xFF`, then `0x00 0x00`;
/// - identifier: 16 bytes big-endian.
public enum IndexKeyEncoding {
    /// Encodes a composite key.
    ///
    /// - Parameter key: The key's components.
    /// - Returns: Bytes whose `memcmp` order matches the key order.
    public static func encode(_ key: [IndexValue]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(key.count * 10)
        for value in key { append(value, to: &bytes) }
        return bytes
    }

    /// The smallest byte string greater than every encoding that starts with `prefix`:
    /// the exclusive end of the range of keys sharing that prefix.
    ///
    /// - Parameter prefix: An encoded prefix.
    /// - Returns: `prefix` followed by `0xFF` (no tag byte is `0xFF`).
    public static func successor(ofPrefix prefix: [UInt8]) -> [UInt8] {
        prefix + [0xFF]
    }

    private static func append(_ value: IndexValue, to bytes: inout [UInt8]) {
        switch value {
        case .bool(let flag):
            bytes.append(0x01)
            bytes.append(flag ? 1 : 0)
        case .int(let number):
            bytes.append(0x02)
            appendBigEndian(UInt64(bitPattern: number) ^ (1 << 63), to: &bytes)
        case .double(let number):
            bytes.append(0x03)
            appendBigEndian(orderedBits(number), to: &bytes)
        case .string(let text):
            bytes.append(0x04)
            for byte in text.utf8 {
                bytes.append(byte)
                if byte == 0 { bytes.append(0xFF) }
            }
            bytes.append(0)
            bytes.append(0)
        case .identifier(let id):
            bytes.append(0x05)
            appendBigEndian(id.high, to: &bytes)
            appendBigEndian(id.low, to: &bytes)
        case .date(let date):
            bytes.append(0x06)
            appendBigEndian(orderedBits(date.timeIntervalSince1970), to: &bytes)
        }
    }

    private static func orderedBits(_ number: Double) -> UInt64 {
        // NaN sorts first among doubles, matching IndexValue's order.
        if number.isNaN { return 0 }
        // -0.0 and 0.0 are equal keys, so they must encode alike.
        if number == 0 { return 1 << 63 }
        let bits = number.bitPattern
        return number.sign == .minus ? ~bits : bits ^ (1 << 63)
    }

    private static func appendBigEndian(_ word: UInt64, to bytes: inout [UInt8]) {
        var shift: UInt64 = 56
        while true {
            bytes.append(UInt8(truncatingIfNeeded: word >> shift))
            if shift == 0 { break }
            shift -= 8
        }
    }
}
