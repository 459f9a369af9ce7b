import CXKitCore

extension RecordStoreConformance {
    /// Index queries: equality, ranges, order, limits, cursors, multi-valued and sparse
    /// indexes, validation.
    public static let queries: [RecordStoreConformance] = [
        RecordStoreConformance("queries.primaryIndexOrdersByIdentifier") { c in
            let notes = (0..<7).map { _ in c.note() }
            try await c.insert(notes.shuffled())
            let ids = try await c.allIDs(RecordQuery(limit: 3))
            try c.expect.expect(
                ids == notes.map(\.id).sorted(), "the primary index lists every record by identifier")
            let descending = try await c.allIDs(RecordQuery(order: .descending, limit: 2))
            try c.expect.expect(descending == ids.reversed(), "descending reverses the primary index")
        },
        RecordStoreConformance("queries.partitionMatchesExactly") { c in
            let (first, second) = (c.id(), c.id())
            let mine = (0..<3).map { c.note(author: first, createdAt: $0) }
            let theirs = (0..<2).map { c.note(author: second, createdAt: $0) }
            try await c.insert(mine + theirs)
            let ids = try await c.allIDs(RecordQuery(index: "byAuthor", partition: [.identifier(first)]))
            try c.expect.expect(ids == mine.map(\.id), "only the partition's records, by sort key")
            let none = try await c.allIDs(RecordQuery(index: "byAuthor", partition: [.identifier(c.id())]))
            try c.expect.expect(none.isEmpty, "an unknown partition is empty")
        },
        RecordStoreConformance("queries.equalSortKeysOrderByIdentifier") { c in
            let author = c.id()
            let notes = (0..<5).map { _ in c.note(author: author, createdAt: 10) }
            try await c.insert(notes.reversed())
            let ids = try await c.allIDs(
                RecordQuery(index: "byAuthor", partition: [.identifier(author)], limit: 2))
            try c.expect.expect(ids == notes.map(\.id).sorted(), "ties on the sort key order by identifier")
        },
        RecordStoreConformance("queries.inclusiveAndExclusiveBounds") { c in
            let author = c.id()
            let notes = (0..<10).map { c.note(author: author, createdAt: $0) }
            try await c.insert(notes)
            func ids(_ lower: IndexBound?, _ upper: IndexBound?, _ order: SortOrder) async throws
                -> [Identifier]
            {
                try await c.allIDs(
                    RecordQuery(
                        index: "byAuthor", partition: [.identifier(author)], lowerBound: lower,
                        upperBound: upper,
                        order: order, limit: 3))
            }
            let inclusive = try await ids(.including(.date(c.at(2))), .including(.date(c.at(5))), .ascending)
            try c.expect.expect(inclusive == notes[2...5].map(\.id), "inclusive bounds admit both ends")
            let exclusive = try await ids(.excluding(.date(c.at(2))), .excluding(.date(c.at(5))), .ascending)
            try c.expect.expect(exclusive == notes[3...4].map(\.id), "exclusive bounds skip both ends")
            let lowerOnly = try await ids(.including(.date(c.at(7))), nil, .descending)
            try c.expect.expect(
                lowerOnly == notes[7...].map(\.id).reversed(), "a lower bound alone, descending")
            let upperOnly = try await ids(nil, .excluding(.date(c.at(2))), .descending)
            try c.expect.expect(
                upperOnly == notes[..<2].map(\.id).reversed(), "an upper bound alone, descending")
            let empty = try await ids(.including(.date(c.at(6))), .including(.date(c.at(5))), .ascending)
            try c.expect.expect(empty.isEmpty, "crossed bounds admit nothing")
        },
        RecordStoreConformance("queries.boundsComparePrefixesOfCompositeKeys") { c in
            var notes: [ConformanceNote] = []
            for priority in Int64(1)...3 {
                for title in ["a", "b", "c"] { notes.append(c.note(title: title, priority: priority)) }
            }
            try await c.insert(notes)
            let upTo2 = try await c.allIDs(
                RecordQuery(index: "byPriority", upperBound: .including(.int(2)), limit: 4))
            try c.expect.expect(
                upTo2 == notes[..<6].map(\.id), "an inclusive prefix upper bound admits [2, any]")
            let after2 = try await c.allIDs(
                RecordQuery(index: "byPriority", lowerBound: .excluding(.int(2)), limit: 4))
            try c.expect.expect(
                after2 == notes[6...].map(\.id), "an exclusive prefix lower bound skips [2, any]")
            let within = try await c.allIDs(
                RecordQuery(
                    index: "byPriority", lowerBound: .excluding(.int(1), .string("b")),
                    upperBound: .including(.int(3), .string("a")), order: .descending, limit: 2))
            try c.expect.expect(
                within == notes[2...6].map(\.id).reversed(), "full-length bounds on both sides")
        },
        RecordStoreConformance("queries.limitSizesPagesAndLastPageHasNoCursor") { c in
            let author = c.id()
            let notes = (0..<10).map { c.note(author: author, createdAt: $0) }
            try await c.insert(notes)
            var query = RecordQuery<ConformanceNote>(
                index: "byAuthor", partition: [.identifier(author)], limit: 5)
            let first = try await c.store.query(query, in: c.tenant)
            try c.expect.expect(first.records.count == 5, "a page holds `limit` records")
            try c.expect.expect(first.nextCursor != nil, "a page followed by more records has a cursor")
            query.cursor = first.nextCursor
            let second = try await c.store.query(query, in: c.tenant)
            try c.expect.expect(
                second.records.map(\.record.id) == notes[5...].map(\.id), "the second page follows")
            try c.expect.expect(second.nextCursor == nil, "the exactly full last page has no cursor")
            query.limit = 50
            query.cursor = nil
            let whole = try await c.store.query(query, in: c.tenant)
            try c.expect.expect(
                whole.records.count == 10 && whole.nextCursor == nil, "a short page has no cursor")
        },
        RecordStoreConformance("queries.cursorResumesStrictlyAfterItsPosition") { c in
            let author = c.id()
            let notes = (0..<6).map { c.note(author: author, createdAt: $0 / 2) }
            try await c.insert(notes)
            let sorted = notes.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
            let cursor = PageCursor(sort: [.date(sorted[2].createdAt)], recordID: sorted[2].id)
            let ascending = try await c.allIDs(
                RecordQuery(index: "byAuthor", partition: [.identifier(author)], cursor: cursor))
            try c.expect.expect(ascending == sorted[3...].map(\.id), "ascending resumes after the cursor")
            let descending = try await c.allIDs(
                RecordQuery(
                    index: "byAuthor", partition: [.identifier(author)], order: .descending, cursor: cursor))
            try c.expect.expect(
                descending == sorted[..<2].map(\.id).reversed(), "descending resumes before it")
        },
        RecordStoreConformance("queries.cursorTokenRoundTrips") { c in
            let notes = (0..<4).map { _ in c.note(priority: 5) }
            try await c.insert(notes)
            let first = try await c.store.query(
                RecordQuery<ConformanceNote>(index: "byPriority", limit: 2), in: c.tenant)
            guard let cursor = first.nextCursor else { try c.expect.fail("the first page has a cursor") }
            let rebuilt = try PageCursor(token: cursor.token)
            let second = try await c.store.query(
                RecordQuery<ConformanceNote>(index: "byPriority", limit: 2, cursor: rebuilt), in: c.tenant)
            let seen = (first.records + second.records).map(\.record.id)
            try c.expect.expect(
                Set(seen).count == 4 && seen.count == 4, "a token-rebuilt cursor continues the scan")
        },
        RecordStoreConformance("queries.cursorIsStableUnderConcurrentInsertsAndDeletes") { c in
            let author = c.id()
            let notes = (0..<20).map { c.note(author: author, createdAt: $0 * 10) }
            try await c.insert(notes)
            var query = RecordQuery<ConformanceNote>(
                index: "byAuthor", partition: [.identifier(author)], limit: 6)
            var seen: [Identifier] = []
            var insertedAfter: [Identifier] = []
            var insertedBefore: [Identifier] = []
            var deleted: Set<Identifier> = []
            var round = 0
            while true {
                let page = try await c.store.query(query, in: c.tenant)
                seen += page.records.map(\.record.id)
                guard let cursor = page.nextCursor else { break }
                query.cursor = cursor
                round += 1
                // Between pages: insert one record before and one after the cursor, and delete
                // one record not read yet.
                let before = c.note(author: author, createdAt: 5 * round - 4)
                let after = c.note(author: author, createdAt: 1000 + round)
                let unread = notes.first { note in !seen.contains(note.id) && !deleted.contains(note.id) }
                try await c.commit { transaction in
                    transaction.insert(before)
                    transaction.insert(after)
                    if let unread, round == 1 {
                        transaction.delete(ConformanceNote.self, id: unread.id, expectedVersion: 1)
                    }
                }
                if let unread, round == 1 { deleted.insert(unread.id) }
                insertedBefore.append(before.id)
                insertedAfter.append(after.id)
            }
            try c.expect.expect(Set(seen).count == seen.count, "no record is returned twice across pages")
            let survivors = notes.map(\.id).filter { !deleted.contains($0) }
            try c.expect.expect(
                survivors.allSatisfy(seen.contains), "every record present throughout is returned")
            try c.expect.expect(
                !seen.contains { deleted.contains($0) }, "a record deleted before its page is not returned")
            try c.expect.expect(
                insertedAfter.allSatisfy(seen.contains),
                "records inserted after the cursor position are returned")
            try c.expect.expect(
                !insertedBefore.contains(where: seen.contains), "records inserted before the cursor are not")
        },
        RecordStoreConformance("queries.multiValuedIndexListsARecordUnderEachKey") { c in
            let both = c.note(priority: 2, tags: ["red", "blue"])
            let red = c.note(priority: 1, tags: ["red"])
            let none = c.note(priority: 3)
            try await c.insert([both, red, none])
            let reds = try await c.allIDs(RecordQuery(index: "byTag", partition: [.string("red")]))
            try c.expect.expect(reds == [red.id, both.id], "both red records, by priority")
            let blues = try await c.allIDs(RecordQuery(index: "byTag", partition: [.string("blue")]))
            try c.expect.expect(blues == [both.id], "the multi-tag record is under blue too")
        },
        RecordStoreConformance("queries.sparseIndexHoldsOnlyContributingRecords") { c in
            let pinned = c.note(priority: 1, isPinned: true)
            let loose = c.note(priority: 2)
            try await c.insert([pinned, loose])
            let ids = try await c.allIDs(RecordQuery(index: "pinned"))
            try c.expect.expect(ids == [pinned.id], "only pinned records are in the sparse index")
            var moved = loose
            moved.isPinned = true
            var unpinned = pinned
            unpinned.isPinned = false
            try await c.commit { transaction in
                transaction.update(moved, expectedVersion: 1)
                transaction.update(unpinned, expectedVersion: 1)
            }
            let after = try await c.allIDs(RecordQuery(index: "pinned"))
            try c.expect.expect(after == [loose.id], "updates enter and leave the sparse index")
        },
        RecordStoreConformance("queries.indexesFollowUpdatesInTheSameCommit") { c in
            let (first, second) = (c.id(), c.id())
            var note = c.note(author: first, priority: 1, tags: ["old", "kept"])
            try await c.insert([note])
            note.author = second
            note.tags = ["kept", "new"]
            note.priority = 4
            try await c.commit { $0.update(note, expectedVersion: 1) }
            let byOld = try await c.allIDs(RecordQuery(index: "byAuthor", partition: [.identifier(first)]))
            let byNew = try await c.allIDs(RecordQuery(index: "byAuthor", partition: [.identifier(second)]))
            try c.expect.expect(byOld.isEmpty && byNew == [note.id], "the record moved partitions")
            for (tag, expected) in [("old", false), ("kept", true), ("new", true)] {
                let ids = try await c.allIDs(RecordQuery(index: "byTag", partition: [.string(tag)]))
                try c.expect.expect(
                    ids.contains(note.id) == expected, "tag \(tag) lists the record: \(expected)")
            }
            let page = try await c.store.query(
                RecordQuery<ConformanceNote>(index: "byTag", partition: [.string("kept")]), in: c.tenant)
            try c.expect.expect(
                page.records.first?.version == 2 && page.records.first?.record.priority == 4,
                "queries return the current value and version")
        },
        RecordStoreConformance("queries.limitOutOfRangeIsRejected") { c in
            for limit in [0, -1, RecordQuery<ConformanceNote>.maximumLimit + 1] {
                try await c.expectError(.validationFailed, field: "limit", "limit \(limit) is rejected") {
                    _ = try await c.store.query(RecordQuery<ConformanceNote>(limit: limit), in: c.tenant)
                }
            }
        },
        RecordStoreConformance("queries.unknownIndexIsRejected") { c in
            try await c.expectError(.validationFailed, field: "index", "an undeclared index is rejected") {
                _ = try await c.store.query(RecordQuery<ConformanceNote>(index: "byNothing"), in: c.tenant)
            }
        },
        RecordStoreConformance("queries.emptyStoreReturnsAnEmptyLastPage") { c in
            let page = try await c.store.query(RecordQuery<ConformanceNote>(index: "pinned"), in: c.tenant)
            try c.expect.expect(
                page.records.isEmpty && page.nextCursor == nil, "an empty index gives an empty page")
        },
    ]

