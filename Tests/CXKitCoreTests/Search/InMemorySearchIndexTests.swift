import Foundation
import Testing

@testable import CXKitCore

@Suite("InMemorySearchIndex")
struct InMemorySearchIndexTests {
    let tenant: TenantID

    init() throws { tenant = try TenantID("tenant-a") }

    static func id(_ number: UInt64) -> Identifier {
        Identifier(high: 0x0190_0000_0000_7000, low: 0x8000_0000_0000_0000 | number)
    }

    @Test("BM25 scores match the formula computed by hand")
    func handComputedScores() throws {
        let index = InMemorySearchIndex()
        try index.upsert(
            [
                SearchDocument(id: Self.id(1), fields: [.body("iade kargo iade")]),
                SearchDocument(id: Self.id(2), fields: [.body("kargo teslimat")]),
                SearchDocument(id: Self.id(3), fields: [.body("iade")]),
            ], in: tenant)
        let results = try index.search(SearchQuery(text: "iade"), in: tenant)
        // N = 3, n = 2, average length = (3 + 2 + 1) / 3 = 2.
        let idf = log(1 + (3 - 2 + 0.5) / (2 + 0.5))
        let first = idf * (2 * 2.2) / (2 + 1.2 * (0.25 + 0.75 * 3 / 2))
        let third = idf * (1 * 2.2) / (1 + 1.2 * (0.25 + 0.75 * 1 / 2))
        #expect(results.totalHitCount == 2)
        #expect(results.hits.map(\.id) == [Self.id(3), Self.id(1)])
        #expect(abs(results.hits[0].score - third) < 1e-12)
        #expect(abs(results.hits[1].score - first) < 1e-12)
    }

    @Test("Field weights scale frequency and length (BM25F with one b)")
    func weightedFields() throws {
        let index = InMemorySearchIndex()
        try index.upsert(
            [
                SearchDocument(id: Self.id(1), fields: [.title("iade"), .body("kargo")]),
                SearchDocument(id: Self.id(2), fields: [.body("kargo teslimat")]),
            ], in: tenant)
        let results = try index.search(SearchQuery(text: "iade"), in: tenant)
        // Document 1: tf = 2·1 = 2, length = 2·1 + 1·1 = 3; document 2: length 2; average 2.5.
        let idf = log(1 + (2 - 1 + 0.5) / (1 + 0.5))
        let expected = idf * (2 * 2.2) / (2 + 1.2 * (0.25 + 0.75 * 3 / 2.5))
        #expect(abs((results.hits.first?.score ?? 0) - expected) < 1e-12)
    }

    static let vocabulary = [
        "iade", "kargo", "müşteri", "teslimat", "ödeme", "fatura", "ürün", "hasarlı", "değişim", "süre",
        "İstanbul", "ankara", "sipariş", "iptal", "kupon", "indirim", "adres", "telefon", "destek", "şikayet",
        "iadeler", "kargocu", "ödemeli", "faturası", "ürünler", "süreç", "siparişim", "kuponlu", "desteği",
        "ışık",
    ]

    /// A word drawn with a Zipf-like bias towards the start of the vocabulary.
    static func word(_ random: SeededRandomSource) -> String {
        let a = random.next(below: UInt64(vocabulary.count))
        let b = random.next(below: UInt64(vocabulary.count))
        return vocabulary[Int(min(a, b))]
    }

    static func document(_ number: UInt64, _ random: SeededRandomSource) -> SearchDocument {
        let titleLength = Int(random.next(below: 4)) + 1
        let bodyLength = Int(random.next(below: 20)) + 1
        let title = (0..<titleLength).map { _ in word(random) }.joined(separator: " ")
        let body = (0..<bodyLength).map { _ in word(random) }.joined(separator: " ")
        let spaces = ["returns", "community", "billing"]
        return SearchDocument(
            id: id(number), fields: [.title(title), .body(body)],
            keywords: [
                "space": [spaces[Int(random.next(below: 3))]],
                "tags": (0..<Int(random.next(below: 3))).map { _ in "t\(random.next(below: 5))" },
            ])
    }

    static func randomQuery(_ random: SeededRandomSource) -> SearchQuery {
        var parts: [String] = []
        for _ in 0..<(Int(random.next(below: 3)) + 1) {
            switch random.next(below: 10) {
            case 0: parts.append("\"\(word(random)) \(word(random))\"")
            case 1: parts.append(String(word(random).prefix(3)) + "*")
            case 2: parts.append("-" + word(random))
            default: parts.append(word(random))
            }
        }
        let filters =
            random.next(below: 4) == 0
            ? [SearchFilter(field: "space", anyOf: ["returns", "billing"])] : []
        return SearchQuery(
            text: parts.joined(separator: " "), mode: random.next(below: 2) == 0 ? .all : .any,
            filters: filters,
            limit: 10, offset: random.next(below: 5) == 0 ? 5 : 0)
    }

    func expectAgreement(
        _ index: InMemorySearchIndex, _ reference: BruteForceSearch, _ random: SeededRandomSource,
        queries: Int
    ) throws {
        var queriesWithHits = 0
        for _ in 0..<queries {
            let query = Self.randomQuery(random)
            let actual = try index.search(query, in: tenant)
            let expected = try reference.search(query)
            if !expected.hits.isEmpty { queriesWithHits += 1 }
            #expect(actual.totalHitCount == expected.total, "total for \(query.text)")
            #expect(actual.hits.map(\.id) == expected.hits.map(\.0), "top-10 for \(query.text)")
            for (hit, reference) in zip(actual.hits, expected.hits) {
                #expect(abs(hit.score - reference.1) <= 1e-9 * max(1, reference.1), "score for \(query.text)")
            }
        }
        #expect(queriesWithHits * 2 > queries, "most random queries have hits")
    }

