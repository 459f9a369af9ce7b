import CXKitCore
import CXKitTesting
import Foundation
import Testing

@Suite("FaultInjectingRecordStore")
struct FaultInjectingRecordStoreTests {
    let base = InMemoryRecordStore()
    let clock = ManualClock()
    let ids = seededIdentifiers(31)
    let tenant: TenantID
    let store: FaultInjectingRecordStore

    init() throws {
        tenant = try TenantID("acme")
        store = FaultInjectingRecordStore(wrapping: base, clock: clock)
    }

    private func batch() -> (StoreTransaction, TestTally, EventEnvelope) {
        let tally = TestTally(id: ids.nextIdentifier(), value: 1)
        let event = EventEnvelope(
            id: EventID(rawValue: ids.nextIdentifier()), tenant: tenant, kind: "test.tally.created",
            aggregate: AggregateReference(type: TestTally.recordType, id: tally.id), occurredAt: clock.now(),
            actor: nil, payload: Payload(1))
        var transaction = StoreTransaction()
        transaction.insert(tally)
        transaction.insert(TestTally(id: ids.nextIdentifier(), value: 2))
        transaction.append(event)
        return (transaction, tally, event)
    }

    private func pendingCount() async throws -> Int {
        try await base.outboxEntries(status: .pending, in: tenant, after: nil, limit: 100).count
    }

    @Test("a failure before commit throws storageFailure and leaves no partial state")
    func failBeforeWritesNothing() async throws {
        store.script(.failBefore, for: .commit)
        let (transaction, tally, _) = batch()
        await #expect(throws: CoreError.self) { _ = try await store.commit(transaction, in: tenant) }
        #expect(base.recordCount(in: tenant) == 0)
        #expect(try await pendingCount() == 0)
        #expect(try await base.fetch(TestTally.self, id: tally.id, in: tenant) == nil)
    }

    @Test("a failure after commit throws storageFailure while everything was written")
    func failAfterIsVisible() async throws {
        store.script(.failAfter, for: .commit)
        let (transaction, tally, event) = batch()
        do {
            _ = try await store.commit(transaction, in: tenant)
            Issue.record("the commit should report a failure")
        } catch let error as CoreError {
            #expect(error.code == .storageFailure)
        }
        #expect(base.recordCount(in: tenant) == 2)
        #expect(try await base.fetch(TestTally.self, id: tally.id, in: tenant)?.version == 1)
        let pending = try await base.outboxEntries(status: .pending, in: tenant, after: nil, limit: 10)
        #expect(pending.map(\.event.id) == [event.id])
    }

    @Test("an injected conflict names the first changed record and writes nothing")
    func injectedConflict() async throws {
        store.script(.conflict, for: .commit)
        let (transaction, tally, _) = batch()
        do {
            _ = try await store.commit(transaction, in: tenant)
            Issue.record("the commit should conflict")
        } catch let error as CoreError {
            #expect(error.code == .versionConflict)
            #expect(error.recordID == tally.id)
            #expect(error.recordType == TestTally.recordType.name)
        }
        #expect(base.recordCount(in: tenant) == 0)
    }

    @Test("scripted faults apply to consecutive calls in order, then calls pass through")
    func scriptedQueue() async throws {
        store.script(.failBefore, .conflict, for: .commit)
        for _ in 0..<2 {
            await #expect(throws: CoreError.self) { _ = try await store.commit(batch().0, in: tenant) }
        }
        _ = try await store.commit(batch().0, in: tenant)
        #expect(base.recordCount(in: tenant) == 2)
        #expect(store.injectedFaults.map(\.description) == ["commit#1: failBefore", "commit#2: conflict"])
        #expect(store.callCount(of: .commit) == 3)
    }

    @Test("a delayed commit waits for the manual clock")
    func delayWaitsForClock() async throws {
        store.script(.delay(.seconds(5)), for: .commit)
        let (transaction, _, _) = batch()
        let (store, tenant) = (self.store, self.tenant)
        async let receipt = store.commit(transaction, in: tenant)
        await clock.waitForSleepers(count: 1)
        #expect(base.recordCount(in: tenant) == 0)
        clock.advance(by: .seconds(5))
        #expect(try await receipt.versions == [1, 1])
        #expect(base.recordCount(in: tenant) == 2)
    }

    @Test("a gated read waits until the gate opens")
    func gateHoldsCall() async throws {
        let gate = FaultGate()
        store.script(.wait(gate), for: .fetch)
        let (transaction, tally, _) = batch()
        _ = try await base.commit(transaction, in: tenant)
        let (store, tenant) = (self.store, self.tenant)
        async let read = store.fetch(TestTally.self, id: tally.id, in: tenant)
        await gate.waitForArrivals(1)
        gate.open()
        #expect(try await read?.version == 1)
    }

    @Test("random faults from the same seed are injected identically")
    func randomFaultsAreReproducible() async throws {
        func run(seed: UInt64) async throws -> [String] {
            let store = FaultInjectingRecordStore(wrapping: InMemoryRecordStore())
            store.injectRandomly(
                [.failBefore, .failAfter], probability: 0.3, into: [.commit],
                random: SeededRandomSource(seed: seed))
            for _ in 0..<40 { _ = try? await store.commit(batch().0, in: tenant) }
            return store.injectedFaults.map(\.description)
        }
        let first = try await run(seed: 99)
        #expect(first == (try await run(seed: 99)))
        #expect(!first.isEmpty && first.count < 40)
    }

    @Test("outbox and idempotency calls can fail after taking effect")
    func failAfterOnOtherOperations() async throws {
        let (transaction, _, event) = batch()
        _ = try await store.commit(transaction, in: tenant)
        store.script(.failAfter, for: .claimOutboxEntries)
        await #expect(throws: CoreError.self) {
            _ = try await store.claimOutboxEntries(
                limit: 5, claimant: "relay", now: clock.now(), leaseDuration: .seconds(30))
        }
        let again = try await store.claimOutboxEntries(
            limit: 5, claimant: "other", now: clock.now(), leaseDuration: .seconds(30))
        #expect(again.isEmpty, "the lost claim still holds its lease")
        let later = try await store.claimOutboxEntries(
            limit: 5, claimant: "other", now: clock.now().addingTimeInterval(30), leaseDuration: .seconds(30))
        #expect(later.map(\.event.id) == [event.id])
    }
}
