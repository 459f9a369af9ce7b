import CXKitCore
import CXKitTesting
import Testing

/// A sink that acts on each event ID once: the shape the suite expects of host sinks.
private final class DeduplicatingSink: NotificationSink {
    let name = "deduplicating"
    let recorder = RecordingNotificationSink(name: "effects")
    private let seen = Locked(Set<EventID>())

    func deliver(_ events: [EventEnvelope]) async throws {
        let fresh = seen.withLock { seen in events.filter { seen.insert($0.id).inserted } }
        recorder.record(fresh)
    }

    func effectCount(_ id: EventID) -> Int { recorder.deliveryCount(of: id) }
}

@Suite("NotificationSinkConformance")
struct NotificationSinkConformanceTests {
    @Test("a deduplicating sink passes every case")
    func deduplicatingSinkPasses() async throws {
        try await NotificationSinkConformance().run(against: {
            let sink = DeduplicatingSink()
            return .init(sink: sink, effectCount: { sink.effectCount($0) })
        })
    }

    @Test(
        "each case passes on its own against a deduplicating sink",
        arguments: NotificationSinkConformance().cases.map(\.name))
    func eachCasePasses(_ caseName: String) async throws {
        let conformanceCase = try #require(NotificationSinkConformance().cases.first { $0.name == caseName })
        try await conformanceCase.run(against: {
            let sink = DeduplicatingSink()
            return .init(sink: sink, effectCount: { sink.effectCount($0) })
        })
    }

    @Test("the observe form works with a sink-typed observer")
    func observeForm() async throws {
        try await NotificationSinkConformance().run(
            against: { DeduplicatingSink() },
            observe: { sink, id in (sink as? DeduplicatingSink)?.effectCount(id) ?? -1 })
    }

    @Test("a sink that repeats side effects fails naming the duplicate case")
    func nonIdempotentSinkFails() async throws {
        let suite = NotificationSinkConformance()
        let failure = await #expect(throws: ConformanceFailure.self) {
            try await suite.run(against: {
                let sink = RecordingNotificationSink()
                return .init(sink: sink, effectCount: { sink.deliveryCount(of: $0) })
            })
        }
        #expect(failure?.caseName == "deliver.sameEventTwiceHasOneEffect")
    }

    @Test("a sink that throws fails the case with the error's description")
    func throwingSinkFails() async throws {
        let suite = NotificationSinkConformance()
        let failure = await #expect(throws: ConformanceFailure.self) {
            try await suite.run(against: {
                let sink = try FaultInjectingSink(
                    wrapping: DeduplicatingSink(), faults: .init(failFirstCalls: 1_000),
                    random: SeededRandomSource(seed: 1))
                return .init(sink: sink, effectCount: { _ in 0 })
            })
        }
        #expect(failure?.caseName == "deliver.emptyBatchIsNoOp")
        #expect(failure?.expectation.contains("dependencyFailure") == true)
    }

    @Test("case names are unique")
    func caseNamesAreUnique() {
        let names = NotificationSinkConformance().cases.map(\.name)
        #expect(Set(names).count == names.count)
    }
}
