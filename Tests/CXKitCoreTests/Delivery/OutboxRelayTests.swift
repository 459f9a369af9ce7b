import CXKitCore
import CXKitTesting
import Foundation
import Testing

@Suite("OutboxRelay")
struct OutboxRelayTests {
    @Test("committed events reach the sink in commit order and leave the outbox")
    func deliversCommittedEvents() async throws {
        let harness = try DeliveryHarness()
        let committed = try await harness.commitSteps(aggregates: 3, eventsPerAggregate: 2)
        let sink = RecordingNotificationSink()
        let relay = try harness.relay(sinks: [sink])

        let summary = try await relay.deliverPending()

        #expect(sink.uniqueEvents.map(\.id) == committed.map(\.id))
        #expect(sink.duplicateDeliveryCount == 0)
        #expect(summary.claimed == 6 && summary.acknowledged == 6 && summary.batches == 2)
        #expect(try await harness.pendingEntries().isEmpty)
        #expect(harness.store.outboxEntryCount == 0)
        #expect(sink.readAllDelivered().count == 6)
        try sink.assertNoLeftovers()
    }

    @Test("events are handed to sinks in batches of the configured size")
    func batchesHaveConfiguredSize() async throws {
        let harness = try DeliveryHarness()
        try await harness.commitEvents(count: 600)
        let sink = RecordingNotificationSink()
        let relay = try harness.relay(sinks: [sink], batchSize: 256)

        let summary = try await relay.deliverPending()

        #expect(sink.batches.map(\.count) == [256, 256, 88])
        #expect(summary == RelayRoundSummary(batches: 3, claimed: 600, acknowledged: 600))
    }

    @Test("maxBatches bounds the rounds of one deliverPending call")
    func maxBatchesBoundsRounds() async throws {
        let harness = try DeliveryHarness()
        try await harness.commitEvents(count: 50)
        let sink = RecordingNotificationSink()
        let relay = try harness.relay(sinks: [sink], batchSize: 10)

        let first = try await relay.deliverPending(maxBatches: 2)
        #expect(first.batches == 2 && first.acknowledged == 20)
        let rest = try await relay.deliverPending()
        #expect(rest.batches == 3 && rest.acknowledged == 30)
        #expect(sink.uniqueEvents.count == 50)
    }

    @Test("an empty outbox delivers nothing and calls no sink")
    func emptyOutboxIsNoOp() async throws {
        let harness = try DeliveryHarness()
        let sink = RecordingNotificationSink()
        let summary = try await harness.relay(sinks: [sink]).deliverPending()
        #expect(summary == RelayRoundSummary())
        #expect(sink.batches.isEmpty)
    }

    // MARK: Retries and dead letters

    @Test("a failing event is dead-lettered after 8 attempts on the seeded backoff schedule, then redriven")
    func deadLetterAfterEightFailuresAndRedrive() async throws {
        let harness = try DeliveryHarness()
        let committed = try await harness.commitEvents(count: 1)
        let recorder = RecordingNotificationSink(name: "mail")
        let sink = try FaultInjectingSink(
            wrapping: recorder, faults: .init(failFirstCalls: 8), random: SeededRandomSource(seed: 5))
        let relay = try harness.relay(sinks: [sink], seed: 1234)
        let policy = RetryPolicy.standard
        let expected = SeededRandomSource(seed: 1234)

        for attempt in 0..<7 {
            let now = harness.clock.now()
            let summary = try await relay.deliverPending()
            #expect(summary == RelayRoundSummary(batches: 1, claimed: 1, retried: 1))
            let entry = try #require(try await harness.pendingEntries().first)
            #expect(entry.attempts == attempt + 1)
            let delay = policy.delay(afterAttempt: attempt, using: expected)
            #expect(delay <= policy.delayCeiling(afterAttempt: attempt))
            let expectedAt = OutboxRelayTestTime.instant(now, plus: delay)
            #expect(abs(entry.nextAttemptAt.timeIntervalSince(expectedAt)) < 1e-5)
            #expect(entry.lastError == "mail: dependencyFailure: injected failure before delivery")
            harness.clock.advance(to: entry.nextAttemptAt)
        }
        let last = try await relay.deliverPending()
        #expect(last == RelayRoundSummary(batches: 1, claimed: 1, deadLettered: 1))
        #expect(try await harness.pendingEntries().isEmpty)

        let deadLetters = try await relay.deadLetteredEntries(in: harness.tenant)
        #expect(deadLetters.map(\.event.id) == committed.map(\.id))
        #expect(deadLetters.first?.attempts == 8)
        #expect(deadLetters.first?.lastError == "mail: dependencyFailure: injected failure before delivery")
        #expect(recorder.batches.isEmpty)

        harness.clock.advance(by: .seconds(86_400))
        #expect(try await relay.deliverPending() == RelayRoundSummary())
        #expect(try await relay.redrive(committed.map(\.id), in: harness.tenant) == 1)
        #expect(try await relay.deliverPending().acknowledged == 1)
        #expect(recorder.uniqueEvents.map(\.id) == committed.map(\.id))
        #expect(try await relay.deadLetteredEntries(in: harness.tenant).isEmpty)
    }

