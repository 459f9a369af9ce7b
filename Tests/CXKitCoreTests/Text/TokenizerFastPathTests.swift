import Testing

@testable import CXKitCore

@Suite("Tokenizer fast paths")
struct TokenizerFastPathTests {
    let tokenizer = Tokenizer()
    let reference = ScalarByScalarTokenizer()

    /// Pieces random texts are built from: ASCII of every kind, Turkish letters in both
    /// cases, other folded letters, marks, apostrophes, number separators, other scripts and
    /// emoji.
    static let pieces: [String] = [
        "a", "z", "A", "Z", "k", "Q", "0", "7", "9", " ", "  ", "\t", "\n", ".", ",", "!", "?", "-", "_",
        "/", ":", ";", "(", ")", "\"", "#", "@", "'", "’", "‘", "ʼ", "`", "İ", "ı", "I", "i", "ş", "Ş",
        "ğ", "Ğ", "ü", "Ü", "ö", "Ö", "ç", "Ç", "é", "É", "ñ", "\u{0301}", "\u{0307}", "\u{FE0F}", "ß", "ẞ",
        "æ", "Œ", "ø", "ł", "þ", "ﬁ", "ﬃ", "Ａ", "ｚ", "１", "ά", "ς", "Σ", "ё", "Ж", "²", "日本", "한",
        "\u{0483}", "😀", "👍🏽", "\u{200D}", "3.5", "1,000", "v2.0", "iade'nin", "O'Brien", "don't",
        "2026'da", "İADE", "Müşteri", "ISTANBUL", "ıstanbul",
    ]

    func randomASCII(_ random: SeededRandomSource) -> String {
        let length = Int(random.next(below: 120))
        var bytes: [UInt8] = []
        for _ in 0..<length {
            let choice = random.next(below: 10)
            if choice < 6 {
                // Mostly letters and digits, so words of every length occur.
                let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
                bytes.append(alphabet[Int(random.next(below: UInt64(alphabet.count)))])
            } else {
                bytes.append(UInt8(random.next(below: 0x80)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func randomMixed(_ random: SeededRandomSource) -> String {
        let count = Int(random.next(below: 40))
        var text = ""
        for _ in 0..<count { text += Self.pieces[Int(random.next(below: UInt64(Self.pieces.count)))] }
        return text
    }

    @Test("Random ASCII text tokenizes exactly as the scalar-by-scalar scan does")
    func asciiMatchesReference() {
        let random = SeededRandomSource(seed: 0xA5C11)
        for _ in 0..<3_000 {
            let text = randomASCII(random)
            #expect(
                tokenizer.tokens(in: text) == reference.tokens(in: text), "text: \(text.debugDescription)")
        }
    }

    @Test("Mixed text with Turkish letters, marks, apostrophes and digits tokenizes as the scalar scan does")
    func mixedMatchesReference() {
        let random = SeededRandomSource(seed: 0x7E57)
        for _ in 0..<3_000 {
            let text = randomMixed(random)
            #expect(
                tokenizer.tokens(in: text) == reference.tokens(in: text), "text: \(text.debugDescription)")
        }
    }

    @Test("Turkish i folds the same both ways on the fast and the scalar path")
    func turkishI() {
        for text in ["İstanbul ISTANBUL ıstanbul istanbul", "İıIi", "iİ ıI", "KIRMIZI kırmızı", "İ'nin ı'da"]
        {
            #expect(tokenizer.tokens(in: text) == reference.tokens(in: text))
        }
        #expect(tokenizer.tokens(in: "İıIi").map(\.key) == ["iiii"])
    }

    @Test("Words longer than the key limit are cut at the same character boundary")
    func longWords() {
        let random = SeededRandomSource(seed: 0x10F6)
        let letters = ["a", "B", "7", "ş", "İ", "é", "ß", "ﬃ", "\u{0301}", "日", "Ａ"]
        for _ in 0..<1_000 {
            var text = ""
            let length = 50 + Int(random.next(below: 40))
            for _ in 0..<length { text += letters[Int(random.next(below: UInt64(letters.count)))] }
            if random.next(below: 2) == 0 { text += "'suffix more" }
            let tokens = tokenizer.tokens(in: text)
            #expect(tokens == reference.tokens(in: text), "text: \(text.debugDescription)")
            for token in tokens { #expect(token.key.utf8.count <= Tokenizer.maximumTokenLength) }
        }
    }

    @Test("Table folding writes exactly the bytes the general folding appends")
    func tableFoldingMatchesGeneralFolding() {
        var buffer = [UInt8](repeating: 0, count: 32)
        var values = Array(UInt32(0x80)..<0x2100)
        values += [0xFB01, 0xFF21, 0x3042, 0x1F600, 0xE0100]
        for value in values {
            var general: [UInt8] = []
            let expected = ScalarFolding.foldNonASCII(value, into: &general)
            let folded = buffer.withUnsafeMutableBufferPointer { output in
                ScalarFolding.foldInTable(value, into: output, at: 4, room: 28)
            }
            guard let folded else {
                #expect(!(value < 0x0530 || (value >= 0x1E00 && value < 0x2000)), "value \(value)")
                continue
            }
            #expect(folded == expected, "value \(value)")
            if folded > 0 { #expect(Array(buffer[4..<(4 + folded)]) == general, "value \(value)") }
        }
    }

    @Test("Table folding writes nothing when the folded bytes do not fit")
    func tableFoldingRespectsRoom() {
        var buffer = [UInt8](repeating: 0xEE, count: 8)
        let folded = buffer.withUnsafeMutableBufferPointer { output in
            ScalarFolding.foldInTable(0x00DF, into: output, at: 0, room: 1)
        }
        #expect(folded == 2)
        #expect(buffer == [UInt8](repeating: 0xEE, count: 8))
    }
}
