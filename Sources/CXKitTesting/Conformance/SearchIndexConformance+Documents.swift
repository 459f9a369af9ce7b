import CXKitCore

extension SearchIndexConformance {
    /// Adding, replacing and removing documents.
    public static let documents: [SearchIndexConformance] = [
        SearchIndexConformance("documents.addedDocumentIsFound") { c in
            try await c.add([c.document(1, "Kargo ücreti iade edilir"), c.document(2, "Teslimat süresi")])
            try c.expect.expect(
                try await c.ids("kargo") == [c.id(1)], "a word of the body finds its document")
            try c.expect.expect(
                try await c.index.documentCount(in: c.tenant) == 2, "both documents are counted")
        },
        SearchIndexConformance("documents.replaceChangesResults") { c in
            try await c.add([c.document(1, "eski metin kargo")])
            try await c.add([c.document(1, "yeni metin teslimat")])
            try c.expect.expect(try await c.ids("kargo").isEmpty, "words of the old version are gone")
            try c.expect.expect(try await c.ids("teslimat") == [c.id(1)], "words of the new version match")
            let shared = try await c.search("metin")
            try c.expect.expect(
                shared.totalHitCount == 1 && shared.hits.map(\.id) == [c.id(1)],
                "the document is not duplicated")
            try c.expect.expect(try await c.index.documentCount(in: c.tenant) == 1, "the count stays one")
        },
        SearchIndexConformance("documents.laterDocumentInBatchWins") { c in
            try await c.add([c.document(1, "birinci"), c.document(1, "ikinci")])
            try c.expect.expect(try await c.ids("birinci").isEmpty, "the earlier version is replaced")
            try c.expect.expect(try await c.ids("ikinci") == [c.id(1)], "the later version is indexed")
        },
        SearchIndexConformance("documents.removeHidesDocument") { c in
            try await c.add([c.document(1, "iade talebi"), c.document(2, "iade süreci")])
            try await c.index.remove([c.id(1), c.id(99)], in: c.tenant)
            let results = try await c.search("iade")
            try c.expect.expect(
                results.hits.map(\.id) == [c.id(2)] && results.totalHitCount == 1,
                "a removed document is neither listed nor counted; unknown IDs are ignored")
            try c.expect.expect(try await c.index.documentCount(in: c.tenant) == 1, "the count drops")
            try await c.add([c.document(1, "iade geri geldi")])
            try c.expect.expect(try await c.ids("geri") == [c.id(1)], "a removed ID can be added again")
        },
        SearchIndexConformance("documents.removeAllEmptiesTenant") { c in
            try await c.add([c.document(1, "iade"), c.document(2, "iade")])
            try await c.index.removeAll(in: c.tenant)
            try c.expect.expect(
                try await c.search("iade").totalHitCount == 0, "nothing matches after removeAll")
            try c.expect.expect(try await c.index.documentCount(in: c.tenant) == 0, "the tenant is empty")
        },
        SearchIndexConformance("documents.invalidBatchChangesNothing") { c in
            try await c.add([c.document(1, "mevcut belge")])
            let invalid = SearchDocument(
                id: c.id(3), fields: [SearchField(name: "body", text: "x", weight: .nan)])
            try await c.expectError(.validationFailed, field: "fields.weight", "a NaN weight is rejected") {
                try await c.index.upsert([c.document(2, "yeni belge"), invalid], in: c.tenant)
            }
            try c.expect.expect(try await c.ids("yeni").isEmpty, "no document of a rejected batch is indexed")
            try c.expect.expect(try await c.index.documentCount(in: c.tenant) == 1, "the count is unchanged")
        },
        SearchIndexConformance("documents.oversizedDocumentRejected") { c in
            let huge = String(repeating: "a ", count: SearchDocument.maximumTextLength / 2 + 1)
            try await c.expectError(.limitExceeded, field: "fields", "text above the size limit is rejected")
            {
                try await c.add([c.document(1, huge)])
            }
            try await c.expectError(
                .validationFailed, field: "fields.name", "an empty field name is rejected"
            ) {
                try await c.add([SearchDocument(id: c.id(2), fields: [SearchField(name: "", text: "a")])])
            }
        },
    ]

    /// Tenant isolation of documents, totals and statistics.
    public static let tenancy: [SearchIndexConformance] = [
        SearchIndexConformance("tenancy.otherTenantNeverVisible") { c in
            try await c.add([c.document(1, "ortak kelime sentinelA")])
            try await c.add(
                [c.document(2, "ortak kelime sentinelB"), c.document(3, "ortak kelime sentinelB")],
                in: c.otherTenant)
            let mine = try await c.search("ortak")
            try c.expect.expect(
                mine.hits.map(\.id) == [c.id(1)] && mine.totalHitCount == 1, "hits and totals are per tenant")
            try c.expect.expect(try await c.ids("sentinelB").isEmpty, "B's sentinel never matches in A")
            try c.expect.expect(try await c.ids("sentinel*").count == 1, "prefixes see only A's words")
            try c.expect.expect(try await c.search("").totalHitCount == 1, "listing sees only A")
            try c.expect.expect(try await c.index.documentCount(in: c.tenant) == 1, "A counts one document")
            try c.expect.expect(try await c.index.documentCount(in: c.otherTenant) == 2, "B counts two")
        },
        SearchIndexConformance("tenancy.sameIdentifierInTwoTenantsIsIndependent") { c in
            try await c.add([c.document(1, "elma")])
            try await c.add([c.document(1, "armut")], in: c.otherTenant)
            try await c.index.remove([c.id(1)], in: c.otherTenant)
            try c.expect.expect(try await c.ids("elma") == [c.id(1)], "removing in B leaves A's document")
            try await c.index.removeAll(in: c.otherTenant)
            try c.expect.expect(try await c.ids("elma") == [c.id(1)], "removeAll in B leaves A's document")
        },
        SearchIndexConformance("tenancy.statisticsArePerTenant") { c in
            try await c.add([c.document(1, "iade kargo"), c.document(2, "teslimat kargo")])
            let before = try await c.search("iade").hits.first?.score
            try await c.add((10..<60).map { c.document($0, "iade iade iade") }, in: c.otherTenant)
            let after = try await c.search("iade").hits.first?.score
            try c.expect.expect(
                before != nil && before == after, "another tenant's documents do not change scores")
        },
    ]
}
