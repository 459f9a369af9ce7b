import Testing

@testable import CXKitCore

@Suite("Tokenizer")
struct TokenizerTests {
    let tokenizer = Tokenizer()

    func keys(_ text: String) -> [String] { tokenizer.tokens(in: text).map(\.key) }

    @Test("Words split on whitespace and punctuation")
    func splitting() {
        #expect(keys("Merhaba, dünya! Nasılsın?") == ["merhaba", "dunya", "nasilsin"])
        #expect(keys("e-posta/şifre_sıfırlama") == ["e", "posta", "sifre", "sifirlama"])
    }

    @Test("Positions count words and ranges point into the source")
    func positionsAndRanges() {
        let text = "Müşteri  İADE talebi"
        let tokens = tokenizer.tokens(in: text)
        #expect(tokens.map(\.position) == [0, 1, 2])
        #expect(tokens.map { String(text[$0.range(in: text)]) } == ["Müşteri", "İADE", "talebi"])
    }

    @Test("Turkish suffixes after an apostrophe are dropped")
    func turkishApostrophe() {
        #expect(keys("iade'nin") == ["iade"])
        #expect(keys("İstanbul’da 2026'da THY'nin") == ["istanbul", "2026", "thy"])
        let tokens = tokenizer.tokens(in: "iade'nin süresi")
        #expect(tokens.map(\.position) == [0, 1])
        #expect(tokens[0].utf8Range == 0..<4)
    }

    @Test("English apostrophes: suffix dropped, single-letter prefixes joined")
    func englishApostrophe() {
        #expect(keys("don't customer's") == ["don", "customer"])
        #expect(keys("O'Brien l'eau") == ["obrien", "leau"])
        #expect(keys("'quoted' words'") == ["quoted", "words"])
    }

    @Test("Numbers stay whole, including decimal points and separators")
    func numbers() {
        #expect(
            keys("3.5 kg, 2026 yılı, 1,000 TL, v2.0.") == [
                "3.5", "kg", "2026", "yili", "1,000", "tl", "v2.0",
            ])
        #expect(keys("end. 3. madde") == ["end", "3", "madde"])
    }

    @Test("Emoji and symbols separate words without crashing")
    func emoji() {
        #expect(keys("iade🎉talep 👍🏽 ❤️ ok") == ["iade", "talep", "ok"])
        #expect(keys("👨‍👩‍👧‍👦") == [])
        #expect(keys("a\u{0000}b\u{001B}c") == ["a", "b", "c"])
    }

    @Test("Empty text and text of only punctuation yield no tokens")
    func emptyInput() {
        #expect(keys("").isEmpty)
        #expect(keys("  \n\t ").isEmpty)
        #expect(keys("!?.,;:-'\"()[]{}…—").isEmpty)
    }

    @Test("Very long words are cut to the maximum key length on a character boundary")
    func longTokens() {
        let long = String(repeating: "a", count: 1000)
        let tokens = tokenizer.tokens(in: long + " kısa")
        #expect(tokens.count == 2)
        #expect(tokens[0].key.utf8.count == Tokenizer.maximumTokenLength)
        #expect(tokens[0].utf8Range == 0..<1000)
        #expect(tokens[1].key == "kisa")
        let turkish = tokenizer.tokens(in: String(repeating: "ş", count: 100))
        #expect(turkish.count == 1)
        #expect(turkish[0].key == String(repeating: "s", count: 64))
        let greek = tokenizer.tokens(in: String(repeating: "α", count: 100))
        #expect(greek[0].key.utf8.count == 64)
        #expect(greek[0].key == String(repeating: "α", count: 32))
    }

    @Test("Letters of other scripts form words")
    func otherScripts() {
        #expect(keys("東京 タワー مرحبا") == ["東京", "タワー", "مرحبا"])
    }

    @Test("Random text never crashes and keys stay bounded")
    func randomText() {
        let random = SeededRandomSource(seed: 42)
        let alphabet = Array("aıİIşŞ'’\".,-*🎉\u{0301}\u{0000} 3\u{FF21}ß東".unicodeScalars)
        for _ in 0..<2000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(random.next(below: 80)) {
                text.append(alphabet[Int(random.next(below: UInt64(alphabet.count)))])
            }
            let string = String(text)
            for token in tokenizer.tokens(in: string) {
                #expect(!token.key.isEmpty)
                #expect(token.key.utf8.count <= Tokenizer.maximumTokenLength)
                #expect(token.utf8Range.upperBound <= string.utf8.count)
            }
        }
    }
}

@Suite("Tokenizer scripts with combining vowel signs")
struct TokenizerMarkTests {
    @Test("Indic vowel signs stay inside words")
    func devanagari() {
        #expect(Tokenizer().tokens(in: "हिन्दी भाषा").map(\.key) == ["हिन्दी", "भाषा"])
    }
}
