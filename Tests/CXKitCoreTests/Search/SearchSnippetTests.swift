import Testing

@testable import CXKitCore

@Suite("SearchSnippet")
struct SearchSnippetTests {
    func snippet(_ query: String, _ text: String, length: Int = 160) throws -> SearchSnippet? {
        let parsed = try SearchQueryParser().parse(query)
        return SnippetBuilder(parsed: parsed, length: length).snippet(field: "body", text: text)
    }

    @Test("Matched words are highlighted in the source spelling")
    func highlights() throws {
        let snippet = try #require(try snippet("iade kargo*", "İADE'nin kargoları <b>geç</b> geldi"))
        #expect(snippet.highlightedWords == ["İADE", "kargoları"])
        #expect(!snippet.isTruncatedAtStart && !snippet.isTruncatedAtEnd)
        #expect(snippet.marked() == "«İADE»'nin «kargoları» <b>geç</b> geldi")
    }

    @Test("HTML rendering escapes the text and wraps matches in mark")
    func html() throws {
        let snippet = try #require(try snippet("geç", #"<b>geç</b> & "iade""#))
        #expect(snippet.html() == "&lt;b&gt;<mark>geç</mark>&lt;/b&gt; &amp; &quot;iade&quot;")
    }

    @Test("Long text is cut to a window around the densest matches with ellipses")
    func window() throws {
        let filler = String(repeating: "lorem ipsum ", count: 30)
        let text = filler + "iade burada kargo ile " + filler
        let snippet = try #require(try snippet("iade kargo", text, length: 50))
        #expect(snippet.text.utf8.count <= 50)
        #expect(snippet.highlightedWords == ["iade", "kargo"])
        #expect(snippet.marked().hasPrefix("…"))
        #expect(snippet.marked().hasSuffix("…"))
    }

    @Test("A field without matches gets no snippet")
    func noMatch() throws {
        #expect(try snippet("iade", "kargo geldi") == nil)
    }
}
