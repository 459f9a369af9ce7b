import CXKitCore
import CXKitTesting
import Foundation
import Testing

private func makeEvents(_ count: Int, aggregates: Int, seed: UInt64 = 1) throws -> [EventEnvelope] {
    let tenant = try TenantID("tenant-a")
    let ids = TimeOrderedIdentifierSource(timestamps: ManualClock(), random: SeededRandomSource(seed: seed))
    let roots = (0..<aggregates).map { _ in ids.nextIdentifier() }
    return (0..<count).map { index in
        EventEnvelope(
            id: ids.make(), tenant: tenant,
            kind: index.isMultiple(of: 2) ? "crm.ticket.opened" : "returns.rma.created",
            aggregate: AggregateReference(type: "test.aggregate", id: roots[index % aggregates]),
            occurredAt: Date(timeIntervalSince1970: 1_767_603_600), actor: nil, payload: Payload(index))
    }
}

@Suite("RecordingNotificationSink")
struct RecordingNotificationSinkTests {
    @Test("records batches in order and counts duplicates per event ID")
    func recordsAndCounts() async throws {
        let events = try makeEvents(3, aggregates: 3)
        let sink = RecordingNotificationSink()
        try await sink.deliver([events[0], events[1]])
        try await sink.deliver([events[1], events[2]])
        #expect(sink.batches.map(\.count) == [2, 2])
        #expect(sink.deliveredEventIDs == [events[0].id, events[1].id, events[1].id, events[2].id])
        #expect(sink.uniqueEvents.map(\.id) == events.map(\.id))
        #expect(sink.deliveryCount(of: events[1].id) == 2)
        #expect(sink.duplicateDeliveryCount == 1)
        #expect(sink.events(ofKind: "crm").map(\.id) == [events[0].id, events[2].id])
    }

    @Test("deliveries are read one by one and unread ones are reported as leftovers")
    func readsAndReportsLeftovers() async throws {
        let events = try makeEvents(3, aggregates: 1)
        let sink = RecordingNotificationSink()
        try await sink.deliver(events)
        #expect(sink.readDelivered()?.id == events[0].id)
        let leftovers = #expect(throws: LeftoverDeliveriesError.self) { try sink.assertNoLeftovers() }
        #expect(leftovers?.eventIDs == [events[1].id, events[2].id])
        #expect(sink.readAllDelivered().map(\.id) == [events[1].id, events[2].id])
        #expect(sink.readDelivered() == nil)
        try sink.assertNoLeftovers()
        sink.reset()
        #expect(sink.deliveredEvents.isEmpty)
    }
}

@Suite("FaultInjectingSink")
struct FaultInjectingSinkTests {
    @Test("the first N calls fail without delivering, later ones get through")
    func failsFirstCalls() async throws {
        let events = try makeEvents(2, aggregates: 2)
        let recorder = RecordingNotificationSink()
        let sink = try FaultInjectingSink(
            wrapping: recorder, faults: .init(failFirstCalls: 2), random: SeededRandomSource(seed: 1))
        for _ in 0..<2 {
            await #expect(throws: CoreError.self) { try await sink.deliver(events) }
        }
        try await sink.deliver(events)
        #expect(recorder.batches.count == 1)
        #expect(sink.callCount == 3)
        #expect(
            sink.injections == Array(repeating: .failedBeforeDelivery(events: events.map(\.id)), count: 2))
        #expect(sink.name == "recording")
    }

    @Test("chosen events are rejected while the rest of the batch is delivered")
    func rejectsChosenEvents() async throws {
        let events = try makeEvents(3, aggregates: 3)
        let recorder = RecordingNotificationSink()
        let sink = try FaultInjectingSink(
            wrapping: recorder, faults: .init(failingEventIDs: [events[1].id]),
            random: SeededRandomSource(seed: 1),
            name: "webhook")
        let error = await #expect(throws: SinkDeliveryError.self) { try await sink.deliver(events) }
        #expect(error?.failed.keys.sorted() == [events[1].id])
        #expect(recorder.deliveredEventIDs == [events[0].id, events[2].id])
        #expect(sink.injections == [.rejected(events[1].id)])
        #expect(sink.name == "webhook")
    }

    @Test("duplication and failure after delivery hand the wrapped sink the batch anyway")
    func duplicatesAndFailsAfterDelivery() async throws {
        let events = try makeEvents(2, aggregates: 2)
        let recorder = RecordingNotificationSink()
        let sink = try FaultInjectingSink(
            wrapping: recorder, faults: .init(failAfterDeliveryProbability: 1, duplicateProbability: 1),
            random: SeededRandomSource(seed: 1))
        await #expect(throws: CoreError.self) { try await sink.deliver(events) }
        #expect(recorder.deliveredEventIDs == (events + events).map(\.id))
        #expect(
            sink.injections == [
                .duplicated(events: events.map(\.id)), .failedAfterDelivery(events: events.map(\.id)),
            ])
    }

    @Test("reordering moves aggregates past each other but keeps each aggregate's order", arguments: 1...20)
    func reorderKeepsPerAggregateOrder(seed: Int) async throws {
        let events = try makeEvents(40, aggregates: 5, seed: UInt64(seed))
        let recorder = RecordingNotificationSink()
        let sink = try FaultInjectingSink(
            wrapping: recorder, faults: .init(reorderProbability: 1),
            random: SeededRandomSource(seed: UInt64(seed)))
        try await sink.deliver(events)
        let delivered = recorder.deliveredEvents
        #expect(Set(delivered.map(\.id)) == Set(events.map(\.id)))
        #expect(delivered.map(\.id) != events.map(\.id))
        for aggregate in Set(events.map(\.aggregate)) {
            #expect(
                delivered.filter { $0.aggregate == aggregate }.map(\.id)
                    == events.filter { $0.aggregate == aggregate }.map(\.id))
        }
    }

    @Test("the same seed injects the same faults")
    func sameSeedSameFaults() async throws {
        func run() async throws -> [FaultInjectingSink.Injection] {
            let events = try makeEvents(8, aggregates: 4)
            let sink = try FaultInjectingSink(
                wrapping: RecordingNotificationSink(),
                faults: .init(
                    dropProbability: 0.3, failAfterDeliveryProbability: 0.2, duplicateProbability: 0.3,
                    reorderProbability: 0.5, rejectEventProbability: 0.1),
                random: SeededRandomSource(seed: 11))
            for _ in 0..<20 { try? await sink.deliver(events) }
            return sink.injections
        }
        let first = try await run()
        #expect(!first.isEmpty)
        #expect(first == (try await run()))
    }

    @Test("probabilities outside 0 ... 1 and negative call counts are rejected naming the field")
    func rejectsBadFaults() {
        let cases: [(FaultInjectingSink.Faults, String)] = [
            (.init(dropProbability: 1.5), "faults.dropProbability"),
            (.init(failAfterDeliveryProbability: -0.1), "faults.failAfterDeliveryProbability"),
            (.init(duplicateProbability: .nan), "faults.duplicateProbability"),
            (.init(reorderProbability: 2), "faults.reorderProbability"),
            (.init(rejectEventProbability: -1), "faults.rejectEventProbability"),
            (.init(failFirstCalls: -1), "faults.failFirstCalls"),
        ]
        for (faults, field) in cases {
            let error = #expect(throws: CoreError.self) {
                try FaultInjectingSink(
                    wrapping: RecordingNotificationSink(), faults: faults, random: SeededRandomSource(seed: 1)
                )
            }
            #expect(error?.code == .validationFailed && error?.field == field)
        }
    }
}
