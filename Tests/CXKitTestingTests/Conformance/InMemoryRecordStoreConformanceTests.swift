import CXKitCore
import CXKitTesting
import Testing

@Suite("RecordStoreConformance against InMemoryRecordStore")
struct InMemoryRecordStoreConformanceTests {
    @Test(
        "the in-memory store meets every case of the record store contract",
        arguments: RecordStoreConformance.all)
    func conforms(_ check: RecordStoreConformance) async throws {
        try await check.run { InMemoryRecordStore() }
    }

    @Test(
        "a fault-injecting wrapper with no faults forwards every call faithfully",
        arguments: RecordStoreConformance.all)
    func wrapperConforms(_ check: RecordStoreConformance) async throws {
        try await check.run { FaultInjectingRecordStore(wrapping: InMemoryRecordStore()) }
    }

    @Test("case names are unique and grouped")
    func namesAreUnique() {
        let names = RecordStoreConformance.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.contains(".") })
        #expect(names.count >= 35)
        let groups = [
            RecordStoreConformance.records, RecordStoreConformance.commits, RecordStoreConformance.queries,
            RecordStoreConformance.enumeration, RecordStoreConformance.tenancy, RecordStoreConformance.outbox,
            RecordStoreConformance.idempotency,
        ]
        #expect(groups.map(\.count).reduce(0, +) == names.count)
        #expect(RecordStoreConformance.all.first?.description == names.first)
    }
}
