import CXKitCore
import CXKitTesting
import Testing

@Suite("SearchIndexConformance")
struct SearchIndexConformanceTests {
    @Test("InMemorySearchIndex passes every conformance case", arguments: SearchIndexConformance.all)
    func inMemoryIndexConforms(_ check: SearchIndexConformance) async throws {
        try await check.run { InMemorySearchIndex() }
    }

    @Test("Case names are unique and grouped")
    func caseNamesAreUnique() {
        let names = SearchIndexConformance.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.contains(".") })
    }
}
