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
/// - double and date (seconds since Foundation's reference date, 2001-01-01, so every
///   distinct `Date` keeps a distinct key): 8 bytes of the IEEE 754 bits, big-endian, with
///   the sign bit flipped for non-negative values and every bit flipped for negative ones
///   (NaN first, both zeros alike);
/// - string: its UTF-8 bytes with `0x00` written as `0x00 0xFF`, then `0x00`;
/// - identifier: 16 bytes big-endian.
///
/// The in-memory store compares keys in this same encoding.
public enum IndexKeyEncoding {
    /// Encodes a composite key.
    ///
    /// - Parameter key: The key's components.
    /// - Returns: Bytes whose `memcmp` order matches the key order.
    public static func encode(_ key: [IndexValue]) -> [UInt8] {
        var writer = IndexKeyWriter()
        for value in key { writer.append(value) }
        return writer.bytes
    }

    /// The smallest byte string greater than every encoding that starts with `prefix`:
    /// the exclusive end of the range of keys sharing that prefix.
    ///
    /// - Parameter prefix: An encoded prefix.
    /// - Returns: `prefix` followed by `0xFF` (no tag byte is `0xFF`).
    public static func successor(ofPrefix prefix: [UInt8]) -> [UInt8] {
        prefix + [0xFF]
    }
}
