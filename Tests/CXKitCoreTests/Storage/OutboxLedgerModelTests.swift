import CXKitCore
import Foundation
import Testing

/// Random appends, claims, acknowledgements, failures and redrives against a naive model
/// of the outbox that scans every entry for every decision.
@Suite("Outbox model")
struct OutboxLedgerModelTests {
    private struct ModelEntry {
        let sequence: Int
        let event: EventEnvelope
        var status: OutboxStatus = .pending
        var attempts = 0
        var nextAttemptAt: Date = .distantPast
        var claimant: String?
        var leaseUntil: Date = .distantPast
    }

    private struct AggregateKey: Hashable {
        let tenant: TenantID
        let aggregate: AggregateReference
    }

    private struct Model {
        var entries: [ModelEntry] = []
        var leased: [AggregateKey: EventID] = [:]

        func key(_ entry: ModelEntry) -> AggregateKey {
            AggregateKey(tenant: entry.event.tenant, aggregate: entry.event.aggregate)
        }

        func position(of id: EventID) -> Int? { entries.firstIndex { $0.event.id == id } }

        mutating func claim(limit: Int, claimant: String, now: Date, until: Date) -> [EventID] {
            var firstPending: [AggregateKey: Int] = [:]
            for (index, entry) in entries.enumerated() where entry.status == .pending {
                if firstPending[key(entry)] == nil { firstPending[key(entry)] = index }
            }
            var chosen: [Int] = []
            for index in firstPending.values.sorted(by: { entries[$0].sequence < entries[$1].sequence }) {
                guard chosen.count < limit else { break }
                let entry = entries[index]
                if let leasedID = leased[key(entry)], let leasedIndex = position(of: leasedID),
                    entries[leasedIndex].claimant != nil, entries[leasedIndex].leaseUntil > now
                {
                    continue
                }
                guard entry.nextAttemptAt <= now else { continue }
                chosen.append(index)
            }
            for index in chosen {
                let aggregate = key(entries[index])
                if let previous = leased[aggregate], previous != entries[index].event.id,
                    let previousIndex = position(of: previous)
                {
                    entries[previousIndex].claimant = nil
                }
                leased[aggregate] = entries[index].event.id
                entries[index].claimant = claimant
                entries[index].leaseUntil = until
            }
            return chosen.map { entries[$0].event.id }
        }

        mutating func acknowledge(_ ids: [EventID], claimant: String) {
            for id in ids {
                guard let index = position(of: id), entries[index].claimant == claimant,
                    entries[index].status == .pending
                else { continue }
                if leased[key(entries[index])] == id { leased[key(entries[index])] = nil }
                entries.remove(at: index)
            }
        }

        mutating func fail(_ id: EventID, claimant: String, retryAt: Date?) {
            guard let index = position(of: id), entries[index].claimant == claimant,
                entries[index].status == .pending
            else { return }
            entries[index].claimant = nil
            entries[index].leaseUntil = .distantPast
            entries[index].attempts += 1
            if leased[key(entries[index])] == id { leased[key(entries[index])] = nil }
            if let retryAt {
                entries[index].nextAttemptAt = retryAt
            } else {
                entries[index].status = .deadLettered
            }
        }

        mutating func redrive(_ ids: [EventID], tenant: TenantID, now: Date) -> Int {
            var count = 0
            for id in ids {
                guard let index = position(of: id), entries[index].event.tenant == tenant,
                    entries[index].status == .deadLettered
                else { continue }
                entries[index].status = .pending
                entries[index].attempts = 0
                entries[index].nextAttemptAt = now
                entries[index].claimant = nil
                count += 1
            }
            return count
        }
    }