    @Test("the whole retry schedule replays exactly for the same seed")
    func retryScheduleReplays() async throws {
        func schedule(seed: UInt64) async throws -> [Date] {
            let harness = try DeliveryHarness()
            try await harness.commitEvents(count: 1)
            let sink = try FaultInjectingSink(
                wrapping: NoOpSink(), faults: .init(failFirstCalls: 100), random: SeededRandomSource(seed: 1))
            let relay = try harness.relay(sinks: [sink], seed: seed)
            var instants: [Date] = []
            for _ in 0..<7 {
                _ = try await relay.deliverPending()
                let entry = try #require(try await harness.pendingEntries().first)
                instants.append(entry.nextAttemptAt)
                harness.clock.advance(to: entry.nextAttemptAt)
            }
            return instants
        }
        let first = try await schedule(seed: 77)
        #expect(first == (try await schedule(seed: 77)))
        #expect(first != (try await schedule(seed: 78)))
    }

    @Test("a sink error's description is not stored; only its type name is")
    func lastErrorHasNoPersonalData() async throws {
        let harness = try DeliveryHarness()
        try await harness.commitEvents(count: 1)
        let relay = try harness.relay(sinks: [LeakySink()])
        _ = try await relay.deliverPending()
        let entry = try #require(try await harness.pendingEntries().first)
        let error = try #require(entry.lastError)
        #expect(error == "leaky: LeakyError")
        #expect(!error.contains("example.com"))
    }

    @Test("an aggregate's next event is not delivered before its earlier event succeeds")
    func perAggregateOrderUnderRetries() async throws {
        let harness = try DeliveryHarness()
        let committed = try await harness.commitSteps(aggregates: 2, eventsPerAggregate: 3)
        // Commit order: a0 b0 a1 b1 a2 b2. a0 fails three times, b1 twice.
        let (a0, b1) = (committed[0], committed[3])
        let sink = FlakySink(failures: [a0.id: 3, b1.id: 2])
        let relay = try harness.relay(sinks: [sink])

        var rounds = 0
        while !(try await harness.pendingEntries().isEmpty) {
            _ = try await relay.deliverPending()
            harness.clock.advance(by: .seconds(3_600))
            rounds += 1
            try #require(rounds < 20)
        }

        let delivered = sink.accepted.deliveredEvents
        #expect(sink.accepted.duplicateDeliveryCount == 0)
        #expect(Set(delivered.map(\.id)) == Set(committed.map(\.id)))
        for aggregate in [committed[0].aggregate, committed[1].aggregate] {
            let expected = committed.filter { $0.aggregate == aggregate }.map(\.id)
            #expect(delivered.filter { $0.aggregate == aggregate }.map(\.id) == expected)
        }
        // b0 went out in the first round while a0 was failing.
        #expect(delivered.first?.id == committed[1].id)
    }

