import CXKitCore
import CXKitTesting
import Testing

@Suite("SinkDeliveryError and redrive scoping")
struct SinkDeliveryErrorTests {
    @Test("the error counts failed events and carries the dependency-failure code")
    func describesCount() throws {
        let ids = TimeOrderedIdentifierSource(timestamps: ManualClock(), random: SeededRandomSource(seed: 1))
        let one = SinkDeliveryError(failed: [ids.make(): "mailbox unavailable"])
        #expect(one.code == .dependencyFailure && one.field == nil)
        #expect(one.description == "dependencyFailure: 1 event was not accepted")
        let two = SinkDeliveryError(failed: [ids.make(): "a", ids.make(): "b"])
        #expect(two.reason == "2 events were not accepted")
    }

    @Test("IDs a sink reports that were not in the batch are ignored")
    func unknownFailedIDsAreIgnored() async throws {
        let harness = try DeliveryHarness()
        try await harness.commitEvents(count: 2)
        let stranger: EventID = harness.ids.make()
        let relay = try harness.relay(sinks: [StrangerRejectingSink(stranger: stranger)])
        let summary = try await relay.deliverPending()
        #expect(summary.acknowledged == 2 && summary.retried == 0)
    }

    @Test("a redrive only touches dead letters of the given tenant")
    func redriveIsTenantScoped() async throws {
        let harness = try DeliveryHarness()
        let committed = try await harness.commitEvents(count: 1)
        let relay = try harness.relay(sinks: [LeakySink()], retryPolicy: try RetryPolicy(maxAttempts: 1))
        #expect(try await relay.deliverPending().deadLettered == 1)
        let other = try TenantID("tenant-b")
        #expect(try await relay.redrive(committed.map(\.id), in: other) == 0)
        #expect(try await relay.deadLetteredEntries(in: other).isEmpty)
        #expect(try await relay.redrive(committed.map(\.id), in: harness.tenant) == 1)
        #expect(try await harness.pendingEntries().map(\.attempts) == [0])
    }
}

/// A sink that accepts every event but reports an unrelated ID as failed.
private struct StrangerRejectingSink: NotificationSink {
    let stranger: EventID
    let name = "stranger"
    func deliver(_ events: [EventEnvelope]) async throws {
        throw SinkDeliveryError(failed: [stranger: "unknown"])
    }
}