    @Test("claims, listings and counts match a naive model", arguments: [3, 41, 977] as [UInt64])
    func matchesModel(seed: UInt64) async throws {
        let random = SeededRandomSource(seed: seed)
        let ids = seededIdentifiers(seed)
        let store = InMemoryRecordStore()
        let tenants = [try TenantID("north"), try TenantID("south")]
        // The same identifiers under two types and two tenants: distinct aggregates.
        let aggregateIDs = (0..<4).map { _ in ids.nextIdentifier() }
        let types: [RecordType] = ["model.order", "model.ticket"]
        let claimants = ["relay-1", "relay-2"]
        var model = Model()
        var now = Date(timeIntervalSince1970: 1_700_000_000)
        var sequence = 0
        func pick<T>(_ values: [T]) -> T { values[Int(random.next(below: UInt64(values.count)))] }

        for step in 0..<1_500 {
            let choice = random.next(below: 100)
            if choice < 35 {
                let tenant = pick(tenants)
                var transaction = StoreTransaction()
                for _ in 0...random.next(below: 3) {
                    let event = EventEnvelope(
                        id: EventID(rawValue: ids.nextIdentifier()), tenant: tenant, kind: "model.changed",
                        aggregate: AggregateReference(type: pick(types), id: pick(aggregateIDs)),
                        occurredAt: now, actor: nil, payload: Payload(step))
                    transaction.append(event)
                    sequence += 1
                    model.entries.append(ModelEntry(sequence: sequence, event: event))
                }
                _ = try await store.commit(transaction, in: tenant)
            } else if choice < 60 {
                let limit = Int(random.next(below: 6))
                let claimant = pick(claimants)
                let lease = Duration.seconds(Int64(random.next(below: 30) + 1))
                let claimed = try await store.claimOutboxEntries(
                    limit: limit, claimant: claimant, now: now, leaseDuration: lease)
                let expected = model.claim(
                    limit: limit, claimant: claimant, now: now,
                    until: now.addingTimeInterval(Double(lease.components.seconds)))
                #expect(claimed.map(\.event.id) == expected, "seed \(seed), step \(step): claim")
            } else if choice < 78 {
                let leasedIDs = model.entries.filter { $0.claimant != nil }.map(\.event.id)
                let chosen =
                    leasedIDs.filter { _ in random.next(below: 2) == 0 } + [
                        EventID(rawValue: ids.nextIdentifier())
                    ]
                let claimant = pick(claimants)
                try await store.acknowledgeOutboxEntries(chosen, claimant: claimant)
                model.acknowledge(chosen, claimant: claimant)
            } else if choice < 90 {
                guard let entry = model.entries.filter({ $0.claimant != nil }).first else { continue }
                let retryAt =
                    random.next(below: 3) == 0 ? nil : now.addingTimeInterval(Double(random.next(below: 20)))
                let claimant = random.next(below: 5) == 0 ? pick(claimants) : entry.claimant ?? ""
                try await store.recordOutboxFailure(
                    entry.event.id, claimant: claimant,
                    failure: OutboxFailure(error: "sink down", deliveredSinks: [], retryAt: retryAt))
                model.fail(entry.event.id, claimant: claimant, retryAt: retryAt)
            } else if choice < 95 {
                let tenant = pick(tenants)
                let dead = model.entries.filter { $0.status == .deadLettered }.map(\.event.id)
                let chosen = dead.filter { _ in random.next(below: 2) == 0 }
                let redriven = try await store.redriveOutboxEntries(chosen, in: tenant, now: now)
                #expect(
                    redriven == model.redrive(chosen, tenant: tenant, now: now), "seed \(seed), step \(step)")
            } else {
                now = now.addingTimeInterval(Double(random.next(below: 40)))
            }

            #expect(store.outboxEntryCount == model.entries.count, "seed \(seed), step \(step): count")
            if step % 25 == 0 {
                for tenant in tenants {
                    for status in [OutboxStatus.pending, .deadLettered] {
                        let listed = try await store.outboxEntries(
                            status: status, in: tenant, after: nil, limit: 1000)
                        let expected = model.entries.filter {
                            $0.event.tenant == tenant && $0.status == status
                        }
                        #expect(
                            listed.map(\.event.id) == expected.map(\.event.id),
                            "seed \(seed), step \(step): \(status) listing")
                        #expect(
                            listed.map(\.attempts) == expected.map(\.attempts), "seed \(seed), step \(step)")
                    }
                }
            }
        }
    }
}

