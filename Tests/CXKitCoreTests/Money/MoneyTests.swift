import CXKitCore
import Foundation
import Testing

@Suite("Money")
struct MoneyTests {
    let lira = CurrencyCode.turkishLira

    private func expectCoreError(
        _ code: ErrorCode, field: String?, _ body: () throws -> some Any,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try body()
            Issue.record("expected \(code) to be thrown", sourceLocation: sourceLocation)
        } catch let error as CoreError {
            #expect(error.code == code, sourceLocation: sourceLocation)
            #expect(error.field == field, sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("adding, subtracting, multiplying and negating are exact")
    func arithmetic() throws {
        let a = Money(minorUnits: 1234, currency: lira)
        let b = Money(minorUnits: -34, currency: lira)
        #expect(try a + b == Money(minorUnits: 1200, currency: lira))
        #expect(try a - b == Money(minorUnits: 1268, currency: lira))
        #expect(try a * 3 == Money(minorUnits: 3702, currency: lira))
        #expect(try -a == Money(minorUnits: -1234, currency: lira))
        #expect(try b.magnitude() == Money(minorUnits: 34, currency: lira))
        #expect(try Money.sum([a, b, a], currency: lira).minorUnits == 2434)
        #expect(try Money.sum([], currency: lira).isZero)
        #expect(try b.isLess(than: a))
        #expect(try a.isGreater(than: b))
        #expect(try a.isLessThanOrEqual(to: a))
        #expect(try a.isGreaterThanOrEqual(to: a))
        #expect(try Money.min(a, b) == b)
        #expect(try Money.max(a, b) == a)
    }

    @Test("combining currencies throws currencyMismatch")
    func currencyMismatch() {
        let lira = Money(minorUnits: 100, currency: .turkishLira)
        let dollars = Money(minorUnits: 100, currency: .usDollar)
        expectCoreError(.currencyMismatch, field: "currency") { try lira + dollars }
        expectCoreError(.currencyMismatch, field: "currency") { try lira - dollars }
        expectCoreError(.currencyMismatch, field: "currency") { try lira.isLess(than: dollars) }
        expectCoreError(.currencyMismatch, field: "currency") {
            try Money.sum([lira, dollars], currency: .turkishLira)
        }
        expectCoreError(.currencyMismatch, field: "amounts[1]") {
            try lira.allocate(proportionalTo: [lira, dollars])
        }
    }

    @Test("results outside Int64 throw arithmeticOverflow")
    func overflow() {
        let max = Money(minorUnits: .max, currency: lira)
        let min = Money(minorUnits: .min, currency: lira)
        let one = Money(minorUnits: 1, currency: lira)
        expectCoreError(.arithmeticOverflow, field: nil) { try max + one }
        expectCoreError(.arithmeticOverflow, field: nil) { try min - one }
        expectCoreError(.arithmeticOverflow, field: nil) { try max * 2 }
        expectCoreError(.arithmeticOverflow, field: nil) { try -min }
        expectCoreError(.arithmeticOverflow, field: nil) { try min.magnitude() }
    }

    @Test("parsing decimal text is exact")
    func parsing() throws {
        #expect(try Money(parsing: "12.34", currency: lira).minorUnits == 1234)
        #expect(try Money(parsing: "12.3", currency: lira).minorUnits == 1230)
        #expect(try Money(parsing: "12", currency: lira).minorUnits == 1200)
        #expect(try Money(parsing: "-0.05", currency: lira).minorUnits == -5)
        #expect(try Money(parsing: "+7.00", currency: lira).minorUnits == 700)
        #expect(try Money(parsing: "-0.00", currency: lira).minorUnits == 0)
        #expect(try Money(parsing: "1200", currency: .japaneseYen).minorUnits == 1200)
        #expect(try Money(parsing: "1.234", currency: .kuwaitiDinar).minorUnits == 1234)
        #expect(try Money(parsing: "92233720368547758.07", currency: lira).minorUnits == .max)
        #expect(try Money(parsing: "-92233720368547758.08", currency: lira).minorUnits == .min)
        #expect(try Money(parsing: "0.1", currency: lira).minorUnits == 10)
    }

    @Test(
        "malformed decimal text is a validation error on field amount",
        arguments: [
            "1.234", "abc", "", "-", "+", ".5", "5.", "1.2.3", "1,50", " 1", "1e3", "--1", "12.34 ",
            "92233720368547758.08", "-92233720368547758.09", "99999999999999999999999",
        ])
    func rejectsBadText(text: String) {
        expectCoreError(.validationFailed, field: "amount") { try Money(parsing: text, currency: lira) }
    }

    @Test("yen amounts reject any fraction digits")
    func yenRejectsFraction() {
        expectCoreError(.validationFailed, field: "amount") {
            try Money(parsing: "12.0", currency: .japaneseYen)
        }
    }

    @Test("decimalString renders the currency's fraction digits")
    func decimalString() throws {
        #expect(Money(minorUnits: 1234, currency: lira).decimalString == "12.34")
        #expect(Money(minorUnits: -5, currency: lira).decimalString == "-0.05")
        #expect(Money(minorUnits: 0, currency: lira).decimalString == "0.00")
        #expect(Money(minorUnits: 1200, currency: .japaneseYen).decimalString == "1200")
        #expect(Money(minorUnits: -1, currency: .kuwaitiDinar).decimalString == "-0.001")
        #expect(Money(minorUnits: .min, currency: lira).decimalString == "-92233720368547758.08")
        #expect(Money(minorUnits: 1234, currency: lira).description == "12.34 TRY")
        let roundTrip = try Money(parsing: "-0.00", currency: lira)
        #expect(roundTrip.decimalString == "0.00")
        let random = SeededRandomSource(seed: 7)
        for _ in 0..<2000 {
            let value = Int64(bitPattern: random.nextUInt64())
            for currency in [lira, .japaneseYen, .kuwaitiDinar] {
                let money = Money(minorUnits: value, currency: currency)
                #expect(try Money(parsing: money.decimalString, currency: currency) == money)
            }
        }
    }

    @Test("decimalValue is exact")
    func decimalValue() {
        #expect(Money(minorUnits: -1234, currency: lira).decimalValue == Decimal(string: "-12.34"))
    }

    @Test("formatting uses the locale, and description is the plain fallback")
    func formatting() {
        let money = Money(minorUnits: 123_456, currency: .usDollar)
        #expect(money.description == "1234.56 USD")
        #expect(money.formatted(locale: Locale(identifier: "en_US")) == "$1,234.56")
        let lira = Money(minorUnits: 123_456, currency: .turkishLira).formatted(
            locale: Locale(identifier: "tr_TR"))
        #expect(lira.contains("1.234,56"))
        #expect(lira.contains("₺"))
        let yen = Money(minorUnits: 1200, currency: .japaneseYen).formatted(
            locale: Locale(identifier: "en_US"))
        #expect(!yen.contains("."))
    }

    @Test("Codable shape is minorUnits and currency")
    func codable() throws {
        let money = Money(minorUnits: 1234, currency: lira)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(money), as: UTF8.self)
        #expect(json == #"{"currency":"TRY","minorUnits":1234}"#)
        let decoded = try JSONDecoder().decode(
            Money.self, from: Data(#"{"minorUnits": -5, "currency": "JPY"}"#.utf8))
        #expect(decoded == Money(minorUnits: -5, currency: .japaneseYen))
    }

    @Test("decoding an unknown currency names the coding path")
    func decodingUnknownCurrency() {
        struct Line: Decodable { let total: Money }
        expectCoreError(.validationFailed, field: "total.currency") {
            try JSONDecoder().decode(
                Line.self, from: Data(#"{"total": {"minorUnits": 1, "currency": "ZZZ"}}"#.utf8))
        }
    }
}
