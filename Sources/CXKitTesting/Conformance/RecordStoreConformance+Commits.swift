import CXKitCore

extension RecordStoreConformance {
    /// Atomic commits: conflicts, not-found, validation, all-or-nothing writes.
    public static let commits: [RecordStoreConformance] = [
        RecordStoreConformance("commits.insertOfExistingRecordConflictsWithItsVersion") { c in
            var note = c.note()
            try await c.insert([note])
            note.priority = 1
            try await c.commit { $0.update(note, expectedVersion: 1) }
            let error = try await c.coreError("inserting an existing identifier fails") {
                try await c.commit { $0.insert(note) }
            }
            try c.expect.expect(
                error.code == .versionConflict, "the code is versionConflict, got \(error.code)")
            try c.expect.expect(error.currentVersion == 2, "the conflict reports the current version 2")
            try c.expect.expect(error.recordID == note.id, "the conflict names the record")
            try c.expect.expect(
                error.recordType == ConformanceNote.recordType.name, "the conflict names the record type")
        },
        RecordStoreConformance("commits.updateOfMissingRecordIsNotFound") { c in
            let note = c.note()
            let error = try await c.coreError("updating a missing record fails") {
                try await c.commit { $0.update(note, expectedVersion: 1) }
            }
            try c.expect.expect(error.code == .notFound, "the code is notFound, got \(error.code)")
            try c.expect.expect(error.recordID == note.id, "the error names the record")
            try c.expect.expect(
                error.recordType == ConformanceNote.recordType.name, "the error names the record type")
            try c.expect.expect(try await c.fetchNote(note.id) == nil, "nothing was written")
        },
        RecordStoreConformance("commits.deleteOfMissingRecordIsNotFound") { c in
            try await c.expectError(.notFound, "deleting a missing record fails with notFound") {
                try await c.commit { $0.delete(ConformanceNote.self, id: c.id(), expectedVersion: 1) }
            }
        },
        RecordStoreConformance("commits.staleUpdateConflictsNamingRecordAndVersion") { c in
            var note = c.note()
            try await c.insert([note])
            note.priority = 9
            try await c.commit { $0.update(note, expectedVersion: 1) }
            let error = try await c.coreError("updating at a stale version fails") {
                try await c.commit { $0.update(note, expectedVersion: 1) }
            }
            try c.expect.expect(
                error.code == .versionConflict, "the code is versionConflict, got \(error.code)")
            try c.expect.expect(error.currentVersion == 2, "the conflict reports current version 2")
            try c.expect.expect(error.recordID == note.id, "the conflict names the record")
            try c.expect.expect(
                error.recordType == ConformanceNote.recordType.name, "the conflict names the record type")
        },
        RecordStoreConformance("commits.updateAtFutureVersionConflicts") { c in
            let note = c.note()
            try await c.insert([note])
            try await c.expectError(.versionConflict, "updating at a version ahead of the store conflicts") {
                try await c.commit { $0.update(note, expectedVersion: 2) }
            }
        },
        RecordStoreConformance("commits.staleDeleteConflicts") { c in
            var note = c.note()
            try await c.insert([note])
            note.priority = 1
            try await c.commit { $0.update(note, expectedVersion: 1) }
            try await c.expectError(.versionConflict, "deleting at a stale version conflicts") {
                try await c.commit { $0.delete(ConformanceNote.self, id: note.id, expectedVersion: 1) }
            }
            try c.expect.expect(try await c.fetchNote(note.id)?.version == 2, "the record is still there")
        },
        RecordStoreConformance("commits.conflictAnywhereWritesNothing") { c in
            let author = c.id()
            var kept = c.note(author: author)
            var other = c.note(author: author)
            try await c.insert([kept, other])
            other.priority = 1
            try await c.commit { $0.update(other, expectedVersion: 1) }
            let fresh = c.note(author: author, tags: ["fresh"])
            kept.priority = 77
            let event = c.event(about: kept.id)
            let scope = c.scope("conflict")
            try await c.expectError(.versionConflict, "a batch with one stale change conflicts") {
                try await c.commit { transaction in
                    transaction.insert(fresh)
                    transaction.update(kept, expectedVersion: 1)
                    transaction.update(other, expectedVersion: 1)
                    transaction.append(event)
                    transaction.idempotency = IdempotencyCompletion(
                        scope: scope, fingerprint: "f", result: Payload(1), completedAt: c.base,
                        expiresAt: c.at(86_400))
                }
            }
            try c.expect.expect(
                try await c.fetchNote(fresh.id) == nil, "the insert of the batch was not written")
            try c.expect.expect(
                try await c.fetchNote(kept.id)?.record.priority == 0, "the valid update was not written")
            try c.expect.expect(try await c.pending().isEmpty, "the batch's events were not written")
            try c.expect.expect(
                try await c.store.idempotencyRecord(for: scope, in: c.tenant) == nil,
                "the batch's idempotency completion was not written")
            let tagged = try await c.allIDs(RecordQuery(index: "byTag", partition: [.string("fresh")]))
            try c.expect.expect(tagged.isEmpty, "no index entry of the batch was written")
        },
        RecordStoreConformance("commits.notFoundAnywhereWritesNothing") { c in
            let fresh = c.note()
            let event = c.event(about: fresh.id)
            try await c.expectError(.notFound, "a batch deleting a missing record fails") {
                try await c.commit { transaction in
                    transaction.insert(fresh)
                    transaction.append(event)
                    transaction.delete(ConformanceNote.self, id: c.id(), expectedVersion: 1)
                }
            }
            try c.expect.expect(try await c.fetchNote(fresh.id) == nil, "the insert was not written")
            try c.expect.expect(try await c.pending().isEmpty, "the event was not written")
        },
        RecordStoreConformance("commits.receiptListsVersionsInChangeOrder") { c in
            var updated = c.note()
            let deleted = c.note()
            try await c.insert([updated, deleted])
            updated.priority = 3
            let inserted = c.note()
            let tally = ConformanceTally(id: c.id())
            let receipt = try await c.commit { transaction in
                transaction.insert(inserted)
                transaction.update(updated, expectedVersion: 1)
                transaction.delete(ConformanceNote.self, id: deleted.id, expectedVersion: 1)
                transaction.insert(tally)
            }
            try c.expect.expect(
                receipt.versions == [1, 2, 0, 1], "versions follow the changes, got \(receipt.versions)")
        },
        RecordStoreConformance("commits.eventOfAnotherTenantIsRejected") { c in
            let note = c.note()
            let foreign = c.event(about: note.id, in: c.otherTenant)
            try await c.expectError(
                .validationFailed, field: "events[1].tenant", "a foreign event is rejected"
            ) {
                try await c.commit { transaction in
                    transaction.insert(note)
                    transaction.append(c.event(about: note.id))
                    transaction.append(foreign)
                }
            }
            try c.expect.expect(try await c.fetchNote(note.id) == nil, "nothing was written")
            try c.expect.expect(
                try await c.pending(in: c.otherTenant).isEmpty, "no event reached the other tenant")
        },
        RecordStoreConformance("commits.recordChangedTwiceInOneBatchIsRejected") { c in
            let note = c.note()
            try await c.expectError(
                .validationFailed, field: "changes[1]", "a record twice in a batch is rejected"
            ) {
                try await c.commit { transaction in
                    transaction.insert(note)
                    transaction.update(note, expectedVersion: 1)
                }
            }
            try c.expect.expect(try await c.fetchNote(note.id) == nil, "nothing was written")
        },
        RecordStoreConformance("commits.eventsAreWrittenWithTheirChanges") { c in
            let note = c.note()
            let events = (0..<3).map { c.event(about: note.id, marker: $0) }
            try await c.commit { transaction in
                transaction.insert(note)
                for event in events { transaction.append(event) }
            }
            let pending = try await c.pending()
            try c.expect.expect(
                pending.map(\.event.id) == events.map(\.id), "the events are pending in order")
            try c.expect.expect(
                zip(pending, pending.dropFirst()).allSatisfy { $0.sequence < $1.sequence },
                "sequences grow strictly")
            try c.expect.expect(
                pending.allSatisfy { $0.attempts == 0 && $0.status == .pending && $0.deliveredSinks.isEmpty },
                "new entries have no attempts")
            let marker = try pending.last?.event.payload.decode(ConformanceNoteEvent.self)
            try c.expect.expect(marker == ConformanceNoteEvent(marker: 2), "the payload round-trips")
        },
        RecordStoreConformance("commits.idempotencyCompletionIsStored") { c in
            let scope = c.scope("complete")
            let claim = try await c.store.claimIdempotencyKey(
                scope, fingerprint: "fp", in: c.tenant, now: c.base, leaseUntil: c.at(60),
                expiresAt: c.at(86_400))
            guard case .acquired = claim else { try c.expect.fail("a new key is acquired") }
            try await c.commit { transaction in
                transaction.insert(c.note())
                transaction.idempotency = IdempotencyCompletion(
                    scope: scope, fingerprint: "fp", result: Payload(ConformanceNoteEvent(marker: 7)),
                    completedAt: c.at(1), expiresAt: c.at(86_400))
            }
            let record = try await c.store.idempotencyRecord(for: scope, in: c.tenant)
            guard case .completed(let result)? = record?.state else {
                try c.expect.fail("the key is completed after the commit")
            }
            try c.expect.expect(
                try result.decode(ConformanceNoteEvent.self) == ConformanceNoteEvent(marker: 7),
                "the stored result decodes to the committed value")
            try c.expect.expect(record?.fingerprint == "fp", "the fingerprint is kept")
            try c.expect.expect(record?.expiresAt == c.at(86_400), "the expiry is kept")
        },
        RecordStoreConformance("commits.concurrentUpdatesOfOneVersionLetExactlyOneWin") { c in
            let tally = ConformanceTally(id: c.id())
            try await c.insert([tally])
            let store = c.store
            let tenant = c.tenant
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for value in 1...8 {
                    group.addTask {
                        var transaction = StoreTransaction()
                        transaction.update(ConformanceTally(id: tally.id, count: value), expectedVersion: 1)
                        do {
                            _ = try await store.commit(transaction, in: tenant)
                            return true
                        } catch ErrorCode.versionConflict {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            try c.expect.expect(outcomes.filter { $0 }.count == 1, "exactly one of 8 concurrent updates wins")
            let read = try await c.store.fetch(ConformanceTally.self, id: tally.id, in: c.tenant)
            try c.expect.expect(read?.version == 2, "the record moved by exactly one version")
        },
        RecordStoreConformance("commits.mergeIntoAbsentRecordInsertsTheDelta") { c in
            let delta = ConformanceTally(id: c.id(), count: 3)
            let receipt = try await c.commit { $0.merge(delta) }
            try c.expect.expect(
                receipt.versions == [1], "the merge reports version 1, got \(receipt.versions)")
            let read = try await c.store.fetch(ConformanceTally.self, id: delta.id, in: c.tenant)
            try c.expect.expect(read?.record == delta, "the delta is stored as it is")
            try c.expect.expect(read?.version == 1, "the new record is at version 1")
        },
        RecordStoreConformance("commits.mergeCombinesWithTheStoredRecordAndBumpsItsVersion") { c in
            let tally = ConformanceTally(id: c.id(), count: 5)
            try await c.insert([tally])
            let receipt = try await c.commit { $0.merge(ConformanceTally(id: tally.id, count: 2)) }
            try c.expect.expect(
                receipt.versions == [2], "the merge reports version 2, got \(receipt.versions)")
            let read = try await c.store.fetch(ConformanceTally.self, id: tally.id, in: c.tenant)
            try c.expect.expect(
                read?.record.count == 7, "the counts are added, got \(String(describing: read?.record.count))"
            )
            try c.expect.expect(read?.version == 2, "the version goes up by one")
        },
        RecordStoreConformance("commits.concurrentMergesIntoOneRecordAllSucceed") { c in
            let tally = ConformanceTally(id: c.id())
            try await c.insert([tally])
            let store = c.store
            let tenant = c.tenant
            try await withThrowingTaskGroup(of: Void.self) { group in
                for value in 1...8 {
                    group.addTask {
                        var transaction = StoreTransaction()
                        transaction.merge(ConformanceTally(id: tally.id, count: value))
                        _ = try await store.commit(transaction, in: tenant)
                    }
                }
                try await group.waitForAll()
            }
            let read = try await c.store.fetch(ConformanceTally.self, id: tally.id, in: c.tenant)
            try c.expect.expect(read?.record.count == 36, "all 8 merges are counted (1 + … + 8)")
            try c.expect.expect(read?.version == 9, "each merge moved the version once")
        },
        RecordStoreConformance("commits.mergeMakesAnUpdateReadBeforeItConflict") { c in
            let tally = ConformanceTally(id: c.id(), count: 1)
            try await c.insert([tally])
            try await c.commit { $0.merge(ConformanceTally(id: tally.id, count: 1)) }
            try await c.expectError(.versionConflict, "an update read before the merge conflicts") {
                try await c.commit {
                    $0.update(ConformanceTally(id: tally.id, count: 10), expectedVersion: 1)
                }
            }
            let read = try await c.store.fetch(ConformanceTally.self, id: tally.id, in: c.tenant)
            try c.expect.expect(read?.record.count == 2, "the merged count stands")
        },
        RecordStoreConformance("commits.mergeAndAnotherChangeOfOneRecordInABatchAreRejected") { c in
            let tally = ConformanceTally(id: c.id(), count: 1)
            try await c.expectError(
                .validationFailed, field: "changes[1]", "merging into a record the batch inserts is rejected"
            ) {
                try await c.commit { transaction in
                    transaction.insert(tally)
                    transaction.merge(ConformanceTally(id: tally.id, count: 1))
                }
            }
            try await c.expectError(
                .validationFailed, field: "changes[1]", "merging twice into one record in a batch is rejected"
            ) {
                try await c.commit { transaction in
                    transaction.merge(tally)
                    transaction.merge(tally)
                }
            }
            let read = try await c.store.fetch(ConformanceTally.self, id: tally.id, in: c.tenant)
            try c.expect.expect(read == nil, "nothing was written")
        },
        RecordStoreConformance("commits.mergeInAConflictingBatchWritesNothing") { c in
            var note = c.note()
            let tally = ConformanceTally(id: c.id(), count: 4)
            try await c.insert([note, tally])
            note.priority = 2
            try await c.commit { $0.update(note, expectedVersion: 1) }
            try await c.expectError(.versionConflict, "the stale update fails the batch") {
                try await c.commit { transaction in
                    transaction.merge(ConformanceTally(id: tally.id, count: 6))
                    transaction.update(note, expectedVersion: 1)
                }
            }
            let read = try await c.store.fetch(ConformanceTally.self, id: tally.id, in: c.tenant)
            try c.expect.expect(read?.record.count == 4 && read?.version == 1, "the merge was not applied")
        },
    ]
}