    @Test("Top-10 and totals agree exactly with a brute-force BM25 scorer on a random corpus")
    func agreesWithBruteForce() throws {
        let random = SeededRandomSource(seed: 20_261_122)
        let index = InMemorySearchIndex()
        var reference = BruteForceSearch()
        let documents = (1...600).map { Self.document($0, random) }
        try index.add(contentsOf: documents, in: tenant)
        for document in documents { reference.upsert(document) }
        try expectAgreement(index, reference, random, queries: 300)
        // Single-term queries take the block-max path; every word, several page sizes.
        for word in Self.vocabulary {
            for (limit, offset) in [(1, 0), (3, 0), (10, 7)] {
                let query = SearchQuery(text: word, limit: limit, offset: offset)
                let actual = try index.search(query, in: tenant)
                let expected = try reference.search(query)
                #expect(actual.totalHitCount == expected.total, "total for \(word)")
                #expect(actual.hits.map(\.id) == expected.hits.map(\.0), "page for \(word)")
            }
        }

        // Replacements and removals keep statistics exact.
        for number in 1...150 {
            let target = random.next(below: 600) + 1
            if number % 3 == 0 {
                index.remove([Self.id(target)], in: tenant)
                reference.remove(Self.id(target))
            } else {
                let replacement = Self.document(target, random)
                try index.upsert([replacement], in: tenant)
                reference.upsert(replacement)
            }
        }
        #expect(index.documentCount(in: tenant) == reference.documents.count)
        try expectAgreement(index, reference, random, queries: 300)
    }

    @Test("Results stay exact across a compaction after mass removal")
    func compaction() throws {
        let random = SeededRandomSource(seed: 7)
        let index = InMemorySearchIndex()
        var reference = BruteForceSearch()
        let documents = (1...1600).map { Self.document($0, random) }
        try index.add(contentsOf: documents, in: tenant)
        for document in documents { reference.upsert(document) }
        let removed = (1...1300).map { Self.id(UInt64($0) * 7 % 1600 + 1) }
        index.remove(removed, in: tenant)
        for id in removed { reference.remove(id) }
        #expect(index.documentCount(in: tenant) == reference.documents.count)
        try expectAgreement(index, reference, random, queries: 200)
        let more = (2000...2100).map { Self.document(UInt64($0), random) }
        try index.add(contentsOf: more, in: tenant)
        for document in more { reference.upsert(document) }
        try expectAgreement(index, reference, random, queries: 100)
    }

    @Test("A large batch with repeated identifiers keeps the last version of each")
    func largeBatchWithRepeats() throws {
        let random = SeededRandomSource(seed: 31)
        let index = InMemorySearchIndex()
        var reference = BruteForceSearch()
        let documents = (0..<1500).map { Self.document(UInt64($0 % 700) + 1, random) }
        try index.add(contentsOf: documents, in: tenant)
        for document in documents { reference.upsert(document) }
        #expect(index.documentCount(in: tenant) == 700)
        try expectAgreement(index, reference, random, queries: 150)
    }

    @Test("Thousands of random query strings return results or throw CoreError")
    func fuzzQueries() throws {
        let random = SeededRandomSource(seed: 99)
        let index = InMemorySearchIndex()
        try index.add(contentsOf: (1...200).map { Self.document($0, random) }, in: tenant)
        let alphabet = Array(
            #" -*"'’iİışŞıd.,()\?!+"#.unicodeScalars
                + "ade kargo 🎉\u{0301}\u{0000}\u{001F}\u{FF02}東ß\n".unicodeScalars)
        for _ in 0..<3000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(random.next(below: 80)) {
                text.append(alphabet[Int(random.next(below: UInt64(alphabet.count)))])
            }
            let query = SearchQuery(
                text: String(text), mode: random.next(below: 2) == 0 ? .all : .any,
                snippets: random.next(below: 4) == 0 ? SearchSnippetOptions(length: 40) : nil)
            do {
                let results = try index.search(query, in: tenant)
                #expect(results.hits.count <= 10)
                #expect(results.totalHitCount >= results.hits.count)
            } catch {
                #expect(error.code == .limitExceeded)
            }
        }
        let long = String(repeating: "\"-*", count: 1000)
        #expect(throws: CoreError.limit(field: "query", reason: "must be at most 512 characters")) {
            try index.search(SearchQuery(text: long), in: tenant)
        }
    }

    @Test("Queries on a tenant without documents return nothing")
    func emptyTenant() throws {
        let results = try InMemorySearchIndex().search(SearchQuery(text: "iade"), in: tenant)
        #expect(results == .empty)
    }

    @Test("Common words with long posting lists intersect correctly through skips")
    func longPostingLists() throws {
        let index = InMemorySearchIndex()
        let documents = (1...2000).map { number in
            SearchDocument(
                id: Self.id(UInt64(number)),
                fields: [.body(number % 97 == 0 ? "ortak nadir kelime" : "ortak kelime \(number)")])
        }
        try index.add(contentsOf: documents, in: tenant)
        let results = try index.search(SearchQuery(text: "nadir ortak", limit: 100), in: tenant)
        #expect(results.totalHitCount == 2000 / 97)
        let rare: [UInt64] = (1...2000).filter { $0 % 97 == 0 }
        let expected = Set(rare.map { Self.id($0) })
        #expect(Set(results.hits.map(\.id)) == expected)
        let phrase = try index.search(SearchQuery(text: #""ortak nadir""#, limit: 100), in: tenant)
        #expect(phrase.totalHitCount == 2000 / 97)
    }
}
