import Testing

@testable import CXKitCore

@Suite("TextNormalizer")
struct TextNormalizerTests {
    let normalizer = TextNormalizer()

    @Test("Turkish text folds to its unaccented lower-case form")
    func turkishFolding() {
        #expect(normalizer.fold("Müşteri İADE") == "musteri iade")
        #expect(normalizer.fold("ŞĞÜÖÇİI şğüöçıi") == "sguocii sguocii")
        #expect(normalizer.searchKey(for: "Müşteri İADE") == normalizer.searchKey(for: "musteri iade"))
    }

    @Test("ISTANBUL, İstanbul, istanbul and ıstanbul share one key")
    func dottedAndDotlessI() {
        let keys = ["ISTANBUL", "İstanbul", "istanbul", "ıstanbul", "İSTANBUL"].map(
            normalizer.searchKey(for:))
        #expect(Set(keys) == ["istanbul"])
    }

    @Test("General Latin diacritics and special letters fold")
    func latinFolding() {
        #expect(
            normalizer.fold("Café Ñandú Straße Œuvre Ærø Łódź Þór")
                == "cafe nandu strasse oeuvre aero lodz thor")
        #expect(normalizer.fold("ÀÉÎÕÜ àéîõü ÅåČčŘř") == "aeiou aeiou aaccrr")
    }

    @Test("Decomposed input folds like precomposed input")
    func combiningMarks() {
        #expect(normalizer.fold("s\u{0327}u\u{0308}") == "su")
        #expect(normalizer.searchKey(for: "mu\u{0308}s\u{0327}teri") == "musteri")
    }

    @Test("Full-width forms and ligatures become plain letters")
    func compatibilityForms() {
        #expect(normalizer.searchKey(for: "ＡＢＣ１２３") == "abc123")
        #expect(normalizer.searchKey(for: "ﬁnal ﬂow") == "final flow")
    }

    @Test("Greek and Cyrillic lose accents and case")
    func otherScripts() {
        #expect(normalizer.searchKey(for: "Ἀθῆναι ΆΛΦΑ") == "αθηναι αλφα")
        #expect(normalizer.searchKey(for: "Ёлка") == "елка")
        #expect(normalizer.searchKey(for: "ΟΔΟΣ") == normalizer.searchKey(for: "οδος"))
    }

    @Test("Separators, emoji and symbols are kept by fold and dropped from keys")
    func separatorsKept() {
        #expect(normalizer.fold("İade! 🎉 #1") == "iade! 🎉 #1")
        #expect(normalizer.searchKey(for: "İade! 🎉 #1") == "iade 1")
    }

    @Test("Empty text folds to empty text")
    func emptyText() {
        #expect(normalizer.fold("") == "")
        #expect(normalizer.searchKey(for: "") == "")
    }
}
