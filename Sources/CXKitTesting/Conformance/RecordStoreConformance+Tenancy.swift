import CXKitCore

extension RecordStoreConformance {
    /// Tenant isolation of reads, queries, conflicts, enumeration, outbox and idempotency.
    public static let tenancy: [RecordStoreConformance] = [
        RecordStoreConformance("tenancy.readsSeeOnlyTheirTenant") { c in
            let note = c.note()
            try await c.insert([note])
            try c.expect.expect(
                try await c.fetchNote(note.id, in: c.otherTenant) == nil, "point reads are isolated")
            let batch = try await c.store.fetch(ConformanceNote.self, ids: [note.id], in: c.otherTenant)
            try c.expect.expect(batch.isEmpty, "batch reads are isolated")
        },
        RecordStoreConformance("tenancy.queriesSeeOnlyTheirTenant") { c in
            let author = c.id()
            try await c.insert([c.note(author: author, tags: ["shared"], isPinned: true)])
            try await c.insert([c.note(author: author, tags: ["shared"], isPinned: true)], in: c.otherTenant)
            for query in [
                RecordQuery<ConformanceNote>(),
                RecordQuery(index: "byAuthor", partition: [.identifier(author)]),
                RecordQuery(index: "byTag", partition: [.string("shared")]), RecordQuery(index: "pinned"),
            ] {
                let mine = try await c.allIDs(query)
                let theirs = try await c.allIDs(query, in: c.otherTenant)
                try c.expect.expect(
                    mine.count == 1 && theirs.count == 1 && mine != theirs,
                    "index \(query.index) lists each tenant's record only to it")
            }
        },
        RecordStoreConformance("tenancy.sameIdentifierInTwoTenantsDoesNotConflict") { c in
            var note = c.note()
            try await c.insert([note])
            try await c.insert([note], in: c.otherTenant)
            note.priority = 1
            try await c.commit { $0.update(note, expectedVersion: 1) }
            try await c.commit { $0.update(note, expectedVersion: 2) }
            try c.expect.expect(
                try await c.fetchNote(note.id, in: c.otherTenant)?.version == 1, "versions are per tenant")
            try await c.expectError(.notFound, "a delete in a tenant without the record is notFound") {
                try await c.commit(in: try TenantID("conformance-none")) {
                    $0.delete(ConformanceNote.self, id: note.id, expectedVersion: 1)
                }
            }
        },
        RecordStoreConformance("tenancy.enumerationSeesOnlyItsTenant") { c in
            try await c.insert([c.note(), ConformanceTally(id: c.id())])
            let theirs = c.note()
            try await c.insert([theirs], in: c.otherTenant)
            let page = try await c.store.enumerateRecords(in: c.otherTenant, after: nil, limit: 100)
            try c.expect.expect(page.records.map(\.reference.id) == [theirs.id], "enumeration is isolated")
        },
        RecordStoreConformance("tenancy.outboxListingAndMaintenanceAreIsolated") { c in
            let mine = c.event(about: c.id())
            let theirs = c.event(about: c.id(), in: c.otherTenant)
            try await c.commit { $0.append(mine) }
            try await c.commit(in: c.otherTenant) { $0.append(theirs) }
            try c.expect.expect(try await c.pending().map(\.event.id) == [mine.id], "listing is isolated")
            let redacted = try await c.store.redactOutboxEntries(
                [theirs.id], in: c.tenant, payload: Payload(ConformanceNoteEvent(marker: -1)))
            try c.expect.expect(redacted == 0, "redaction ignores other tenants' entries")
            let claimed = try await c.store.claimOutboxEntries(
                limit: 10, claimant: "relay", now: c.base, leaseDuration: .seconds(30))
            for entry in claimed {
                try await c.store.recordOutboxFailure(
                    entry.event.id, claimant: "relay",
                    failure: OutboxFailure(error: "x", deliveredSinks: [], retryAt: nil))
            }
            let redriven = try await c.store.redriveOutboxEntries([theirs.id], in: c.tenant, now: c.base)
            try c.expect.expect(redriven == 0, "redrive ignores other tenants' entries")
            try c.expect.expect(
                try await c.deadLettered(in: c.otherTenant).map(\.event.id) == [theirs.id],
                "the other tenant's entry stays dead-lettered")
        },
        RecordStoreConformance("tenancy.idempotencyKeysAreIsolated") { c in
            let scope = c.scope()
            _ = try await c.store.claimIdempotencyKey(
                scope, fingerprint: "a", in: c.tenant, now: c.base, leaseUntil: c.at(60),
                expiresAt: c.at(3600))
            let other = try await c.store.claimIdempotencyKey(
                scope, fingerprint: "b", in: c.otherTenant, now: c.base, leaseUntil: c.at(60),
                expiresAt: c.at(3600))
            guard case .acquired = other else {
                try c.expect.fail("the same key in another tenant is acquired")
            }
            try await c.store.releaseIdempotencyKey(scope, in: c.otherTenant)
            try c.expect.expect(
                try await c.store.idempotencyRecord(for: scope, in: c.tenant)?.fingerprint == "a",
                "releasing in one tenant leaves the other's claim")
        },
        RecordStoreConformance("tenancy.tenantsListsEveryHolder") { c in
            let third = try TenantID("conformance-c-keys")
            try await c.insert([c.note()])
            try await c.commit(in: c.otherTenant) { $0.append(c.event(about: c.id(), in: c.otherTenant)) }
            _ = try await c.store.claimIdempotencyKey(
                c.scope(), fingerprint: "a", in: third, now: c.base, leaseUntil: c.at(60),
                expiresAt: c.at(3600))
            let tenants = try await c.store.tenants()
            try c.expect.expect(
                [c.tenant, c.otherTenant, third].allSatisfy(tenants.contains),
                "tenants with records, outbox entries or idempotency records are listed")
        },
    ]
}
