import Testing

@testable import CXKitCore

@Suite("Search input validation")
struct SearchValidationTests {
    let index = InMemorySearchIndex()
    let tenant: TenantID
    let id = Identifier(high: 1, low: 1)

    init() throws { tenant = try TenantID("tenant-a") }

    func expectDocumentError(_ code: ErrorCode, _ field: String, _ document: SearchDocument) {
        let error = #expect(throws: CoreError.self) { try index.upsert([document], in: tenant) }
        #expect(error?.code == code)
        #expect(error?.field == field)
        #expect(index.documentCount(in: tenant) == 0)
    }

    func expectQueryError(_ code: ErrorCode, _ field: String, _ query: SearchQuery) {
        let error = #expect(throws: CoreError.self) { try index.search(query, in: tenant) }
        #expect(error?.code == code)
        #expect(error?.field == field)
    }

    @Test("Too many text fields is limitExceeded on fields")
    func tooManyFields() {
        let fields = (0...SearchDocument.maximumFieldCount).map { SearchField(name: "f\($0)", text: "a") }
        expectDocumentError(.limitExceeded, "fields", SearchDocument(id: id, fields: fields))
    }

    @Test("Text above the size limit is limitExceeded on fields")
    func textTooLong() {
        let text = String(repeating: "a", count: SearchDocument.maximumTextLength + 1)
        expectDocumentError(.limitExceeded, "fields", SearchDocument(id: id, fields: [.body(text)]))
    }

    @Test("An empty or over-long field name is validationFailed on fields.name")
    func badFieldName() {
        expectDocumentError(
            .validationFailed, "fields.name",
            SearchDocument(id: id, fields: [SearchField(name: "", text: "a")]))
        let long = String(repeating: "n", count: SearchDocument.maximumNameLength + 1)
        expectDocumentError(
            .validationFailed, "fields.name",
            SearchDocument(id: id, fields: [SearchField(name: long, text: "a")]))
    }

    @Test("A weight that is not finite or out of range is validationFailed on fields.weight")
    func badWeight() {
        for weight in [0, -1, .nan, .infinity, 65] {
            expectDocumentError(
                .validationFailed, "fields.weight",
                SearchDocument(id: id, fields: [SearchField(name: "body", text: "a", weight: weight)]))
        }
    }

    @Test("Keyword fields, names, value counts and value sizes are bounded")
    func badKeywords() {
        let many = Dictionary(
            uniqueKeysWithValues: (0...SearchDocument.maximumKeywordFieldCount).map { ("k\($0)", ["v"]) })
        expectDocumentError(.limitExceeded, "keywords", SearchDocument(id: id, fields: [], keywords: many))
        expectDocumentError(
            .validationFailed, "keywords.name", SearchDocument(id: id, fields: [], keywords: ["": ["v"]]))
        let values = (0...SearchDocument.maximumKeywordValueCount).map { "v\($0)" }
        expectDocumentError(
            .limitExceeded, "keywords", SearchDocument(id: id, fields: [], keywords: ["tags": values]))
        let long = String(repeating: "v", count: SearchDocument.maximumNameLength + 1)
        expectDocumentError(
            .validationFailed, "keywords.value",
            SearchDocument(id: id, fields: [], keywords: ["tags": [long]]))
    }

    @Test("Page bounds are checked: limit and offset")
    func pageBounds() {
        expectQueryError(.validationFailed, "limit", SearchQuery(text: "a", limit: 0))
        expectQueryError(.limitExceeded, "limit", SearchQuery(text: "a", limit: SearchQuery.maximumLimit + 1))
        expectQueryError(.validationFailed, "offset", SearchQuery(text: "a", offset: -1))
        expectQueryError(
            .limitExceeded, "offset", SearchQuery(text: "a", offset: SearchQuery.maximumOffset + 1))
    }

    @Test("Filters are checked: count, field name, values")
    func filterBounds() {
        let many = (0...SearchQuery.maximumFilterCount).map { SearchFilter(field: "f\($0)", equals: "v") }
        expectQueryError(.limitExceeded, "filters", SearchQuery(text: "a", filters: many))
        expectQueryError(
            .validationFailed, "filters",
            SearchQuery(text: "a", filters: [SearchFilter(field: "", equals: "v")]))
        expectQueryError(
            .validationFailed, "filters",
            SearchQuery(text: "a", filters: [SearchFilter(field: "f", anyOf: [])]))
        let values = (0...SearchFilter.maximumValueCount).map { "v\($0)" }
        expectQueryError(
            .limitExceeded, "filters",
            SearchQuery(text: "a", filters: [SearchFilter(field: "f", anyOf: values)]))
    }

    @Test("Snippet length is checked")
    func snippetBounds() {
        expectQueryError(
            .validationFailed, "snippets.length",
            SearchQuery(text: "a", snippets: SearchSnippetOptions(length: 5)))
        expectQueryError(
            .limitExceeded, "snippets.length",
            SearchQuery(text: "a", snippets: SearchSnippetOptions(length: 5000)))
    }

    @Test("Error descriptions never contain the query text")
    func noPersonalData() {
        let secret = "gizli" + String(repeating: "x", count: 600)
        let error = #expect(throws: CoreError.self) {
            try index.search(SearchQuery(text: secret), in: tenant)
        }
        #expect(error?.description.contains("gizli") == false)
    }
}
