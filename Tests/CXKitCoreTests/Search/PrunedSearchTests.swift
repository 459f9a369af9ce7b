import Foundation
import Testing

@testable import CXKitCore

/// Pruning (block-max bounds, bounded phrase checks, estimated totals) must never change
/// the page: these tests run ``InMemorySearchIndex`` with tiny exact-count budgets on
/// random seeded corpora and compare every page with the exhaustive ``BruteForceSearch``.
@Suite("InMemorySearchIndex pruning")
struct PrunedSearchTests {
    let tenant: TenantID

    init() throws { tenant = try TenantID("tenant-pruning") }

    static func id(_ number: UInt64) -> Identifier {
        Identifier(
            high: 0x0190_0000_0000_7000, low: 0x8000_0000_0000_0000 | (number &* 0x9E37_79B9 % 1_000_003))
    }

    /// A Zipf-like vocabulary of syllable words sharing many prefixes.
    struct Vocabulary {
        let words: [String]
        let cumulative: [Double]

        init(size: Int) {
            let syllables = ["ka", "ri", "mo", "te", "şe", "çi", "öz", "ün"]
            var words: [String] = []
            var number = 0
            while words.count < size {
                var value = number
                var word = ""
                repeat {
                    word += syllables[value % syllables.count]
                    value /= syllables.count
                } while value > 0
                number += 1
                words.append(word)
            }
            self.words = words
            var sum = 0.0
            var sums: [Double] = []
            for rank in 1...size {
                sum += 1 / Double(rank)
                sums.append(sum)
            }
            cumulative = sums.map { $0 / sum }
        }

