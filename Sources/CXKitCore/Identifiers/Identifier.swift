import Foundation

/// A 128-bit, time-sortable identifier: the raw value behind every typed ID in CXKit.
///
/// The layout is that of a version 7 UUID (RFC 9562): the first 48 bits hold the Unix
/// time in milliseconds at which the identifier was made, the rest is random. Identifiers
/// made later therefore sort after earlier ones, which keeps database indexes compact and
/// makes "newest first" a simple descending order.
///
/// `Identifier` is two `UInt64` words, so hashing and comparing it costs a few
/// nanoseconds; its `Codable` form is the canonical lower-case UUID string, so it maps
/// directly onto PostgreSQL's `uuid` type or a 36-character text column.
///
/// Create identifiers through an ``IdentifierSource`` rather than directly, so tests can
/// seed them.
public struct Identifier: Hashable, Comparable, Sendable {
    /// The most significant 64 bits (timestamp, version and the first random bits).
    public let high: UInt64
    /// The least significant 64 bits (variant and random bits).
    public let low: UInt64

    /// Creates an identifier from its two 64-bit halves.
    ///
    /// - Parameters:
    ///   - high: The most significant 64 bits.
    ///   - low: The least significant 64 bits.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Creates a version 7 identifier for the given instant with the given random bits.
    ///
    /// - Parameters:
    ///   - milliseconds: Milliseconds since 1970-01-01T00:00:00Z; only the low 48 bits are kept.
    ///   - randomHigh: Random bits; the low 12 bits are used after the version nibble.
    ///   - randomLow: Random bits; the low 62 bits are used after the variant bits.
    public init(milliseconds: UInt64, randomHigh: UInt64, randomLow: UInt64) {
        let time = (milliseconds & 0xFFFF_FFFF_FFFF) << 16
        self.high = time | 0x7000 | (randomHigh & 0x0FFF)
        self.low = 0x8000_0000_0000_0000 | (randomLow & 0x3FFF_FFFF_FFFF_FFFF)
    }

    /// Creates an identifier from a Foundation `UUID`, keeping its 128 bits unchanged.
    ///
    /// - Parameter uuid: The UUID to convert.
    public init(uuid: UUID) {
        let b = uuid.uuid
        let h: UInt64 =
            UInt64(b.0) << 56 | UInt64(b.1) << 48 | UInt64(b.2) << 40 | UInt64(b.3) << 32
            | UInt64(b.4) << 24 | UInt64(b.5) << 16 | UInt64(b.6) << 8 | UInt64(b.7)
        let l: UInt64 =
            UInt64(b.8) << 56 | UInt64(b.9) << 48 | UInt64(b.10) << 40 | UInt64(b.11) << 32
            | UInt64(b.12) << 24 | UInt64(b.13) << 16 | UInt64(b.14) << 8 | UInt64(b.15)
        self.init(high: h, low: l)
    }

    /// Parses the canonical 36-character UUID form (case-insensitive).
    ///
    /// - Parameter uuidString: A string such as `0190a6b2-7c4e-7d3a-9b1f-2a6c0e4d5f60`.
    /// - Returns: `nil` when the string is not a well-formed UUID.
    public init?(uuidString: String) {
        guard let uuid = UUID(uuidString: uuidString) else { return nil }
        self.init(uuid: uuid)
    }

    /// The all-zero identifier, useful as a sentinel lower bound.
    public static let zero = Identifier(high: 0, low: 0)

    /// The Foundation `UUID` with the same 128 bits.
    public var uuid: UUID {
        let h = high
        let l = low
        return UUID(
            uuid: (
                UInt8(truncatingIfNeeded: h >> 56), UInt8(truncatingIfNeeded: h >> 48),
                UInt8(truncatingIfNeeded: h >> 40), UInt8(truncatingIfNeeded: h >> 32),
                UInt8(truncatingIfNeeded: h >> 24), UInt8(truncatingIfNeeded: h >> 16),
                UInt8(truncatingIfNeeded: h >> 8), UInt8(truncatingIfNeeded: h),
                UInt8(truncatingIfNeeded: l >> 56), UInt8(truncatingIfNeeded: l >> 48),
                UInt8(truncatingIfNeeded: l >> 40), UInt8(truncatingIfNeeded: l >> 32),
                UInt8(truncatingIfNeeded: l >> 24), UInt8(truncatingIfNeeded: l >> 16),
                UInt8(truncatingIfNeeded: l >> 8), UInt8(truncatingIfNeeded: l)
            ))
    }

    /// The canonical lower-case UUID string, e.g. `0190a6b2-7c4e-7d3a-9b1f-2a6c0e4d5f60`,
    /// written straight into the string's storage (one allocation).
    public var uuidString: String {
        String(unsafeUninitializedCapacity: 36) { buffer in
            var position = 0
            func append(_ word: UInt64, from: Int, to: Int) {
                var shift = 60 - from * 4
                for _ in from..<to {
                    let digit = UInt8(truncatingIfNeeded: (word >> UInt64(shift)) & 0xF)
                    buffer[position] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                    position += 1
                    shift -= 4
                }
            }
            func dash() {
                buffer[position] = UInt8(ascii: "-")
                position += 1
            }
            append(high, from: 0, to: 8)
            dash()
            append(high, from: 8, to: 12)
            dash()
            append(high, from: 12, to: 16)
            dash()
            append(low, from: 0, to: 4)
            dash()
            append(low, from: 4, to: 16)
            return position
        }
    }

    /// The instant encoded in a version 7 identifier, or `nil` for other versions.
    public var timestamp: Date? {
        guard (high >> 12) & 0xF == 7 else { return nil }
        return Date(timeIntervalSince1970: Double(high >> 16) / 1000)
    }

    /// Orders identifiers by their 128-bit value, which for version 7 identifiers is
    /// creation time first.
    public static func < (lhs: Identifier, rhs: Identifier) -> Bool {
        lhs.high != rhs.high ? lhs.high < rhs.high : lhs.low < rhs.low
    }
}

extension Identifier: CustomStringConvertible, LosslessStringConvertible {
    /// The canonical UUID string.
    public var description: String { uuidString }

    /// Parses the canonical UUID string; returns `nil` when it is malformed.
    ///
    /// - Parameter description: A 36-character UUID string.
    public init?(_ description: String) {
        self.init(uuidString: description)
    }
}

extension Identifier: Codable {
    /// Decodes an identifier from its UUID string.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the string is not a UUID.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Identifier(uuidString: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected a UUID string.")
        }
        self = value
    }

    /// Encodes the identifier as its UUID string.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(uuidString)
    }
}
