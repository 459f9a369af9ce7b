import CXKitCore

extension SearchIndexConformance {
    /// Turkish-aware folding and apostrophes.
    public static let folding: [SearchIndexConformance] = [
        SearchIndexConformance("folding.unaccentedQueryFindsTurkishText") { c in
            try await c.add([c.document(1, "Müşteri İADE talebi"), c.document(2, "musteri iade talebi")])
            try c.expect.expect(
                Set(try await c.ids("musteri iade")) == [c.id(1), c.id(2)], "plain finds accented")
            try c.expect.expect(
                Set(try await c.ids("Müşteri İADE")) == [c.id(1), c.id(2)], "accented finds plain")
            try c.expect.expect(
                Set(try await c.ids(#""MÜŞTERİ iade""#)) == [c.id(1), c.id(2)], "phrases fold too")
        },
        SearchIndexConformance("folding.dottedAndDotlessIMatch") { c in
            try await c.add([c.document(1, "ISTANBUL"), c.document(2, "İstanbul"), c.document(3, "istanbul")])
            for query in ["ISTANBUL", "İstanbul", "istanbul", "ıstanbul", "İSTANBUL"] {
                try c.expect.expect(
                    Set(try await c.ids(query)).count == 3, "\(query) finds all three spellings")
            }
        },
        SearchIndexConformance("folding.apostropheSuffixIgnored") { c in
            try await c.add([c.document(1, "İade'nin süresi"), c.document(2, "iade süresi")])
            try c.expect.expect(
                Set(try await c.ids("iade")) == [c.id(1), c.id(2)], "iade'nin is found by iade")
            try c.expect.expect(
                Set(try await c.ids("iade’nin")) == [c.id(1), c.id(2)], "the query drops it too")
            try c.expect.expect(try await c.ids("nin").isEmpty, "the suffix is not a word")
        },
    ]

    /// Relative order under BM25 with field weights, and stable ties.
    public static let ranking: [SearchIndexConformance] = [
        SearchIndexConformance("ranking.higherFrequencyRanksFirst") { c in
            try await c.add([
                c.document(1, "iade kargo teslimat ödeme"), c.document(2, "iade iade iade ödeme"),
                c.document(3, "fatura"),
            ])
            try c.expect.expect(
                try await c.ids("iade") == [c.id(2), c.id(1)], "more occurrences rank higher")
        },
        SearchIndexConformance("ranking.shorterDocumentRanksFirst") { c in
            try await c.add([
                c.document(1, "iade kargo teslimat ödeme fatura adres telefon"), c.document(2, "iade kargo"),
                c.document(3, "fatura"),
            ])
            try c.expect.expect(
                try await c.ids("iade") == [c.id(2), c.id(1)], "same frequency, shorter first")
        },
        SearchIndexConformance("ranking.fieldWeightCounts") { c in
            try await c.add([
                c.document(1, "kargo teslimat", title: "iade"),
                c.document(2, "iade teslimat", title: "kargo"),
                c.document(3, "fatura"),
            ])
            try c.expect.expect(
                try await c.ids("iade") == [c.id(1), c.id(2)], "a title match outranks a body match")
        },
        SearchIndexConformance("ranking.rareTermWeighsMore") { c in
            try await c.add(
                [c.document(1, "iade hasar"), c.document(2, "iade kargo")]
                    + (3...20).map { c.document($0, "kargo teslimat \($0)") })
            try c.expect.expect(
                try await c.ids("hasar kargo", mode: .any).first == c.id(1),
                "the rarer matched word weighs more")
        },
        SearchIndexConformance("ranking.tiesOrderedByIdentifier") { c in
            try await c.add([5, 3, 9, 1, 7].map { c.document($0, "aynı metin") })
            let results = try await c.search("metin")
            try c.expect.expect(
                results.hits.map(\.id) == [1, 3, 5, 7, 9].map { c.id($0) }, "equal scores order by identifier"
            )
            try c.expect.expect(Set(results.hits.map(\.score)).count == 1, "equal documents score equally")
            try c.expect.expect(results.hits.allSatisfy { $0.score > 0 }, "matches score above zero")
        },
    ]

    /// Snippets with highlighted matches.
    public static let snippets: [SearchIndexConformance] = [
        SearchIndexConformance("snippets.highlightMatchedWords") { c in
            try await c.add([
                c.document(1, "Kargo hasarlı geldi, İADE'nin süreci nasıl?", title: "Hasarlı ürün")
            ])
            let results = try await c.search("iade hasarlı", snippets: SearchSnippetOptions())
            guard let hit = results.hits.first else { try c.expect.fail("the document is found") }
            let body = hit.snippets.first { $0.field == "body" }
            try c.expect.expect(
                body?.highlightedWords == ["hasarlı", "İADE"], "body highlights the source words")
            try c.expect.expect(
                hit.snippets.first { $0.field == "title" }?.highlightedWords == ["Hasarlı"],
                "title highlighted")
            try c.expect.expect(
                try await c.search("iade").hits.first?.snippets.isEmpty == true, "no snippets unless asked")
        },
        SearchIndexConformance("snippets.longTextIsCutAroundTheMatch") { c in
            let filler = String(repeating: "lorem ipsum dolor ", count: 40)
            try await c.add([c.document(1, filler + "burada iade var " + filler)])
            let results = try await c.search("iade", snippets: SearchSnippetOptions(length: 60))
            guard let snippet = results.hits.first?.snippets.first else {
                try c.expect.fail("a snippet is built")
            }
            try c.expect.expect(snippet.text.utf8.count <= 60, "the snippet respects the length")
            try c.expect.expect(snippet.highlightedWords == ["iade"], "the match is inside the window")
            try c.expect.expect(
                snippet.isTruncatedAtStart && snippet.isTruncatedAtEnd, "truncation is reported on both sides"
            )
        },
    ]

    /// Size limits on queries and pages.
    public static let limits: [SearchIndexConformance] = [
        SearchIndexConformance("limits.overlongQueryRejected") { c in
            let long = String(repeating: "a", count: SearchQueryParser.maximumLength + 1)
            try await c.expectError(
                .limitExceeded, field: "query", "a query above 512 characters is rejected"
            ) {
                _ = try await c.search(long)
            }
            let many = (0...SearchQueryParser.maximumTermCount).map { "w\($0)" }.joined(separator: " ")
            try await c.expectError(.limitExceeded, field: "query", "a query above 32 words is rejected") {
                _ = try await c.search(many)
            }
        },
        SearchIndexConformance("limits.pageBoundsRejected") { c in
            try await c.expectError(.validationFailed, field: "limit", "a limit of 0 is rejected") {
                _ = try await c.search("iade", limit: 0)
            }
            try await c.expectError(.limitExceeded, field: "limit", "a limit above the maximum is rejected") {
                _ = try await c.search("iade", limit: SearchQuery.maximumLimit + 1)
            }
            try await c.expectError(.validationFailed, field: "offset", "a negative offset is rejected") {
                _ = try await c.search("iade", offset: -1)
            }
            try await c.expectError(
                .limitExceeded, field: "offset", "an offset above the maximum is rejected"
            ) {
                _ = try await c.search("iade", offset: SearchQuery.maximumOffset + 1)
            }
            try await c.expectError(
                .validationFailed, field: "filters", "a filter without values is rejected"
            ) {
                _ = try await c.search("iade", filters: [SearchFilter(field: "space", anyOf: [])])
            }
        },
    ]
}