    @Test("events a sink accepted from a partly failed batch are not handed to it again")
    func partialBatchFailureRetriesOnlyFailedEvents() async throws {
        let harness = try DeliveryHarness()
        let committed = try await harness.commitEvents(count: 10)
        let sink = FlakySink(failures: [committed[4].id: 1])
        let relay = try harness.relay(sinks: [sink])

        let first = try await relay.deliverPending()
        #expect(first.acknowledged == 9 && first.retried == 1)
        let waiting = try await harness.pendingEntries()
        #expect(waiting.map(\.event.id) == [committed[4].id])
        #expect(waiting.first?.lastError == "flaky: temporarily unavailable")

        harness.clock.advance(by: .seconds(3_600))
        #expect(try await relay.deliverPending().acknowledged == 1)
        #expect(sink.accepted.batches.map(\.count) == [9, 1])
        for event in committed { #expect(sink.accepted.deliveryCount(of: event.id) == 1) }
    }

    @Test("when one of two sinks fails, the other is not handed the events again")
    func deliveredSinksAreHonoured() async throws {
        let harness = try DeliveryHarness()
        let committed = try await harness.commitEvents(count: 5)
        let healthy = RecordingNotificationSink(name: "healthy")
        let failingRecorder = RecordingNotificationSink(name: "webhook")
        let failing = try FaultInjectingSink(
            wrapping: failingRecorder, faults: .init(failFirstCalls: 2), random: SeededRandomSource(seed: 3))
        let relay = try harness.relay(sinks: [healthy, failing])

        let first = try await relay.deliverPending()
        #expect(first.retried == 5)
        let waiting = try await harness.pendingEntries()
        #expect(waiting.allSatisfy { $0.deliveredSinks == ["healthy"] })

        var rounds = 0
        while !(try await harness.pendingEntries().isEmpty) {
            harness.clock.advance(by: .seconds(3_600))
            _ = try await relay.deliverPending()
            rounds += 1
            try #require(rounds < 10)
        }
        for event in committed {
            #expect(healthy.deliveryCount(of: event.id) == 1)
            #expect(failingRecorder.deliveryCount(of: event.id) == 1)
        }
        #expect(healthy.batches.count == 1)
    }

    // MARK: Crash points

    @Test("crash before commit: a failed commit leaves neither the change nor its event")
    func crashBeforeCommitLosesNothing() async throws {
        let harness = try DeliveryHarness()
        let committed = try await harness.commitSteps(aggregates: 1, eventsPerAggregate: 1)
        let account = committed[0].aggregate.id
        // A transaction that was built but never committed (the process died first) …
        var abandoned = StoreTransaction()
        abandoned.update(DeliveryTestAccount(id: account, steps: 2), expectedVersion: 1)
        abandoned.append(harness.event(aggregate: account, index: 0, step: 1))
        // … and one whose commit failed on a stale version: neither writes anything.
        var stale = StoreTransaction()
        stale.update(DeliveryTestAccount(id: account, steps: 9), expectedVersion: 7)
        stale.append(harness.event(aggregate: account, index: 0, step: 9))
        await #expect(throws: CoreError.self) { try await harness.store.commit(stale, in: harness.tenant) }

        let sink = RecordingNotificationSink()
        _ = try await harness.relay(sinks: [sink]).deliverPending()
        #expect(sink.uniqueEvents.map(\.id) == committed.map(\.id))
        let stored = try await harness.store.fetch(DeliveryTestAccount.self, id: account, in: harness.tenant)
        #expect(stored?.version == 1 && stored?.record.steps == 1)
        #expect(abandoned.events.count == 1)
    }

    @Test("crash after commit, before delivery: a new relay delivers every event after the lease")
    func crashAfterClaimBeforeDeliveryLosesNothing() async throws {
        let harness = try DeliveryHarness()
        let committed = try await harness.commitSteps(aggregates: 4, eventsPerAggregate: 3)
        let sink = RecordingNotificationSink()
        let crashing = CrashingStore(harness.store, crashing: .afterClaim)
        let doomed = try harness.relay(sinks: [sink], claimant: "relay-1", store: crashing)
        await #expect(throws: SimulatedCrash.self) { try await doomed.deliverPending() }
        #expect(sink.batches.isEmpty)

        let successor = try harness.relay(sinks: [sink], claimant: "relay-2")
        #expect(try await successor.deliverPending() == RelayRoundSummary())
        harness.clock.advance(by: .seconds(61))
        _ = try await successor.deliverPending()

        #expect(Set(sink.uniqueEvents.map(\.id)) == Set(committed.map(\.id)))
        #expect(sink.duplicateDeliveryCount == 0)
        #expect(harness.store.outboxEntryCount == 0)
    }

    @Test("crash after delivery, before acknowledgement: redelivered after the lease with the same IDs")
    func crashAfterDeliveryBeforeAcknowledgeRedeliversSameIDs() async throws {
        let harness = try DeliveryHarness()
        let committed = try await harness.commitSteps(aggregates: 4, eventsPerAggregate: 2)
        let sink = RecordingNotificationSink()
        let crashing = CrashingStore(harness.store, crashing: .beforeAcknowledge)
        let doomed = try harness.relay(sinks: [sink], claimant: "relay-1", store: crashing)
        await #expect(throws: SimulatedCrash.self) { try await doomed.deliverPending() }
        let firstBatch = sink.deliveredEventIDs
        #expect(firstBatch == Array(committed.prefix(4)).map(\.id))

        let successor = try harness.relay(sinks: [sink], claimant: "relay-2")
        harness.clock.advance(by: .seconds(61))
        _ = try await successor.deliverPending()

        #expect(sink.uniqueEvents.map(\.id) == committed.map(\.id))
        for id in firstBatch { #expect(sink.deliveryCount(of: id) == 2) }
        #expect(sink.duplicateDeliveryCount == 4)
        #expect(harness.store.outboxEntryCount == 0)
    }

    @Test("crash after a failed delivery, before recording it: retried after the lease")
    func crashBeforeRecordingFailureLosesNothing() async throws {
        let harness = try DeliveryHarness()
        let committed = try await harness.commitEvents(count: 3)
        let recorder = RecordingNotificationSink()
        let sink = try FaultInjectingSink(
            wrapping: recorder, faults: .init(failFirstCalls: 1), random: SeededRandomSource(seed: 1))
        let crashing = CrashingStore(harness.store, crashing: .beforeRecordingFailure)
        let doomed = try harness.relay(sinks: [sink], claimant: "relay-1", store: crashing)
        await #expect(throws: SimulatedCrash.self) { try await doomed.deliverPending() }

        let successor = try harness.relay(sinks: [sink], claimant: "relay-2")
        harness.clock.advance(by: .seconds(61))
        _ = try await successor.deliverPending()
        #expect(Set(recorder.uniqueEvents.map(\.id)) == Set(committed.map(\.id)))
        #expect(harness.store.outboxEntryCount == 0)
    }

    // MARK: Faults

    @Test(
        "under dropped, failed-after-delivery, duplicated and reordered batches every event arrives or is dead-lettered",
        arguments: [1, 2, 3, 4, 5] as [UInt64])
    func randomizedFaultsLoseNothing(seed: UInt64) async throws {
        let harness = try DeliveryHarness(seed: seed)
        let committed = try await harness.commitSteps(aggregates: 12, eventsPerAggregate: 8)
        let consumer = RecordingNotificationSink(name: "consumer")
        let faults = FaultInjectingSink.Faults(
            dropProbability: 0.2, failAfterDeliveryProbability: 0.15, duplicateProbability: 0.2,
            reorderProbability: 0.5, rejectEventProbability: 0.05)
        let sink = try FaultInjectingSink(
            wrapping: consumer, faults: faults, random: SeededRandomSource(seed: seed &* 31))
        let relay = try harness.relay(sinks: [sink], seed: seed, batchSize: 16)

        var rounds = 0
        while !(try await harness.pendingEntries().isEmpty) {
            _ = try await relay.deliverPending()
            harness.clock.advance(by: .seconds(3_600))
            rounds += 1
            try #require(rounds < 200, "seed \(seed) did not quiesce")
        }

        let deadLettered = Set(try await harness.deadLetteredEntries().map(\.event.id))
        let delivered = Set(consumer.deliveredEventIDs)
        for event in committed {
            #expect(delivered.contains(event.id) || deadLettered.contains(event.id), "seed \(seed)")
        }
        #expect(!sink.injections.isEmpty)

        // A consumer that deduplicates on the event ID ends in the state of one in-order delivery.
        var state: [Int: [Int]] = [:]
        for event in consumer.uniqueEvents {
            let step = try event.payload.decode(DeliveryStep.self)
            state[step.aggregate, default: []].append(step.step)
        }
        var expected: [Int: [Int]] = [:]
        for event in committed where !deadLettered.contains(event.id) {
            let step = try event.payload.decode(DeliveryStep.self)
            expected[step.aggregate, default: []].append(step.step)
        }
        #expect(state == expected, "seed \(seed)")
    }

    // MARK: Running and stopping

    @Test("run delivers, sleeps on the clock when idle, picks up new events and returns when cancelled")
    func runSleepsAndStopsOnCancellation() async throws {
        let harness = try DeliveryHarness()
        let first = try await harness.commitEvents(count: 3)
        let sink = RecordingNotificationSink()
        let relay = try harness.relay(sinks: [sink])

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await relay.run() }
            await harness.clock.waitForSleepers()
            #expect(sink.uniqueEvents.map(\.id) == first.map(\.id))

            let second = try await harness.commitEvents(count: 2)
            harness.clock.advance(by: .seconds(1))
            await harness.clock.waitForSleepers()
            #expect(sink.uniqueEvents.map(\.id) == (first + second).map(\.id))

            group.cancelAll()
            try await group.waitForAll()
        }
        #expect(harness.clock.sleeperCount == 0)
        #expect(harness.store.outboxEntryCount == 0)
    }

