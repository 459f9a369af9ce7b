import CXKitCore
import Foundation

/// The conformance suite for host ``NotificationSink``s: checks that a sink accepts what the
/// ``OutboxRelay`` hands it and is **idempotent on ``EventEnvelope/id``** — an event
/// delivered twice causes one side effect.
///
/// A suite cannot see a sink's side effects by itself, so the host supplies a ``Subject``:
/// a fresh sink wired to a test double of its downstream (a fake mailer, an in-memory
/// webhook receiver, a test database) plus an `effectCount` closure that reports how many
/// distinct side effects that double saw for an event ID. Idempotent sinks report 1 after
/// any number of deliveries; 0 for events never delivered.
///
/// ```swift
/// try await NotificationSinkConformance().run(against: {
///     let mailer = FakeMailer()
///     return .init(sink: EmailSink(mailer: mailer), effectCount: { mailer.messages(for: $0).count })
/// })
/// ```
///
/// Imports neither XCTest nor Swift Testing: a broken expectation throws
/// ``ConformanceFailure`` naming the case, which either framework reports as a failure.
public struct NotificationSinkConformance: Sendable {
    /// A sink under test together with a way to observe its side effects.
    public struct Subject: Sendable {
        /// The sink, freshly created for one case.
        public let sink: any NotificationSink
        /// How many distinct side effects the sink caused for an event ID so far.
        public let effectCount: @Sendable (EventID) async throws -> Int

        /// Creates a subject.
        ///
        /// - Parameters:
        ///   - sink: A fresh sink.
        ///   - effectCount: Reports the side effects caused per event ID.
        public init(
            sink: any NotificationSink, effectCount: @escaping @Sendable (EventID) async throws -> Int
        ) {
            self.sink = sink
            self.effectCount = effectCount
        }
    }

    /// One named conformance case.
    public struct Case: Sendable {
        /// The case's stable name, e.g. `"deliver.sameEventTwiceHasOneEffect"`.
        public let name: String
        /// What the case proves, in words.
        public let summary: String
        fileprivate let body: @Sendable (Subject, ConformanceExpectations) async throws -> Void

        /// Runs the case against a fresh subject.
        ///
        /// - Parameter makeSubject: Creates a fresh sink and its effect observer.
        /// - Throws: ``ConformanceFailure`` naming this case when an expectation does not
        ///   hold, the subject cannot be created, or the sink throws.
        public func run(against makeSubject: @Sendable () async throws -> Subject) async throws {
            let expectations = ConformanceExpectations(caseName: name)
            let subject: Subject
            do {
                subject = try await makeSubject()
            } catch {
                try expectations.fail("creating the sink failed: \(Self.describe(error))")
            }
            do {
                try await body(subject, expectations)
            } catch let failure as ConformanceFailure {
                throw failure
            } catch {
                try expectations.fail("the sink threw \(Self.describe(error))")
            }
        }

        private static func describe(_ error: any Error) -> String {
            if let error = error as? any CXKitError { return error.description }
            return String(describing: type(of: error))
        }
    }

    /// Every case, in the order ``run(against:)`` runs them.
    public let cases: [Case]

    /// Creates the suite.
    public init() {
        cases = Self.allCases
    }

    /// Runs every case, each against a fresh subject, stopping at the first failure.
    ///
    /// - Parameter makeSubject: Creates a fresh sink and its effect observer.
    /// - Throws: The first ``ConformanceFailure``.
    public func run(against makeSubject: @Sendable () async throws -> Subject) async throws {
        for conformanceCase in cases {
            try await conformanceCase.run(against: makeSubject)
        }
    }

    /// Runs every case against fresh sinks, observing side effects through `observe`.
    ///
    /// - Parameters:
    ///   - makeSink: Creates a fresh sink.
    ///   - observe: Given the sink a case created and an event ID, reports how many distinct
    ///     side effects the sink caused for that event.
    /// - Throws: The first ``ConformanceFailure``.
    public func run(
        against makeSink: @escaping @Sendable () async throws -> any NotificationSink,
        observe: @escaping @Sendable (any NotificationSink, EventID) async throws -> Int
    ) async throws {
        try await run(against: {
            let sink = try await makeSink()
            return Subject(sink: sink, effectCount: { try await observe(sink, $0) })
        })
    }

    // MARK: Cases

