import Testing

@testable import CXKitCore

@Suite("SearchQueryParser")
struct SearchQueryParserTests {
    let parser = SearchQueryParser()

    @Test("Terms, phrases, prefixes and exclusions parse into folded clauses")
    func clauses() throws {
        let parsed = try parser.parse(#"Müşteri "İADE süreci" kargo* -iptal -"geç teslimat""#)
        #expect(
            parsed.clauses == [
                SearchClause(kind: .term("musteri")),
                SearchClause(kind: .phrase(["iade", "sureci"])),
                SearchClause(kind: .prefix("kargo")),
                SearchClause(kind: .term("iptal"), isExcluded: true),
                SearchClause(kind: .phrase(["gec", "teslimat"]), isExcluded: true),
            ])
        #expect(parsed.includedClauses.count == 3)
        #expect(parsed.excludedClauses.count == 2)
    }

    @Test("A prefix shorter than the minimum is an exact term")
    func shortPrefix() throws {
        #expect(try parser.parse("a*").clauses == [SearchClause(kind: .term("a"))])
        #expect(try parser.parse("ab*").clauses == [SearchClause(kind: .prefix("ab"))])
        #expect(try parser.parse("\"iade*\"").clauses == [SearchClause(kind: .term("iade"))])
    }

    @Test("A bare word that splits into several words is a phrase")
    func hyphenatedWord() throws {
        #expect(try parser.parse("e-posta").clauses == [SearchClause(kind: .phrase(["e", "posta"]))])
        #expect(try parser.parse("iade'nin").clauses == [SearchClause(kind: .term("iade"))])
    }

    @Test("Repeated clauses count once and empty clauses are ignored")
    func deduplication() throws {
        #expect(try parser.parse("iade İADE iade'nin").clauses == [SearchClause(kind: .term("iade"))])
        #expect(try parser.parse(#"- * "" "!!!" 🎉 +"#).clauses.isEmpty)
        #expect(try parser.parse("+iade").clauses == [SearchClause(kind: .term("iade"))])
    }

    @Test("An unclosed quote runs to the end of the query")
    func unclosedQuote() throws {
        #expect(
            try parser.parse(#"kargo "iade süreci"#).clauses.last
                == SearchClause(kind: .phrase(["iade", "sureci"])))
    }

    @Test("A query of more than 512 characters is rejected with limitExceeded on query")
    func overlongQuery() throws {
        _ = try parser.parse(String(repeating: "ş", count: SearchQueryParser.maximumLength))
        let error = #expect(throws: CoreError.self) {
            try parser.parse(String(repeating: "ş", count: SearchQueryParser.maximumLength + 1))
        }
        #expect(error?.code == .limitExceeded)
        #expect(error?.field == "query")
    }

    @Test("A query of more than 32 words is rejected with limitExceeded on query")
    func tooManyWords() throws {
        let words = (0..<SearchQueryParser.maximumTermCount).map { "w\($0)" }
        #expect(try parser.parse(words.joined(separator: " ")).clauses.count == 32)
        let error = #expect(throws: CoreError.self) {
            try parser.parse("\"" + (words + ["extra"]).joined(separator: " ") + "\"")
        }
        #expect(error?.code == .limitExceeded)
        #expect(error?.field == "query")
    }

    @Test("Thousands of random inputs parse or throw only the query limit error")
    func fuzz() {
        let random = SeededRandomSource(seed: 0x5EA2C4)
        let alphabet = Array(
            #"  ab-*"'’iIİışŞ.,:;()[]{}\/?!+=_~^%$#@&|<>"#.unicodeScalars
                + "🎉👍🏽\u{200D}\u{0301}\u{0000}\u{0007}\u{FEFF}\u{202E}\u{FF02}\u{FF0D}東ß\n\t".unicodeScalars)
        for _ in 0..<5000 {
            var text = String.UnicodeScalarView()
            let length = Int(random.next(below: 600))
            for _ in 0..<length { text.append(alphabet[Int(random.next(below: UInt64(alphabet.count)))]) }
            do {
                let parsed = try parser.parse(String(text))
                #expect(parsed.clauses.reduce(0) { $0 + $1.keys.count } <= SearchQueryParser.maximumTermCount)
                for clause in parsed.clauses {
                    #expect(clause.keys.allSatisfy { !$0.isEmpty })
                }
            } catch {
                #expect(error.code == .limitExceeded && error.field == "query")
            }
        }
    }
}
