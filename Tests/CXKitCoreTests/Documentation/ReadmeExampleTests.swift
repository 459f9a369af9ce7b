import CXKitCore
import CXKitTesting
import Foundation
import Testing

/// Keeps the README's and the getting-started article's example true: the same code,
/// with a recording sink in place of the host's webhook sink.
@Suite("README example")
struct ReadmeExampleTests {
    struct Note: StoredRecord {
        static let recordType: RecordType = "demo.note"
        static let indexes: [RecordIndex<Note>] = [
            RecordIndex("byAuthor") { IndexKey(partition: [.id($0.author)], sort: [.date($0.createdAt)]) }
        ]
        let id: Identifier
        var author: CustomerID
        var text: String
        var createdAt: Date
        var recordID: Identifier { id }
    }

    @Test("a note is committed with its event, read back by index, updated and delivered")
    func firstLook() async throws {
        let clock = ManualClock()
        let ids = TimeOrderedIdentifierSource(timestamps: clock, random: SeededRandomSource(seed: 42))
        let store = InMemoryRecordStore()
        let tenant = try TenantID("acme")

        let note = Note(id: ids.nextIdentifier(), author: ids.make(), text: "Merhaba", createdAt: clock.now())
        var transaction = StoreTransaction()
        transaction.insert(note)
        transaction.append(
            EventEnvelope(
                id: ids.make(), tenant: tenant, kind: "demo.note.created",
                aggregate: AggregateReference(type: Note.recordType, id: note.id),
                occurredAt: clock.now(), actor: nil, payload: Payload(note.text)))
        let receipt = try await store.commit(transaction, in: tenant)
        #expect(receipt.versions == [1])

        let stored = try await store.fetch(Note.self, id: note.id, in: tenant)
        let page = try await store.query(
            RecordQuery<Note>(
                index: "byAuthor", partition: [.id(note.author)], order: .descending, limit: 20),
            in: tenant)
        #expect(page.records.map(\.record.id) == [note.id])

        guard var updated = stored else {
            Issue.record("the note was not stored")
            return
        }
        updated.record.text = "Merhaba dünya"
        var change = StoreTransaction()
        change.update(updated)
        #expect(try await store.commit(change, in: tenant).versions == [2])

        let sink = RecordingNotificationSink()
        let relay = try OutboxRelay(store: store, sinks: [sink], clock: clock)
        _ = try await relay.deliverPending()
        #expect(sink.deliveredEvents.map(\.kind) == ["demo.note.created"])
        #expect(try sink.deliveredEvents.first?.payload.decode(String.self) == "Merhaba")
    }
}
