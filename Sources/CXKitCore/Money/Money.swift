import Foundation

/// An exact amount of money: a whole number of minor units (kuruş, cents, yen) in one
/// ISO 4217 currency. No floating point is involved anywhere.
///
/// Arithmetic is checked: combining two currencies throws ``ErrorCode/currencyMismatch``
/// and a result outside `Int64` throws ``ErrorCode/arithmeticOverflow``. Amounts of
/// different currencies are never ordered, so `Money` is not `Comparable`; use
/// ``isLess(than:)`` and friends, which throw on a mismatch.
///
/// ```swift
/// let price = try Money(parsing: "149.90", currency: .turkishLira)
/// let total = try price * 3                      // 449.70 TRY
/// let shares = try total.allocate([1, 1, 1])     // 149.90 TRY each
/// ```
///
/// The `Codable` form is `{"minorUnits": 14990, "currency": "TRY"}`.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The amount in minor units of ``currency`` (1234 means 12.34 TRY, or 1234 JPY).
    public let minorUnits: Int64
    /// The currency.
    public let currency: CurrencyCode

    /// Creates an amount from minor units.
    ///
    /// - Parameters:
    ///   - minorUnits: The amount in the currency's smallest unit.
    ///   - currency: The currency.
    public init(minorUnits: Int64, currency: CurrencyCode) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero in the given currency.
    ///
    /// - Parameter currency: The currency.
    /// - Returns: An amount of zero minor units.
    public static func zero(_ currency: CurrencyCode) -> Money {
        Money(minorUnits: 0, currency: currency)
    }

    /// Whether the amount is zero.
    public var isZero: Bool { minorUnits == 0 }
    /// Whether the amount is below zero.
    public var isNegative: Bool { minorUnits < 0 }
    /// Whether the amount is above zero.
    public var isPositive: Bool { minorUnits > 0 }

    // MARK: Arithmetic

    /// Adds an amount in the same currency.
    ///
    /// - Parameter other: The amount to add.
    /// - Returns: The sum.
    /// - Throws: ``CoreError`` `.currencyMismatch` when the currencies differ,
    ///   `.arithmeticOverflow` when the sum does not fit in `Int64` minor units.
    public func adding(_ other: Money) throws -> Money {
        try requireSameCurrency(other)
        let (result, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        if overflow { throw Money.overflow("sum") }
        return Money(minorUnits: result, currency: currency)
    }

    /// Subtracts an amount in the same currency.
    ///
    /// - Parameter other: The amount to subtract.
    /// - Returns: The difference.
    /// - Throws: ``CoreError`` `.currencyMismatch` when the currencies differ,
    ///   `.arithmeticOverflow` when the difference does not fit in `Int64` minor units.
    public func subtracting(_ other: Money) throws -> Money {
        try requireSameCurrency(other)
        let (result, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        if overflow { throw Money.overflow("difference") }
        return Money(minorUnits: result, currency: currency)
    }

    /// Multiplies the amount by a whole quantity (a line's unit price times its quantity).
    ///
    /// - Parameter quantity: The factor; may be zero or negative.
    /// - Returns: The product.
    /// - Throws: ``CoreError`` `.arithmeticOverflow` when the product does not fit.
    public func multiplied(by quantity: Int64) throws -> Money {
        let (result, overflow) = minorUnits.multipliedReportingOverflow(by: quantity)
        if overflow { throw Money.overflow("product") }
        return Money(minorUnits: result, currency: currency)
    }

    /// The amount with its sign flipped.
    ///
    /// - Returns: `-self`.
    /// - Throws: ``CoreError`` `.arithmeticOverflow` for the one amount whose negation does
    ///   not fit (`Int64.min` minor units).
    public func negated() throws -> Money {
        let (result, overflow) = Int64(0).subtractingReportingOverflow(minorUnits)
        if overflow { throw Money.overflow("negation") }
        return Money(minorUnits: result, currency: currency)
    }

    /// The amount without its sign.
    ///
    /// - Returns: `|self|`.
    /// - Throws: ``CoreError`` `.arithmeticOverflow` for `Int64.min` minor units.
    public func magnitude() throws -> Money {
        minorUnits < 0 ? try negated() : self
    }

    /// Adds up amounts that must all be in `currency`.
    ///
    /// - Parameters:
    ///   - amounts: The amounts; an empty list sums to zero.
    ///   - currency: The currency every amount must have.
    /// - Returns: The total.
    /// - Throws: ``CoreError`` `.currencyMismatch` when an amount is in another currency,
    ///   `.arithmeticOverflow` when the total does not fit.
    public static func sum(_ amounts: some Sequence<Money>, currency: CurrencyCode) throws -> Money {
        var total = Money.zero(currency)
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    /// Adds two amounts of the same currency.
    ///
    /// - Throws: See ``adding(_:)``.
    public static func + (lhs: Money, rhs: Money) throws -> Money { try lhs.adding(rhs) }

    /// Subtracts two amounts of the same currency.
    ///
    /// - Throws: See ``subtracting(_:)``.
    public static func - (lhs: Money, rhs: Money) throws -> Money { try lhs.subtracting(rhs) }

    /// Multiplies an amount by a whole quantity.
    ///
    /// - Throws: See ``multiplied(by:)``.
    public static func * (lhs: Money, rhs: Int64) throws -> Money { try lhs.multiplied(by: rhs) }

    /// Negates an amount.
    ///
    /// - Throws: See ``negated()``.
    public static prefix func - (operand: Money) throws -> Money { try operand.negated() }

    // MARK: Comparison

    /// Whether this amount is smaller than another of the same currency.
    ///
    /// - Parameter other: The amount to compare with.
    /// - Returns: `true` when `self < other`.
    /// - Throws: ``CoreError`` `.currencyMismatch` when the currencies differ.
    public func isLess(than other: Money) throws -> Bool {
        try requireSameCurrency(other)
        return minorUnits < other.minorUnits
    }

    /// Whether this amount is smaller than or equal to another of the same currency.
    ///
    /// - Parameter other: The amount to compare with.
    /// - Returns: `true` when `self <= other`.
    /// - Throws: ``CoreError`` `.currencyMismatch` when the currencies differ.
    public func isLessThanOrEqual(to other: Money) throws -> Bool {
        try requireSameCurrency(other)
        return minorUnits <= other.minorUnits
    }

    /// Whether this amount is larger than another of the same currency.
    ///
    /// - Parameter other: The amount to compare with.
    /// - Returns: `true` when `self > other`.
    /// - Throws: ``CoreError`` `.currencyMismatch` when the currencies differ.
    public func isGreater(than other: Money) throws -> Bool {
        try requireSameCurrency(other)
        return minorUnits > other.minorUnits
    }

    /// Whether this amount is larger than or equal to another of the same currency.
    ///
    /// - Parameter other: The amount to compare with.
    /// - Returns: `true` when `self >= other`.
    /// - Throws: ``CoreError`` `.currencyMismatch` when the currencies differ.
    public func isGreaterThanOrEqual(to other: Money) throws -> Bool {
        try requireSameCurrency(other)
        return minorUnits >= other.minorUnits
    }

    /// The smaller of two amounts of the same currency.
    ///
    /// - Throws: ``CoreError`` `.currencyMismatch` when the currencies differ.
    public static func min(_ first: Money, _ second: Money) throws -> Money {
        try second.isLess(than: first) ? second : first
    }

    /// The larger of two amounts of the same currency.
    ///
    /// - Throws: ``CoreError`` `.currencyMismatch` when the currencies differ.
    public static func max(_ first: Money, _ second: Money) throws -> Money {
        try second.isGreater(than: first) ? second : first
    }

    /// Throws ``ErrorCode/currencyMismatch`` unless `other` has this amount's currency.
    ///
    /// - Parameter other: The amount to check.
    /// - Throws: ``CoreError`` `.currencyMismatch`.
    public func requireSameCurrency(_ other: Money) throws {
        guard currency == other.currency else {
            throw CoreError(
                code: .currencyMismatch, field: "currency",
                reason: "cannot combine \(currency.code) with \(other.currency.code)")
        }
    }

    static func overflow(_ what: String) -> CoreError {
        CoreError(code: .arithmeticOverflow, reason: "the \(what) does not fit in 64-bit minor units")
    }

    // MARK: Decimal text

    /// Parses an exact decimal amount in major units (`"12.34"`, `"-0.05"`, `"1200"`).
    ///
    /// Accepted: an optional sign, at least one digit, and optionally a point followed by
    /// one to ``CurrencyCode/minorUnitExponent`` digits. No grouping separators, spaces,
    /// exponents or currency symbols. `"-0.00"` is zero.
    ///
    /// - Parameters:
    ///   - text: The decimal text.
    ///   - currency: The currency the amount is in.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"amount"` when the text is not
    ///   a plain decimal, has more fraction digits than the currency allows, or does not fit
    ///   in `Int64` minor units.
    public init(parsing text: String, currency: CurrencyCode) throws {
        let field = "amount"
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var magnitude: UInt64 = 0
        var integerDigits = 0
        var fractionDigits = 0
        var seenPoint = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint, integerDigits > 0 else {
                    throw CoreError.validation(field: field, reason: "must be a plain decimal number")
                }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                throw CoreError.validation(field: field, reason: "must be a plain decimal number")
            }
            if seenPoint {
                fractionDigits += 1
                guard fractionDigits <= currency.minorUnitExponent else {
                    throw CoreError.validation(
                        field: field,
                        reason:
                            "has more than \(currency.minorUnitExponent) decimal places for \(currency.code)"
                    )
                }
            } else {
                integerDigits += 1
            }
            let (times10, overflowA) = magnitude.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflowA, !overflowB else {
                throw CoreError.validation(field: field, reason: "does not fit in 64-bit minor units")
            }
            magnitude = next
        }
        guard integerDigits > 0, !seenPoint || fractionDigits > 0 else {
            throw CoreError.validation(field: field, reason: "must be a plain decimal number")
        }
        for _ in fractionDigits..<currency.minorUnitExponent {
            let (scaled, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            guard !overflow else {
                throw CoreError.validation(field: field, reason: "does not fit in 64-bit minor units")
            }
            magnitude = scaled
        }
        let limit: UInt64 = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        guard magnitude <= limit else {
            throw CoreError.validation(field: field, reason: "does not fit in 64-bit minor units")
        }
        let value = negative ? Int64(0) &- Int64(truncatingIfNeeded: magnitude) : Int64(magnitude)
        self.init(minorUnits: value, currency: currency)
    }

    /// The exact amount in major units, with exactly ``CurrencyCode/minorUnitExponent``
    /// fraction digits and no grouping: `"12.34"`, `"-0.05"`, `"1200"` for JPY.
    public var decimalString: String {
        let exponent = currency.minorUnitExponent
        let digits = String(minorUnits.magnitude)
        let sign = minorUnits < 0 ? "-" : ""
        guard exponent > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: Swift.max(0, exponent + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -exponent)
        return sign + padded[..<split] + "." + padded[split...]
    }

    /// The exact amount in major units as a `Decimal` (for display and reporting only).
    public var decimalValue: Decimal {
        Decimal(
            sign: minorUnits < 0 ? .minus : .plus, exponent: -currency.minorUnitExponent,
            significand: Decimal(minorUnits.magnitude))
    }

    /// Plain text independent of locale: `"12.34 TRY"`.
    public var description: String { decimalString + " " + currency.code }

    /// The amount formatted for people in `locale` (`"₺12,34"` in `tr_TR`, `"$12.34"` in
    /// `en_US`), with the currency's own number of fraction digits.
    ///
    /// Uses Foundation's currency `FormatStyle`; on platforms whose Foundation lacks it, the
    /// result is the plain ``description`` (`"12.34 TRY"`).
    ///
    /// - Parameter locale: The locale whose conventions to follow.
    /// - Returns: The formatted amount.
    public func formatted(locale: Locale) -> String {
        #if canImport(FoundationEssentials) || canImport(Darwin)
            let style = Decimal.FormatStyle.Currency(code: currency.code, locale: locale)
                .precision(.fractionLength(currency.minorUnitExponent))
            return decimalValue.formatted(style)
        #else
            return description
        #endif
    }

    // MARK: Codable

    private enum CodingKeys: String, CodingKey {
        case minorUnits
        case currency
    }

    /// Decodes `{"minorUnits": 1234, "currency": "TRY"}`.
    ///
    /// - Throws: ``CoreError`` `.validationFailed` naming the coding path for an unknown
    ///   currency; `DecodingError` when a key is missing or has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.minorUnits = try container.decode(Int64.self, forKey: .minorUnits)
        self.currency = try container.decode(CurrencyCode.self, forKey: .currency)
    }

    /// Encodes `{"minorUnits": 1234, "currency": "TRY"}`.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(minorUnits, forKey: .minorUnits)
        try container.encode(currency, forKey: .currency)
    }
}