        func word(_ random: SeededRandomSource) -> String {
            let unit = random.nextUnitInterval()
            var low = 0
            var high = cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] < unit { low = middle + 1 } else { high = middle }
            }
            return words[low]
        }

        func text(_ count: Int, _ random: SeededRandomSource) -> String {
            (0..<count).map { _ in word(random) }.joined(separator: " ")
        }
    }

    static func document(_ number: UInt64, _ vocabulary: Vocabulary, _ random: SeededRandomSource)
        -> SearchDocument
    {
        var fields: [SearchField] = [.body(vocabulary.text(Int(random.next(below: 25)) + 3, random))]
        if random.next(below: 2) == 0 {
            fields.insert(.title(vocabulary.text(Int(random.next(below: 4)) + 1, random)), at: 0)
        }
        if random.next(below: 5) == 0 {
            fields.append(SearchField(name: "tags", text: vocabulary.text(2, random), weight: 0.5))
        }
        let spaces = ["returns", "community", "billing"]
        return SearchDocument(
            id: id(number), fields: fields,
            keywords: ["space": [spaces[Int(random.next(below: 3))]]])
    }

    static func clause(_ vocabulary: Vocabulary, _ random: SeededRandomSource) -> String {
        switch random.next(below: 12) {
        case 0, 1:
            let length = Int(random.next(below: 2)) + 2
            return "\"" + vocabulary.text(length, random) + "\""
        case 2, 3:
            let word = vocabulary.word(random)
            return String(word.prefix(Int(random.next(below: 3)) + 2)) + "*"
        case 4: return "-" + vocabulary.word(random)
        case 5: return "-" + String(vocabulary.word(random).prefix(4)) + "*"
        default: return vocabulary.word(random)
        }
    }

    static func query(_ vocabulary: Vocabulary, _ random: SeededRandomSource) -> SearchQuery {
        let text = (0..<(Int(random.next(below: 3)) + 1)).map { _ in clause(vocabulary, random) }
        let filters: [SearchFilter] =
            random.next(below: 4) == 0 ? [SearchFilter(field: "space", anyOf: ["returns", "billing"])] : []
        let offsets = [0, 0, 0, 3, 10, 40]
        return SearchQuery(
            text: text.joined(separator: " "), mode: random.next(below: 4) == 0 ? .any : .all,
            filters: filters, limit: Int(random.next(below: 12)) + 1,
            offset: offsets[Int(random.next(below: UInt64(offsets.count)))])
    }

    /// Compares `queries` random queries; returns how many reported an estimated total.
    func expectExactPages(
        _ index: InMemorySearchIndex, _ reference: BruteForceSearch, queries: [SearchQuery]
    ) throws -> Int {
        var estimated = 0
        for query in queries {
            let actual = try index.search(query, in: tenant)
            let expected = try reference.search(query)
            #expect(actual.hits.map(\.id) == expected.hits.map(\.0), "page for \(query.text)")
            for (hit, reference) in zip(actual.hits, expected.hits) {
                #expect(abs(hit.score - reference.1) <= 1e-9 * max(1, reference.1), "score for \(query.text)")
            }
            if actual.isTotalHitCountExact {
                #expect(actual.totalHitCount == expected.total, "exact total for \(query.text)")
            } else {
                estimated += 1
                // Estimates only happen once the page is full.
                #expect(expected.total >= query.offset + query.limit, "estimate for \(query.text)")
                #expect(actual.totalHitCount >= query.offset + query.limit, "estimate for \(query.text)")
            }
        }
        return estimated
    }

    @Test(
        "Pruned pages equal exhaustive BM25F pages (phrases, prefixes, AND/OR, exclusions, filters, offsets)",
        arguments: [(seed: 1 as UInt64, budget: 0), (seed: 2, budget: 40), (seed: 3, budget: 400)])
    func prunedPagesAreExact(seed: UInt64, budget: Int) throws {
        let random = SeededRandomSource(seed: seed)
        let vocabulary = Vocabulary(size: 300)
        let index = InMemorySearchIndex(exactCountBudget: budget)
        var reference = BruteForceSearch()
        let documents = (1...2000).map { Self.document($0, vocabulary, random) }
        try index.add(contentsOf: documents, in: tenant)
        for document in documents { reference.upsert(document) }
        var queries = (0..<200).map { _ in Self.query(vocabulary, random) }
        // The most common words alone, AND-ed and as phrases: the shapes that prune most.
        for rank in 0..<6 {
            let word = vocabulary.words[rank]
            let next = vocabulary.words[rank + 1]
            queries.append(
                SearchQuery(text: word, filters: [SearchFilter(field: "space", equals: "billing")]))
            queries.append(SearchQuery(text: "\(word) \(next)", limit: 5))
            queries.append(SearchQuery(text: "\"\(word) \(next)\"", limit: 3, offset: 2))
            queries.append(SearchQuery(text: "\(word) -\(next)"))
            queries.append(SearchQuery(text: String(word.prefix(2)) + "*", limit: 7))
        }
        let estimated = try expectExactPages(index, reference, queries: queries)
        if budget == 0 { #expect(estimated > 20, "pruning ran on many queries") }

        // Replacements and removals leave tombstones that pruned queries skip.
        for number in 1...500 {
            let target = random.next(below: 2000) + 1
            if number % 2 == 0 {
                index.remove([Self.id(target)], in: tenant)
                reference.remove(Self.id(target))
            } else {
                let replacement = Self.document(target, vocabulary, random)
                try index.upsert([replacement], in: tenant)
                reference.upsert(replacement)
            }
        }
        let later = (0..<150).map { _ in Self.query(vocabulary, random) }
        _ = try expectExactPages(index, reference, queries: later)
    }

    @Test("Small result sets keep exact totals whatever the budget")
    func smallResultSetsAreExact() throws {
        let index = InMemorySearchIndex(exactCountBudget: 0)
        let documents = (1...30).map { SearchDocument(id: Self.id($0), fields: [.body("iade kargo \($0)")]) }
        try index.add(contentsOf: documents, in: tenant)
        let page = try index.search(SearchQuery(text: "iade kargo", limit: 50), in: tenant)
        #expect(page.totalHitCount == 30 && page.isTotalHitCountExact)
        let single = try index.search(SearchQuery(text: "iade", limit: 5), in: tenant)
        #expect(single.totalHitCount == 30 && single.isTotalHitCountExact)
    }

    @Test("An estimated total is reported for a large AND and stays near the true count")
    func estimatedTotals() throws {
        let index = InMemorySearchIndex(exactCountBudget: 100)
        let documents = (1...5000).map { number in
            SearchDocument(
                id: Self.id(UInt64(number)),
                fields: [.body(number % 2 == 0 ? "iade kargo ücreti \(number)" : "iade \(number)")])
        }
        try index.add(contentsOf: documents, in: tenant)
        let results = try index.search(SearchQuery(text: "kargo iade"), in: tenant)
        #expect(!results.isTotalHitCountExact)
        #expect(results.hits.count == 10)
        #expect(results.totalHitCount >= 2000 && results.totalHitCount <= 3000)
        let exact = try InMemorySearchIndex.exactTotal(of: documents, text: "kargo iade", tenant: tenant)
        #expect(exact == 2500)
    }
}

extension InMemorySearchIndex {
    /// The exact total of `text` over `documents`, from an index that never prunes.
    fileprivate static func exactTotal(of documents: [SearchDocument], text: String, tenant: TenantID)
        throws -> Int
    {
        let index = InMemorySearchIndex(exactCountBudget: Int.max)
        try index.add(contentsOf: documents, in: tenant)
        let results = try index.search(SearchQuery(text: text), in: tenant)
        #expect(results.isTotalHitCountExact)
        return results.totalHitCount
    }
}
