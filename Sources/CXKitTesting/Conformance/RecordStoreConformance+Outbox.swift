import CXKitCore
import Foundation

extension RecordStoreConformance {
    /// The transactional outbox: order, leases, acknowledgement, retries, dead letters,
    /// redrive, redaction and listing.
    public static let outbox: [RecordStoreConformance] = [
        RecordStoreConformance("outbox.claimsInCommitOrder") { c in
            let events = (0..<5).map { c.event(about: c.id(), marker: $0) }
            for event in events { try await c.commit { $0.append(event) } }
            let claimed = try await c.store.claimOutboxEntries(
                limit: 10, claimant: "relay", now: c.base, leaseDuration: .seconds(30))
            try c.expect.expect(
                claimed.map(\.event.id) == events.map(\.id), "entries are claimed in commit order")
            let limited = try await c.store.claimOutboxEntries(
                limit: 10, claimant: "other", now: c.base, leaseDuration: .seconds(30))
            try c.expect.expect(limited.isEmpty, "leased entries are not handed out again")
        },
        RecordStoreConformance("outbox.claimHonoursItsLimit") { c in
            let events = (0..<5).map { c.event(about: c.id(), marker: $0) }
            try await c.commit { for event in events { $0.append(event) } }
            let first = try await c.store.claimOutboxEntries(
                limit: 2, claimant: "relay", now: c.base, leaseDuration: .seconds(30))
            let second = try await c.store.claimOutboxEntries(
                limit: 2, claimant: "relay", now: c.base, leaseDuration: .seconds(30))
            try c.expect.expect(first.map(\.event.id) == events[..<2].map(\.id), "the first two")
            try c.expect.expect(second.map(\.event.id) == events[2..<4].map(\.id), "then the next two")
        },
        RecordStoreConformance("outbox.oneEntryPerAggregateAtATime") { c in
            let (a, b) = (c.id(), c.id())
            let events = [
                c.event(about: a, marker: 0), c.event(about: a, marker: 1), c.event(about: b, marker: 2),
            ]
            try await c.commit { for event in events { $0.append(event) } }
            let first = try await c.store.claimOutboxEntries(
                limit: 10, claimant: "one", now: c.base, leaseDuration: .seconds(30))
            try c.expect.expect(
                first.map(\.event.id) == [events[0].id, events[2].id], "one entry per aggregate per claim")
            let second = try await c.store.claimOutboxEntries(
                limit: 10, claimant: "two", now: c.base, leaseDuration: .seconds(30))
            try c.expect.expect(second.isEmpty, "a leased aggregate's later entry waits")
            try await c.store.acknowledgeOutboxEntries([events[0].id], claimant: "one")
            let third = try await c.store.claimOutboxEntries(
                limit: 10, claimant: "two", now: c.base, leaseDuration: .seconds(30))
            try c.expect.expect(
                third.map(\.event.id) == [events[1].id], "after acknowledgement the next follows")
        },
        RecordStoreConformance("outbox.expiredLeaseIsClaimedAgainAndTheOldClaimantIsIgnored") { c in
            let event = c.event(about: c.id())
            try await c.commit { $0.append(event) }
            _ = try await c.store.claimOutboxEntries(
                limit: 1, claimant: "slow", now: c.base, leaseDuration: .seconds(30))
            let early = try await c.store.claimOutboxEntries(
                limit: 1, claimant: "fast", now: c.at(29), leaseDuration: .seconds(30))
            try c.expect.expect(early.isEmpty, "a live lease blocks other claimants")
            let late = try await c.store.claimOutboxEntries(
                limit: 1, claimant: "fast", now: c.at(30), leaseDuration: .seconds(30))
            try c.expect.expect(late.map(\.event.id) == [event.id], "an expired lease can be claimed")
            try await c.store.acknowledgeOutboxEntries([event.id], claimant: "slow")
            try c.expect.expect(
                try await c.pending().count == 1, "the lost lease's acknowledgement is ignored")
            try await c.store.acknowledgeOutboxEntries([event.id], claimant: "fast")
            try c.expect.expect(
                try await c.pending().isEmpty, "the holder's acknowledgement removes the entry")
        },
        RecordStoreConformance("outbox.acknowledgementOfUnleasedEntriesIsIgnored") { c in
            let event = c.event(about: c.id())
            try await c.commit { $0.append(event) }
            try await c.store.acknowledgeOutboxEntries(
                [event.id, EventID(rawValue: c.id())], claimant: "relay")
            try c.expect.expect(try await c.pending().count == 1, "an unleased entry is not acknowledged")
        },
        RecordStoreConformance("outbox.failureSchedulesARetryAndKeepsDetails") { c in
            let aggregate = c.id()
            let events = [c.event(about: aggregate, marker: 0), c.event(about: aggregate, marker: 1)]
            try await c.commit { for event in events { $0.append(event) } }
            _ = try await c.store.claimOutboxEntries(
                limit: 5, claimant: "relay", now: c.base, leaseDuration: .seconds(30))
            try await c.store.recordOutboxFailure(
                events[0].id, claimant: "relay",
                failure: OutboxFailure(error: "sink timed out", deliveredSinks: ["mail"], retryAt: c.at(60)))
            let entry = try await c.pending().first
            try c.expect.expect(entry?.attempts == 1, "the attempt is counted")
            try c.expect.expect(entry?.lastError == "sink timed out", "the error is kept")
            try c.expect.expect(entry?.deliveredSinks == ["mail"], "the delivered sinks are kept")
            try c.expect.expect(entry?.nextAttemptAt == c.at(60), "the retry instant is kept")
            let early = try await c.store.claimOutboxEntries(
                limit: 5, claimant: "relay", now: c.at(59), leaseDuration: .seconds(30))
            try c.expect.expect(early.isEmpty, "neither the entry nor its aggregate's later entry is due")
            let due = try await c.store.claimOutboxEntries(
                limit: 5, claimant: "relay", now: c.at(60), leaseDuration: .seconds(30))
            try c.expect.expect(
                due.map(\.event.id) == [events[0].id], "the entry is claimable at its retry instant")
            try await c.store.recordOutboxFailure(
                events[0].id, claimant: "relay",
                failure: OutboxFailure(error: "again", deliveredSinks: ["push"], retryAt: c.at(120)))
            let again = try await c.pending().first
            try c.expect.expect(again?.attempts == 2, "attempts accumulate")
            try c.expect.expect(again?.deliveredSinks == ["mail", "push"], "delivered sinks accumulate")
        },
        RecordStoreConformance("outbox.failureFromAnotherClaimantIsIgnored") { c in
            let event = c.event(about: c.id())
            try await c.commit { $0.append(event) }
            _ = try await c.store.claimOutboxEntries(
                limit: 1, claimant: "relay", now: c.base, leaseDuration: .seconds(30))
            try await c.store.recordOutboxFailure(
                event.id, claimant: "intruder",
                failure: OutboxFailure(error: "x", deliveredSinks: [], retryAt: nil))
            let entry = try await c.pending().first
            try c.expect.expect(entry?.attempts == 0 && entry?.status == .pending, "the failure is ignored")
        },
        RecordStoreConformance("outbox.deadLetteringReleasesTheAggregate") { c in
            let aggregate = c.id()
            let events = [c.event(about: aggregate, marker: 0), c.event(about: aggregate, marker: 1)]
            try await c.commit { for event in events { $0.append(event) } }
            _ = try await c.store.claimOutboxEntries(
                limit: 5, claimant: "relay", now: c.base, leaseDuration: .seconds(30))
            try await c.store.recordOutboxFailure(
                events[0].id, claimant: "relay",
                failure: OutboxFailure(error: "poison", deliveredSinks: [], retryAt: nil))
            let dead = try await c.deadLettered()
            try c.expect.expect(dead.map(\.event.id) == [events[0].id], "the entry is dead-lettered")
            try c.expect.expect(
                dead.first?.attempts == 1 && dead.first?.lastError == "poison", "details are kept")
            try c.expect.expect(
                try await c.pending().map(\.event.id) == [events[1].id], "only the next is pending")
            let next = try await c.store.claimOutboxEntries(
                limit: 5, claimant: "relay", now: c.base, leaseDuration: .seconds(30))
            try c.expect.expect(
                next.map(\.event.id) == [events[1].id], "the aggregate's next entry is released")
        },
        RecordStoreConformance("outbox.redriveResetsAttemptsAndMakesEntriesDue") { c in
            let event = c.event(about: c.id())
            try await c.commit { $0.append(event) }
            _ = try await c.store.claimOutboxEntries(
                limit: 1, claimant: "relay", now: c.base, leaseDuration: .seconds(30))
            try await c.store.recordOutboxFailure(
                event.id, claimant: "relay",
                failure: OutboxFailure(error: "x", deliveredSinks: ["a"], retryAt: nil))
            let count = try await c.store.redriveOutboxEntries(
                [event.id, EventID(rawValue: c.id())], in: c.tenant, now: c.at(500))
            try c.expect.expect(count == 1, "one entry is redriven")
            try c.expect.expect(try await c.deadLettered().isEmpty, "no entry is dead-lettered any more")
            let entry = try await c.pending().first
            try c.expect.expect(entry?.attempts == 0, "the attempt count is fresh")
            try c.expect.expect(entry?.nextAttemptAt == c.at(500), "the entry is due at the redrive instant")
            let claimed = try await c.store.claimOutboxEntries(
                limit: 1, claimant: "relay", now: c.at(500), leaseDuration: .seconds(30))
            try c.expect.expect(claimed.map(\.event.id) == [event.id], "the redriven entry is claimable")
            let again = try await c.store.redriveOutboxEntries([event.id], in: c.tenant, now: c.at(500))
            try c.expect.expect(again == 0, "pending entries are not redriven")
        },
        RecordStoreConformance("outbox.redactionReplacesWaitingPayloads") { c in
            let event = c.event(about: c.id(), marker: 1)
            try await c.commit { $0.append(event) }
            let count = try await c.store.redactOutboxEntries(
                [event.id], in: c.tenant, payload: Payload(ConformanceNoteEvent(marker: 0)))
            try c.expect.expect(count == 1, "one entry is rewritten")
            let entry = try await c.pending().first
            let payload = try entry?.event.payload.decode(ConformanceNoteEvent.self)
            try c.expect.expect(payload == ConformanceNoteEvent(marker: 0), "the payload is replaced")
            try c.expect.expect(
                entry?.event.id == event.id && entry?.event.kind == event.kind, "metadata is kept")
        },
        RecordStoreConformance("outbox.listingPagesBySequence") { c in
            let events = (0..<5).map { c.event(about: c.id(), marker: $0) }
            try await c.commit { for event in events { $0.append(event) } }
            let first = try await c.store.outboxEntries(status: .pending, in: c.tenant, after: nil, limit: 2)
            let rest = try await c.store.outboxEntries(
                status: .pending, in: c.tenant, after: first.last?.sequence, limit: 10)
            try c.expect.expect(
                (first + rest).map(\.event.id) == events.map(\.id), "pages continue after the last sequence")
            try c.expect.expect(try await c.deadLettered().isEmpty, "nothing is dead-lettered")
        },
    ]
}
