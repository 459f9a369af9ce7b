import CXKitCore
import Testing

@Suite("CurrencyCode")
struct CurrencyCodeTests {
    @Test("known codes carry their ISO 4217 exponent")
    func exponents() throws {
        let expected: [String: Int] = [
            "TRY": 2, "USD": 2, "EUR": 2, "JPY": 0, "KWD": 3, "BHD": 3, "JOD": 3, "OMR": 3, "TND": 3,
            "CLP": 0, "KRW": 0, "ISK": 0, "VND": 0, "UGX": 0, "XAF": 0, "XOF": 0, "CLF": 4,
        ]
        for (code, exponent) in expected {
            #expect(try CurrencyCode(code).minorUnitExponent == exponent, "\(code)")
        }
        #expect(CurrencyCode.allCodes.count > 150)
        #expect(CurrencyCode.turkishLira == (try CurrencyCode("TRY")))
        #expect(CurrencyCode.japaneseYen.minorUnitsPerMajorUnit == 1)
        #expect(CurrencyCode.kuwaitiDinar.minorUnitsPerMajorUnit == 1000)
    }

    @Test(
        "malformed or unknown codes are validation errors on field currency",
        arguments: [
            "", "TR", "TRYY", "try", "T1Y", "XAU", "XXX", "ABC", "ÜSD",
        ])
    func rejectsBadCodes(code: String) {
        #expect {
            try CurrencyCode(code)
        } throws: { error in
            (error as? CoreError)?.code == .validationFailed && (error as? CoreError)?.field == "currency"
        }
    }
}
