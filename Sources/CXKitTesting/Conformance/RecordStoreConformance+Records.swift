import CXKitCore

extension RecordStoreConformance {
    /// Point and batch reads, versions, deletion and value round trips.
    public static let records: [RecordStoreConformance] = [
        RecordStoreConformance("records.insertStartsAtVersionOne") { c in
            let note = c.note()
            let receipt = try await c.commit { $0.insert(note) }
            try c.expect.expect(
                receipt.versions == [1], "an insert reports version 1, got \(receipt.versions)")
            let read = try await c.fetchNote(note.id)
            try c.expect.expect(read?.version == 1, "a fresh record is read at version 1")
        },
        RecordStoreConformance("records.eachUpdateAddsOneToTheVersion") { c in
            var note = c.note()
            try await c.insert([note])
            for expected in UInt64(2)...5 {
                note.priority += 1
                let receipt = try await c.commit { $0.update(note, expectedVersion: expected - 1) }
                try c.expect.expect(receipt.versions == [expected], "update reports version \(expected)")
            }
            let read = try await c.fetchNote(note.id)
            try c.expect.expect(read?.version == 5, "the record is read at version 5")
            try c.expect.expect(read?.record.priority == note.priority, "the last update's value is read")
        },
        RecordStoreConformance("records.valuesRoundTripUnchanged") { c in
            let note = c.note(
                title: "Grüße, ünïcødé ✓", priority: -42, tags: ["a", "b c"], isPinned: true, createdAt: 3600)
            try await c.insert([note])
            let read = try await c.fetchNote(note.id)
            try c.expect.expect(read?.record == note, "the record reads back equal to what was inserted")
        },
        RecordStoreConformance("records.fetchOfMissingRecordReturnsNil") { c in
            try await c.insert([c.note()])
            let read = try await c.fetchNote(c.id())
            try c.expect.expect(read == nil, "reading an unknown identifier returns nil")
        },
        RecordStoreConformance("records.batchFetchKeepsOrderAndSkipsMissingAndDuplicates") { c in
            let notes = (0..<4).map { _ in c.note() }
            try await c.insert(notes)
            let missing = c.id()
            let wanted = [notes[2].id, missing, notes[0].id, notes[2].id, notes[3].id]
            let read = try await c.store.fetch(ConformanceNote.self, ids: wanted, in: c.tenant)
            try c.expect.expect(
                read.map(\.record.id) == [notes[2].id, notes[0].id, notes[3].id],
                "batch reads return existing records in request order, each once")
            try c.expect.expect(read.allSatisfy { $0.version == 1 }, "batch reads carry versions")
        },
        RecordStoreConformance("records.deleteRemovesTheRecordAndItsIndexEntries") { c in
            let author = c.id()
            let note = c.note(author: author, tags: ["gone"], isPinned: true)
            try await c.insert([note])
            let receipt = try await c.commit {
                $0.delete(ConformanceNote.self, id: note.id, expectedVersion: 1)
            }
            try c.expect.expect(receipt.versions == [0], "a deletion reports version 0")
            try c.expect.expect(try await c.fetchNote(note.id) == nil, "a deleted record is not read")
            for query in [
                RecordQuery<ConformanceNote>(),
                RecordQuery(index: "byAuthor", partition: [.identifier(author)]),
                RecordQuery(index: "byTag", partition: [.string("gone")]), RecordQuery(index: "pinned"),
            ] {
                let ids = try await c.allIDs(query)
                try c.expect.expect(ids.isEmpty, "a deleted record is in no index (\(query.index))")
            }
        },
        RecordStoreConformance("records.reinsertAfterDeleteStartsAtVersionOne") { c in
            let note = c.note()
            try await c.insert([note])
            try await c.commit { $0.delete(ConformanceNote.self, id: note.id, expectedVersion: 1) }
            let receipt = try await c.commit { $0.insert(note) }
            try c.expect.expect(receipt.versions == [1], "a re-inserted record starts again at version 1")
        },
        RecordStoreConformance("records.typesDoNotShareIdentifiers") { c in
            let id = c.id()
            try await c.insert([
                ConformanceNote(id: id, author: c.id(), createdAt: c.base), ConformanceTally(id: id),
            ])
            let note = try await c.fetchNote(id)
            let tally = try await c.store.fetch(ConformanceTally.self, id: id, in: c.tenant)
            try c.expect.expect(
                note != nil && tally != nil, "two types may hold the same identifier without conflict")
        },
    ]
}