    @Test("cancelling mid-delivery leaves the batch leased, and it is delivered after the lease")
    func cancellationMidBatchLosesNothing() async throws {
        let harness = try DeliveryHarness()
        let committed = try await harness.commitEvents(count: 4)
        let stalling = StallingSink()
        let relay = try harness.relay(sinks: [stalling])

        let summary = try await withThrowingTaskGroup(of: RelayRoundSummary.self) { group in
            group.addTask { try await relay.deliverPending() }
            var arrivals = stalling.arrivals.makeAsyncIterator()
            #expect(await arrivals.next() == 4)
            group.cancelAll()
            return try await group.next() ?? RelayRoundSummary()
        }
        #expect(summary == RelayRoundSummary(batches: 1, claimed: 4, abandoned: 4))
        let waiting = try await harness.pendingEntries()
        #expect(waiting.count == 4 && waiting.allSatisfy { $0.attempts == 0 })

        let sink = RecordingNotificationSink()
        let successor = try harness.relay(sinks: [sink], claimant: "relay-2")
        #expect(try await successor.deliverPending() == RelayRoundSummary())
        harness.clock.advance(by: .seconds(61))
        _ = try await successor.deliverPending()
        #expect(sink.uniqueEvents.map(\.id) == committed.map(\.id))
    }