    /// Tenant-wide enumeration for privacy export and erasure scans.
    public static let enumeration: [RecordStoreConformance] = [
        RecordStoreConformance("enumeration.listsEveryRecordOnceByTypeThenIdentifier") { c in
            let notes = (0..<7).map { _ in c.note() }
            let tallies = (0..<6).map { _ in ConformanceTally(id: c.id()) }
            try await c.insert(notes + tallies)
            var seen: [RecordReference] = []
            var cursor: PageCursor?
            var pages = 0
            repeat {
                let page = try await c.store.enumerateRecords(in: c.tenant, after: cursor, limit: 4)
                try c.expect.expect(page.records.count <= 4, "a page holds at most `limit` records")
                try c.expect.expect(page.records.allSatisfy { $0.version == 1 }, "snapshots carry versions")
                seen += page.records.map(\.reference)
                cursor = page.nextCursor
                pages += 1
            } while cursor != nil && pages < 100
            let expected =
                notes.map { RecordReference(type: ConformanceNote.recordType, id: $0.id) }
                .sorted { $0.id < $1.id }
                + tallies.map { RecordReference(type: ConformanceTally.recordType, id: $0.id) }.sorted {
                    $0.id < $1.id
                }
            try c.expect.expect(seen == expected, "every record once, ordered by type name then identifier")
        },
        RecordStoreConformance("enumeration.snapshotsHoldTheRecords") { c in
            let note = c.note(title: "kept")
            try await c.insert([note])
            let page = try await c.store.enumerateRecords(in: c.tenant, after: nil, limit: 10)
            let record = page.records.first?.record as? ConformanceNote
            try c.expect.expect(record == note, "the snapshot's record is the stored value")
            try c.expect.expect(page.nextCursor == nil, "a complete enumeration has no cursor")
        },
        RecordStoreConformance("enumeration.limitOutOfRangeIsRejected") { c in
            for limit in [0, 1001] {
                try await c.expectError(.validationFailed, field: "limit", "limit \(limit) is rejected") {
                    _ = try await c.store.enumerateRecords(in: c.tenant, after: nil, limit: limit)
                }
            }
        },
    ]
}
