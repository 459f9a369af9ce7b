/// An ISO 4217 alphabetic currency code (`"TRY"`, `"USD"`, `"JPY"`) together with the
/// number of minor-unit digits the standard assigns to it (its exponent).
///
/// Only codes of currencies with a defined minor unit are accepted: the active currencies
/// and funds codes of ISO 4217 list one, plus the CFA/CFP francs and the East Caribbean
/// dollar (`XAF`, `XOF`, `XPF`, `XCD`, `XCG`). Precious metals, SDR and test codes (`XAU`,
/// `XDR`, `XTS` and the no-currency code …) have no minor unit and are rejected.
///
/// The code is stored as three packed bytes, so comparing and hashing it costs a couple
/// of instructions. Its `Codable` form is the three-letter string.
public struct CurrencyCode: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The three ASCII letters packed big-endian into the low 24 bits.
    private let packed: UInt32
    /// The number of digits after the decimal separator (2 for TRY, 0 for JPY, 3 for KWD).
    public let minorUnitExponent: Int

    /// Creates a currency from its ISO 4217 alphabetic code.
    ///
    /// - Parameter code: Three upper-case ASCII letters of a currency with a minor unit.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"currency"` when the code is
    ///   not three upper-case letters or is not a known ISO 4217 currency.
    public init(_ code: String) throws {
        try self.init(code, field: "currency")
    }

    /// Creates a currency, naming `field` in the validation error.
    init(_ code: String, field: String) throws {
        guard let packed = CurrencyCode.pack(code) else {
            throw CoreError.validation(field: field, reason: "must be three upper-case letters (ISO 4217)")
        }
        guard let exponent = CurrencyCode.exponents[packed] else {
            throw CoreError.validation(field: field, reason: "is not a known ISO 4217 currency code")
        }
        self.packed = packed
        self.minorUnitExponent = Int(exponent)
    }

    /// Creates a currency from a code known to be in the table (used for the constants).
    private init(known code: StaticString, exponent: Int) {
        var value: UInt32 = 0
        code.withUTF8Buffer { bytes in
            for byte in bytes { value = value << 8 | UInt32(byte) }
        }
        self.packed = value
        self.minorUnitExponent = exponent
    }

    /// The three-letter code, e.g. `"TRY"`.
    public var code: String {
        let bytes: [UInt8] = [
            UInt8(truncatingIfNeeded: packed >> 16), UInt8(truncatingIfNeeded: packed >> 8),
            UInt8(truncatingIfNeeded: packed),
        ]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The three-letter code.
    public var description: String { code }

    /// How many minor units make one major unit (100 for TRY, 1 for JPY, 1000 for KWD).
    public var minorUnitsPerMajorUnit: Int64 {
        var result: Int64 = 1
        for _ in 0..<minorUnitExponent { result *= 10 }
        return result
    }

    /// Every supported ISO 4217 code, sorted alphabetically.
    public static var allCodes: [String] {
        exponents.keys.sorted().map { packed in
            String(
                decoding: [UInt8(packed >> 16 & 0xFF), UInt8(packed >> 8 & 0xFF), UInt8(packed & 0xFF)],
                as: UTF8.self)
        }
    }

    /// Decodes the three-letter code.
    ///
    /// - Throws: ``CoreError`` `.validationFailed` naming the coding path when the code is
    ///   malformed or unknown; `DecodingError` when the value is not a string.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text, field: CodingPathText.field(decoder.codingPath, root: "currency"))
    }

    /// Encodes the three-letter code.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    /// Turkish lira.
    public static let turkishLira = CurrencyCode(known: "TRY", exponent: 2)
    /// United States dollar.
    public static let usDollar = CurrencyCode(known: "USD", exponent: 2)
    /// Euro.
    public static let euro = CurrencyCode(known: "EUR", exponent: 2)
    /// Pound sterling.
    public static let poundSterling = CurrencyCode(known: "GBP", exponent: 2)
    /// Japanese yen (no minor unit).
    public static let japaneseYen = CurrencyCode(known: "JPY", exponent: 0)
    /// Kuwaiti dinar (three minor-unit digits).
    public static let kuwaitiDinar = CurrencyCode(known: "KWD", exponent: 3)

    private static func pack(_ code: String) -> UInt32? {
        var value: UInt32 = 0
        var count = 0
        for byte in code.utf8 {
            guard count < 3, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else { return nil }
            value = value << 8 | UInt32(byte)
            count += 1
        }
        return count == 3 ? value : nil
    }

    /// ISO 4217 minor-unit exponents (list one, amendments up to 2025), keyed by packed code.
    private static let exponents: [UInt32: UInt8] = {
        let table: [(String, UInt8)] = [
            ("AED", 2), ("AFN", 2), ("ALL", 2), ("AMD", 2), ("ANG", 2), ("AOA", 2), ("ARS", 2),
            ("AUD", 2), ("AWG", 2), ("AZN", 2), ("BAM", 2), ("BBD", 2), ("BDT", 2), ("BGN", 2),
            ("BHD", 3), ("BIF", 0), ("BMD", 2), ("BND", 2), ("BOB", 2), ("BOV", 2), ("BRL", 2),
            ("BSD", 2), ("BTN", 2), ("BWP", 2), ("BYN", 2), ("BZD", 2), ("CAD", 2), ("CDF", 2),
            ("CHE", 2), ("CHF", 2), ("CHW", 2), ("CLF", 4), ("CLP", 0), ("CNY", 2), ("COP", 2),
            ("COU", 2), ("CRC", 2), ("CUP", 2), ("CVE", 2), ("CZK", 2), ("DJF", 0), ("DKK", 2),
            ("DOP", 2), ("DZD", 2), ("EGP", 2), ("ERN", 2), ("ETB", 2), ("EUR", 2), ("FJD", 2),
            ("FKP", 2), ("GBP", 2), ("GEL", 2), ("GHS", 2), ("GIP", 2), ("GMD", 2), ("GNF", 0),
            ("GTQ", 2), ("GYD", 2), ("HKD", 2), ("HNL", 2), ("HTG", 2), ("HUF", 2), ("IDR", 2),
            ("ILS", 2), ("INR", 2), ("IQD", 3), ("IRR", 2), ("ISK", 0), ("JMD", 2), ("JOD", 3),
            ("JPY", 0), ("KES", 2), ("KGS", 2), ("KHR", 2), ("KMF", 0), ("KPW", 2), ("KRW", 0),
            ("KWD", 3), ("KYD", 2), ("KZT", 2), ("LAK", 2), ("LBP", 2), ("LKR", 2), ("LRD", 2),
            ("LSL", 2), ("LYD", 3), ("MAD", 2), ("MDL", 2), ("MGA", 2), ("MKD", 2), ("MMK", 2),
            ("MNT", 2), ("MOP", 2), ("MRU", 2), ("MUR", 2), ("MVR", 2), ("MWK", 2), ("MXN", 2),
            ("MXV", 2), ("MYR", 2), ("MZN", 2), ("NAD", 2), ("NGN", 2), ("NIO", 2), ("NOK", 2),
            ("NPR", 2), ("NZD", 2), ("OMR", 3), ("PAB", 2), ("PEN", 2), ("PGK", 2), ("PHP", 2),
            ("PKR", 2), ("PLN", 2), ("PYG", 0), ("QAR", 2), ("RON", 2), ("RSD", 2), ("RUB", 2),
            ("RWF", 0), ("SAR", 2), ("SBD", 2), ("SCR", 2), ("SDG", 2), ("SEK", 2), ("SGD", 2),
            ("SHP", 2), ("SLE", 2), ("SOS", 2), ("SRD", 2), ("SSP", 2), ("STN", 2), ("SVC", 2),
            ("SYP", 2), ("SZL", 2), ("THB", 2), ("TJS", 2), ("TMT", 2), ("TND", 3), ("TOP", 2),
            ("TRY", 2), ("TTD", 2), ("TWD", 2), ("TZS", 2), ("UAH", 2), ("UGX", 0), ("USD", 2),
            ("USN", 2), ("UYI", 0), ("UYU", 2), ("UYW", 4), ("UZS", 2), ("VED", 2), ("VES", 2),
            ("VND", 0), ("VUV", 0), ("WST", 2), ("XAF", 0), ("XCD", 2), ("XCG", 2), ("XOF", 0),
            ("XPF", 0), ("YER", 2), ("ZAR", 2), ("ZMW", 2), ("ZWG", 2),
        ]
        var result: [UInt32: UInt8] = [:]
        for (code, exponent) in table {
            var value: UInt32 = 0
            for byte in code.utf8 { value = value << 8 | UInt32(byte) }
            result[value] = exponent
        }
        return result
    }()
}