    private static let allCases: [Case] = [
        Case(name: "sink.nameIsStableAndNotEmpty", summary: "the sink has a non-empty, stable name") {
            subject, expect in
            let name = subject.sink.name
            try expect.expect(!name.isEmpty, "the sink's name is not empty")
            try expect.expect(subject.sink.name == name, "the sink's name does not change")
        },
        Case(name: "deliver.emptyBatchIsNoOp", summary: "an empty batch is accepted and causes nothing") {
            subject, expect in
            let events = try Fixture.events(count: 1)
            try await subject.sink.deliver([])
            try await subject.sink.deliver([])
            try expect.expect(
                try await subject.effectCount(events[0].id) == 0, "an event never delivered has no effect")
            try await subject.sink.deliver(events)
            try expect.expect(
                try await subject.effectCount(events[0].id) == 1,
                "a delivery after empty batches still has its effect")
        },
        Case(name: "deliver.singleEventHasOneEffect", summary: "one delivered event causes one effect") {
            subject, expect in
            let events = try Fixture.events(count: 1)
            try await subject.sink.deliver(events)
            try expect.expect(
                try await subject.effectCount(events[0].id) == 1, "the event has exactly one effect")
        },
        Case(
            name: "deliver.sameEventTwiceHasOneEffect",
            summary: "delivering an event again (same ID) does not repeat its effect"
        ) { subject, expect in
            let events = try Fixture.events(count: 1)
            try await subject.sink.deliver(events)
            try await subject.sink.deliver(events)
            try await subject.sink.deliver(events)
            try expect.expect(
                try await subject.effectCount(events[0].id) == 1,
                "an event delivered three times has exactly one effect")
        },
        Case(
            name: "deliver.duplicateInOneBatchHasOneEffect",
            summary: "an event repeated inside one batch has one effect"
        ) { subject, expect in
            let events = try Fixture.events(count: 2)
            try await subject.sink.deliver([events[0], events[1], events[0]])
            for event in events {
                try expect.expect(
                    try await subject.effectCount(event.id) == 1,
                    "each event of the batch has exactly one effect")
            }
        },
        Case(
            name: "deliver.overlappingRedeliveryHasOneEffectPerEvent",
            summary: "a retried batch that overlaps an accepted one repeats no effect"
        ) { subject, expect in
            let events = try Fixture.events(count: 3)
            try await subject.sink.deliver(Array(events[0..<2]))
            try await subject.sink.deliver(events)
            for event in events {
                try expect.expect(
                    try await subject.effectCount(event.id) == 1, "each event has exactly one effect")
            }
        },
        Case(
            name: "deliver.manyEventsInOneBatch",
            summary: "a batch of 1000 events over 50 aggregates has one effect per event"
        ) { subject, expect in
            let events = try Fixture.events(count: 1_000, aggregates: 50)
            try await subject.sink.deliver(events)
            for event in events {
                try expect.expect(
                    try await subject.effectCount(event.id) == 1,
                    "every event of a large batch has one effect")
            }
        },
        Case(
            name: "deliver.eventsOfSeveralTenants",
            summary: "one batch mixing three tenants has one effect per event"
        ) { subject, expect in
            var events: [EventEnvelope] = []
            for (index, tenant) in ["conformance-a", "conformance-b", "conformance-c"].enumerated() {
                events += try Fixture.events(count: 5, tenant: tenant, salt: UInt64(index + 1))
            }
            try await subject.sink.deliver(events)
            for event in events {
                try expect.expect(
                    try await subject.effectCount(event.id) == 1,
                    "every event of every tenant has one effect")
            }
        },
        Case(
            name: "deliver.largePayload",
            summary: "an event with a 256 KiB payload is accepted and has one effect"
        ) { subject, expect in
            let events = try Fixture.events(count: 1, payloadSize: 256 * 1_024)
            try await subject.sink.deliver(events)
            try await subject.sink.deliver(events)
            try expect.expect(
                try await subject.effectCount(events[0].id) == 1, "the large event has exactly one effect")
        },
    ]
}

/// Deterministic events for the suite (fixed IDs, tenants, instants and payloads).
private enum Fixture {
    struct Body: Codable, Sendable {
        let sequence: Int
        let text: String
    }

    static func events(
        count: Int, aggregates: Int = 1, tenant: String = "conformance-a", salt: UInt64 = 0,
        payloadSize: Int = 16
    ) throws -> [EventEnvelope] {
        let tenantID = try TenantID(tenant)
        let start = Date(timeIntervalSince1970: 1_767_603_600)
        let text = String(repeating: "x", count: payloadSize)
        return (0..<count).map { index in
            let aggregate = AggregateReference(
                type: "conformance.aggregate",
                id: Identifier(
                    milliseconds: 1_767_603_600_000, randomHigh: salt, randomLow: UInt64(index % aggregates)))
            return EventEnvelope(
                id: EventID(
                    rawValue: Identifier(
                        milliseconds: 1_767_603_600_000 + UInt64(index), randomHigh: salt &+ 0xE7E7,
                        randomLow: UInt64(index))),
                tenant: tenantID, kind: "conformance.sink.checked", aggregate: aggregate,
                occurredAt: start.addingTimeInterval(Double(index)), actor: nil,
                payload: Payload(Body(sequence: index, text: text)))
        }
    }
}
