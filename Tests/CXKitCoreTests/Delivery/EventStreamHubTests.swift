import CXKitCore
import CXKitTesting
import Testing

@Suite("EventStreamHub")
struct EventStreamHubTests {
    @Test("a subscription receives only its tenant's events of the kinds it asked for, in order")
    func subscriptionIsFilteredByTenantAndKind() async throws {
        let harness = try DeliveryHarness()
        let other = try TenantID("tenant-b")
        let hub = EventStreamHub()
        let returns = try hub.subscribe(to: ["returns"], in: harness.tenant)
        let everything = try hub.subscribe(in: harness.tenant)

        let approved = try await harness.commitEvents(count: 2, kind: "returns.request.approved")
        try await harness.commitEvents(count: 1, kind: "crm.ticket.solved")
        try await harness.commitEvents(count: 1, kind: "returnsx.lookalike")
        try await harness.commitEvents(count: 1, kind: "returns.request.approved", tenant: other)
        let refunded = try await harness.commitEvents(count: 1, kind: "returns.refund.issued")
        _ = try await harness.relay(sinks: [hub]).deliverPending()
        hub.finish()

        var received: [EventID] = []
        for await event in returns { received.append(event.id) }
        #expect(received == (approved + refunded).map(\.id))
        var all = 0
        for await event in everything {
            #expect(event.tenant == harness.tenant)
            all += 1
        }
        #expect(all == 5)
        #expect(hub.droppedEventCount == 0)
    }

    @Test("a slow subscriber keeps the newest events and the drops are counted")
    func fullBufferDropsOldestAndCounts() async throws {
        let harness = try DeliveryHarness()
        let hub = EventStreamHub()
        let stream = try hub.subscribe(in: harness.tenant, bufferingNewest: 2)
        let events = (0..<5).map {
            harness.event(aggregate: harness.ids.nextIdentifier(), index: $0, step: 0)
        }
        hub.publish(events)
        hub.finish()
        var received: [EventID] = []
        for await event in stream { received.append(event.id) }
        #expect(received == events.suffix(2).map(\.id))
        #expect(hub.droppedEventCount == 3)
    }

    @Test("each subscriber gets its own stream and is removed when the stream ends")
    func subscribersAreIndependentAndRemovedOnTermination() async throws {
        let harness = try DeliveryHarness()
        let hub = EventStreamHub()
        let event = harness.event(aggregate: harness.ids.nextIdentifier(), index: 0, step: 0)
        let kept = try hub.subscribe(in: harness.tenant)
        do {
            let dropped = try hub.subscribe(in: harness.tenant)
            #expect(hub.subscriberCount == 2)
            _ = dropped
        }
        #expect(hub.subscriberCount == 1)

        try await hub.deliver([event])
        var iterator = kept.makeAsyncIterator()
        #expect(await iterator.next()?.id == event.id)
    }

    @Test("after finish, new subscriptions end at once")
    func subscribeAfterFinishEnds() async throws {
        let harness = try DeliveryHarness()
        let hub = EventStreamHub()
        hub.finish()
        let stream = try hub.subscribe(in: harness.tenant)
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == nil)
        #expect(hub.subscriberCount == 0)
    }

    @Test("a buffer size outside 1 ... 100 000 is rejected naming bufferingNewest")
    func rejectsBadBufferSize() throws {
        let tenant = try TenantID("tenant-a")
        for size in [0, -1, 100_001] {
            let error = #expect(throws: CoreError.self) {
                try EventStreamHub().subscribe(in: tenant, bufferingNewest: size)
            }
            #expect(error?.code == .validationFailed && error?.field == "bufferingNewest")
        }
    }

    @Test("an empty kind is rejected naming it, and too many kinds as a limit")
    func rejectsBadKinds() throws {
        let tenant = try TenantID("tenant-a")
        let empty = #expect(throws: CoreError.self) {
            try EventStreamHub().subscribe(to: ["returns", ""], in: tenant)
        }
        #expect(empty?.code == .validationFailed && empty?.field == "kinds[1]")
        let many = (0..<101).map { EventKind("kind\($0)") }
        let tooMany = #expect(throws: CoreError.self) { try EventStreamHub().subscribe(to: many, in: tenant) }
        #expect(tooMany?.code == .limitExceeded && tooMany?.field == "kinds")
    }
}
