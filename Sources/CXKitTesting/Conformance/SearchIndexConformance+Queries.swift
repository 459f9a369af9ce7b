import CXKitCore

extension SearchIndexConformance {
    /// Query language: AND/OR, phrases, prefixes, exclusions, filters, paging.
    public static let queries: [SearchIndexConformance] = [
        SearchIndexConformance("queries.allTermsByDefault") { c in
            try await c.add([c.document(1, "iade kargo"), c.document(2, "iade"), c.document(3, "kargo")])
            try c.expect.expect(try await c.ids("iade kargo") == [c.id(1)], "AND needs every term")
            let any = try await c.ids("iade kargo", mode: .any)
            try c.expect.expect(
                any.first == c.id(1) && Set(any) == [c.id(1), c.id(2), c.id(3)], "OR needs one")
        },
        SearchIndexConformance("queries.unknownWordFindsNothing") { c in
            try await c.add([c.document(1, "iade kargo")])
            try c.expect.expect(
                try await c.search("iade bilinmeyen").totalHitCount == 0, "AND with unknown word")
            try c.expect.expect(
                try await c.ids("iade bilinmeyen", mode: .any) == [c.id(1)], "OR ignores the unknown word")
        },
        SearchIndexConformance("queries.phraseNeedsAdjacentWordsInOrder") { c in
            try await c.add([
                c.document(1, "iade süreci uzun"), c.document(2, "süreci iade"),
                c.document(3, "iade ve süreci"),
            ])
            try c.expect.expect(
                try await c.ids(#""iade süreci""#) == [c.id(1)], "only the adjacent, ordered pair")
            try c.expect.expect(
                try await c.ids(#""İADE SÜRECİ"#) == [c.id(1)], "an unclosed quote runs to the end")
        },
        SearchIndexConformance("queries.phraseStaysInsideOneField") { c in
            try await c.add([c.document(1, "süreci uzun", title: "kargo iade")])
            try c.expect.expect(try await c.ids(#""iade süreci""#).isEmpty, "a phrase never spans two fields")
            try c.expect.expect(
                try await c.ids(#""kargo iade""#) == [c.id(1)], "a phrase inside the title matches")
        },
        SearchIndexConformance("queries.prefixMatchesWordStarts") { c in
            try await c.add([c.document(1, "iadeler"), c.document(2, "iade"), c.document(3, "kiade")])
            try c.expect.expect(
                Set(try await c.ids("iade*")) == [c.id(1), c.id(2)], "prefix finds word starts only")
            try c.expect.expect(Set(try await c.ids("İADE*")) == [c.id(1), c.id(2)], "prefixes are folded")
            try c.expect.expect(try await c.ids("kiade*") == [c.id(3)], "a whole word is its own prefix")
        },
        SearchIndexConformance("queries.exclusionRemovesMatches") { c in
            try await c.add([
                c.document(1, "iade kargo hasarlı"), c.document(2, "iade kargo"),
                c.document(3, "iade süreci uzun"),
            ])
            try c.expect.expect(
                Set(try await c.ids("iade -hasarlı")) == [c.id(2), c.id(3)], "-word excludes")
            try c.expect.expect(
                Set(try await c.ids(#"iade -"süreci uzun""#)) == [c.id(1), c.id(2)], "-\"phrase\" excludes")
            let total = try await c.search("iade -kargo").totalHitCount
            try c.expect.expect(total == 1, "exclusions apply to totals")
        },
        SearchIndexConformance("queries.filtersNeedAnyValueInEveryField") { c in
            try await c.add([
                c.document(1, "iade", keywords: ["space": ["returns"], "tags": ["kargo", "acil"]]),
                c.document(2, "iade", keywords: ["space": ["returns"], "tags": ["ödeme"]]),
                c.document(3, "iade", keywords: ["space": ["community"], "tags": ["kargo"]]),
                c.document(4, "iade"),
            ])
            let space = SearchFilter(field: "space", equals: "returns")
            try c.expect.expect(
                Set(try await c.ids("iade", filters: [space])) == [c.id(1), c.id(2)], "equals")
            let tags = SearchFilter(field: "tags", anyOf: ["kargo", "ödeme"])
            try c.expect.expect(
                Set(try await c.ids("iade", filters: [tags])) == [c.id(1), c.id(2), c.id(3)],
                "any of the values")
            try c.expect.expect(
                Set(try await c.ids("iade", filters: [space, SearchFilter(field: "tags", equals: "kargo")]))
                    == [c.id(1)], "every filter must pass")
            try c.expect.expect(
                try await c.ids("iade", filters: [SearchFilter(field: "space", equals: "Returns")]).isEmpty,
                "keyword values are exact")
            let total = try await c.search("iade", filters: [space]).totalHitCount
            try c.expect.expect(total == 2, "filters apply to totals")
        },
        SearchIndexConformance("queries.emptyTextListsFilteredDocuments") { c in
            try await c.add([
                c.document(2, "b", keywords: ["status": ["open"]]),
                c.document(1, "a", keywords: ["status": ["open"]]),
                c.document(3, "c", keywords: ["status": ["closed"]]),
            ])
            let open = try await c.ids("", filters: [SearchFilter(field: "status", equals: "open")])
            try c.expect.expect(
                open == [c.id(1), c.id(2)], "empty text lists filtered documents by identifier")
            try c.expect.expect(try await c.ids("-c") == [c.id(1), c.id(2)], "only exclusions list the rest")
            try c.expect.expect(
                try await c.ids("!!! 🎉").count == 3, "text without words behaves like empty text")
        },
        SearchIndexConformance("queries.totalCountsEveryMatch") { c in
            try await c.add((1...30).map { c.document($0, "iade \($0)") })
            let page = try await c.search("iade", limit: 5)
            try c.expect.expect(
                page.hits.count == 5 && page.totalHitCount == 30, "total is independent of limit")
        },
        SearchIndexConformance("queries.pagesAreConsistent") { c in
            try await c.add(
                (1...25).map { c.document($0, String(repeating: "iade ", count: Int($0 % 4) + 1)) })
            let all = try await c.search("iade", limit: 25).hits.map(\.id)
            var paged: [Identifier] = []
            for offset in stride(from: 0, to: 25, by: 7) {
                paged += try await c.search("iade", limit: 7, offset: offset).hits.map(\.id)
            }
            try c.expect.expect(paged == all, "offset pages concatenate to the full ranking")
            try c.expect.expect(
                try await c.search("iade", offset: 30).hits.isEmpty, "a page past the end is empty")
        },
        SearchIndexConformance("queries.oddSyntaxNeverFails") { c in
            try await c.add([c.document(1, "iade kargo")])
            for text in [
                "\"", "\"\"", "-", "--", "*", "**", "-*", "- -\"", "iade\"kargo", "\"iade", "-\"iade",
                "+iade",
                "iade**", "a*", "\u{0000}", "' ' '", "🎉*", "-🎉", "\"-iade\"", "iade -iade",
            ] {
                _ = try await c.search(text)
                _ = try await c.search(text, mode: .any)
            }
            try c.expect.expect(
                try await c.ids("iade -iade").isEmpty, "a word and its exclusion match nothing")
        },
    ]
}
