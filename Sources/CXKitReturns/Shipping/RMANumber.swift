import CXKitCore

/// A human-readable return merchandise authorisation number, unique per tenant:
/// `R-` followed by two groups of five Crockford base-32 characters (`R-7KQ2M-0XF9D`).
///
/// Numbers are drawn from an injected `RandomSource` (50 random bits); the service
/// reserves each one with a claim record inserted in the same commit as the request, so a
/// collision fails the insert and a new number is drawn — uniqueness holds by construction.
public struct RMANumber: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    /// The 50-bit value behind the number.
    public let value: UInt64

    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// Wraps a value (only its low 50 bits are used).
    ///
    /// - Parameter value: The value.
    public init(value: UInt64) { self.value = value & ((1 << 50) - 1) }

    /// Draws a random number.
    ///
    /// - Parameter random: The random source.
    /// - Returns: A new number.
    public static func random(using random: any RandomSource) -> RMANumber {
        RMANumber(value: random.nextUInt64())
    }

    /// Parses a number as printed (case-insensitive; `I`/`L` read as `1`, `O` as `0`).
    ///
    /// - Parameter text: The printed number.
    /// - Throws: ``ReturnsError`` with `.validationFailed` and field `rmaNumber`
    ///   when the text is not an RMA number.
    public init(parsing text: String) throws(ReturnsError) {
        let bytes = Array(text.uppercased().utf8).filter { $0 != UInt8(ascii: "-") }
        guard bytes.count == 11, bytes[0] == UInt8(ascii: "R") else {
            throw ReturnsError.validation(field: "rmaNumber", reason: "must look like R-SWFWK-8DW8H")
        }
        var value: UInt64 = 0
        for byte in bytes.dropFirst() {
            var symbol = byte
            if symbol == UInt8(ascii: "I") || symbol == UInt8(ascii: "L") { symbol = UInt8(ascii: "1") }
            if symbol == UInt8(ascii: "O") { symbol = UInt8(ascii: "0") }
            guard let digit = Self.alphabet.firstIndex(of: symbol) else {
                throw ReturnsError.validation(
                    field: "rmaNumber", reason: "contains a character outside base 32")
            }
            value = value << 5 | UInt64(digit)
        }
        self.init(value: value)
    }

    /// The printed form, `R-SWFWK-8DW8H`.
    public var description: String {
        // 13 ASCII characters: built in place (a small string, no allocation).
        String(unsafeUninitializedCapacity: 13) { characters in
            characters[0] = UInt8(ascii: "R")
            characters[1] = UInt8(ascii: "-")
            characters[7] = UInt8(ascii: "-")
            var remaining = value
            for position in stride(from: 12, through: 2, by: -1) where position != 7 {
                characters[position] = Self.alphabet[Int(remaining & 31)]
                remaining >>= 5
            }
            return 13
        }
    }

    /// The identifier of the claim record that reserves this number in a tenant.
    var claimIdentifier: Identifier { Identifier(high: 0x524D_4100_0000_0000, low: value) }

    /// Orders numbers by value.
    public static func < (lhs: RMANumber, rhs: RMANumber) -> Bool { lhs.value < rhs.value }

    /// Decodes the printed form.
    ///
    /// - Throws: `DecodingError` or ``ReturnsError`` when the text is not an RMA number.
    public init(from decoder: any Decoder) throws {
        try self.init(parsing: decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the printed form.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