@Suite("Outbox trimming")
struct OutboxTrimmingTests {
    @Test("an entry redriven while the delivered front is being trimmed stays deliverable")
    func redrivenEntrySurvivesTrimming() async throws {
        let store = InMemoryRecordStore()
        let tenant = try TenantID("trim")
        let ids = seededIdentifiers(91)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        var events: [EventEnvelope] = []
        var transaction = StoreTransaction()
        for index in 0..<2_000 {
            let event = EventEnvelope(
                id: EventID(rawValue: ids.nextIdentifier()), tenant: tenant, kind: "trim.changed",
                aggregate: AggregateReference(type: "trim.item", id: ids.nextIdentifier()), occurredAt: now,
                actor: nil, payload: Payload(index))
            events.append(event)
            transaction.append(event)
        }
        _ = try await store.commit(transaction, in: tenant)
        let claimed = try await store.claimOutboxEntries(
            limit: 2_000, claimant: "relay", now: now, leaseDuration: .seconds(60))
        #expect(claimed.count == 2_000)
        // Dead-letter the sixth entry, deliver the first thousand around it, redrive it, then
        // deliver enough more that the delivered front is dropped from memory.
        try await store.recordOutboxFailure(
            events[5].id, claimant: "relay",
            failure: OutboxFailure(error: "down", deliveredSinks: [], retryAt: nil))
        try await store.acknowledgeOutboxEntries(events[0..<1_000].map(\.id), claimant: "relay")
        #expect(try await store.redriveOutboxEntries([events[5].id], in: tenant, now: now) == 1)
        try await store.acknowledgeOutboxEntries(events[1_000..<1_100].map(\.id), claimant: "relay")

        #expect(store.outboxEntryCount == 901)
        let pending = try await store.outboxEntries(status: .pending, in: tenant, after: nil, limit: 1)
        #expect(pending.map(\.event.id) == [events[5].id])
        let again = try await store.claimOutboxEntries(
            limit: 1, claimant: "relay-2", now: now.addingTimeInterval(120), leaseDuration: .seconds(60))
        #expect(again.map(\.event.id) == [events[5].id])
        try await store.acknowledgeOutboxEntries([events[5].id], claimant: "relay-2")
        #expect(store.outboxEntryCount == 900)
        #expect(
            try await store.outboxEntries(status: .deadLettered, in: tenant, after: nil, limit: 10).isEmpty)
        let next = try await store.outboxEntries(status: .pending, in: tenant, after: nil, limit: 1)
        #expect(next.map(\.event.id) == [events[1_100].id])
    }

    @Test(
        "appends and in-order deliveries across many chunks keep every waiting entry listed in commit order")
    func deliveriesAcrossChunksKeepOrder() async throws {
        let store = InMemoryRecordStore()
        let tenant = try TenantID("chunks")
        let ids = seededIdentifiers(92)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        var waiting: [EventID] = []
        // Rounds of 700 appends and 650 deliveries from the front: the delivered front
        // crosses chunk boundaries at varying offsets; the last round delivers everything,
        // so the outbox empties and then fills again.
        for round in 0..<6 {
            var transaction = StoreTransaction()
            for index in 0..<700 {
                let event = EventEnvelope(
                    id: EventID(rawValue: ids.nextIdentifier()), tenant: tenant, kind: "chunks.changed",
                    aggregate: AggregateReference(type: "chunks.item", id: ids.nextIdentifier()),
                    occurredAt: now, actor: nil, payload: Payload(round * 1_000 + index))
                waiting.append(event.id)
                transaction.append(event)
            }
            _ = try await store.commit(transaction, in: tenant)
            let deliverCount = round == 4 ? waiting.count : 650
            let claimed = try await store.claimOutboxEntries(
                limit: deliverCount, claimant: "relay", now: now, leaseDuration: .seconds(60))
            #expect(claimed.map(\.event.id) == Array(waiting.prefix(deliverCount)))
            try await store.acknowledgeOutboxEntries(claimed.map(\.event.id), claimant: "relay")
            waiting.removeFirst(deliverCount)

            #expect(store.outboxEntryCount == waiting.count)
            let listed = try await store.outboxEntries(status: .pending, in: tenant, after: nil, limit: 1_000)
            #expect(listed.map(\.event.id) == waiting)
        }
    }
}