    // MARK: Volume

    @Test("ten thousand events drain in batches of 256 through a no-op sink")
    func drainsLargeOutbox() async throws {
        let harness = try DeliveryHarness()
        for _ in 0..<10 { try await harness.commitEvents(count: 1_000) }
        let relay = try harness.relay(sinks: [NoOpSink()])
        let summary = try await relay.deliverPending()
        #expect(summary.acknowledged == 10_000)
        #expect(summary.batches == 40)
        #expect(harness.store.outboxEntryCount == 0)
    }

    // MARK: Validation

    @Test("a relay without sinks is rejected naming sinks")
    func rejectsNoSinks() throws {
        let harness = try DeliveryHarness()
        #expect(throws: CoreError.validation(field: "sinks", reason: "must contain at least one sink")) {
            try harness.relay(sinks: [])
        }
    }

    @Test("more than 64 sinks are rejected as a limit naming sinks")
    func rejectsTooManySinks() throws {
        let harness = try DeliveryHarness()
        let sinks = (0..<65).map { RecordingNotificationSink(name: "sink-\($0)") }
        let error = #expect(throws: CoreError.self) { try harness.relay(sinks: sinks) }
        #expect(error?.code == .limitExceeded && error?.field == "sinks")
    }

    @Test("empty and repeated sink names are rejected naming the sink")
    func rejectsBadSinkNames() throws {
        let harness = try DeliveryHarness()
        let empty = #expect(throws: CoreError.self) {
            try harness.relay(sinks: [RecordingNotificationSink(name: "")])
        }
        #expect(empty?.code == .validationFailed && empty?.field == "sinks[0].name")
        let repeated = #expect(throws: CoreError.self) {
            try harness.relay(sinks: [
                RecordingNotificationSink(name: "a"), RecordingNotificationSink(name: "a"),
            ])
        }
        #expect(repeated?.code == .validationFailed && repeated?.field == "sinks[1].name")
    }

    @Test(
        "configuration values out of range are rejected naming the field",
        arguments: [
            (OutboxRelayConfiguration(batchSize: 0), "batchSize"),
            (OutboxRelayConfiguration(batchSize: 10_001), "batchSize"),
            (OutboxRelayConfiguration(leaseDuration: .zero), "leaseDuration"),
            (OutboxRelayConfiguration(leaseDuration: .seconds(86_401)), "leaseDuration"),
            (OutboxRelayConfiguration(idlePollInterval: .seconds(-1)), "idlePollInterval"),
            (OutboxRelayConfiguration(idlePollInterval: .seconds(3_601)), "idlePollInterval"),
            (OutboxRelayConfiguration(claimant: ""), "claimant"),
            (OutboxRelayConfiguration(claimant: String(repeating: "c", count: 129)), "claimant"),
        ])
    func rejectsBadConfiguration(configuration: OutboxRelayConfiguration, field: String) throws {
        let harness = try DeliveryHarness()
        let error = #expect(throws: CoreError.self) {
            try OutboxRelay(
                store: harness.store, sinks: [NoOpSink()], clock: harness.clock,
                random: SeededRandomSource(seed: 1), configuration: configuration)
        }
        #expect(error?.code == .validationFailed && error?.field == field)
    }

    @Test("bad arguments to deliverPending, deadLetteredEntries and redrive are rejected naming the field")
    func rejectsBadCallArguments() async throws {
        let harness = try DeliveryHarness()
        let relay = try harness.relay(sinks: [NoOpSink()])
        let batches = await #expect(throws: CoreError.self) { try await relay.deliverPending(maxBatches: 0) }
        #expect(batches?.code == .validationFailed && batches?.field == "maxBatches")
        for limit in [0, 1_001] {
            let listing = await #expect(throws: CoreError.self) {
                try await relay.deadLetteredEntries(in: harness.tenant, limit: limit)
            }
            #expect(listing?.code == .validationFailed && listing?.field == "limit")
        }
        let ids = (0..<1_001).map { _ in harness.ids.make(EventID.self) }
        let redrive = await #expect(throws: CoreError.self) {
            try await relay.redrive(ids, in: harness.tenant)
        }
        #expect(redrive?.code == .limitExceeded && redrive?.field == "events")
        #expect(try await relay.redrive([], in: harness.tenant) == 0)
    }
}

/// Date arithmetic used to predict retry instants.
enum OutboxRelayTestTime {
    static func instant(_ date: Date, plus duration: Duration) -> Date {
        let components = duration.components
        return date.addingTimeInterval(Double(components.seconds) + Double(components.attoseconds) * 1e-18)
    }
}
