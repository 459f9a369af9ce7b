import CXKitCore
import CXKitTesting
import Foundation
import Synchronization
import Testing

@Suite("IdempotentExecutor")
struct IdempotentExecutorTests {
    struct SubmitReturn: Codable, Sendable, Equatable {
        var order: String
        var quantity: Int
    }

    struct Created: Codable, Sendable, Equatable {
        var id: Identifier
    }

    let store = InMemoryRecordStore()
    let clock = ManualClock()
    let ids = seededIdentifiers(21)
    let tenant: TenantID
    let executor: IdempotentExecutor
    let scope = IdempotencyScope(
        principal: Identifier(high: 9, low: 9), operation: "returns.submit", key: "k-1")

    init() throws {
        tenant = try TenantID("acme")
        executor = IdempotentExecutor(store: store, clock: clock)
    }

    /// Runs the executor once: inserts a tally and returns its identifier.
    private func submit(_ request: SubmitReturn, scope: IdempotencyScope? = nil, runs: RunTally? = nil)
        async throws -> IdempotentResult<Created>
    {
        let id = ids.nextIdentifier()
        return try await executor.run(scope ?? self.scope, request: request, in: tenant) {
            runs?.increment()
            var transaction = StoreTransaction()
            transaction.insert(TestTally(id: id, value: request.quantity))
            return (transaction, Created(id: id))
        }
    }

    @Test("a replay returns the original result and the operation runs once")
    func replayReturnsStoredResult() async throws {
        let runs = RunTally()
        let request = SubmitReturn(order: "o-1", quantity: 2)
        let first = try await submit(request, runs: runs)
        let second = try await submit(request, runs: runs)
        #expect(!first.isReplay)
        #expect(second.isReplay)
        #expect(second.value == first.value)
        #expect(runs.value == 1)
        #expect(store.recordCount(of: TestTally.self, in: tenant) == 1)
    }

    @Test("the same key with a different request is refused as reused")
    func differentRequestIsReused() async throws {
        _ = try await submit(SubmitReturn(order: "o-1", quantity: 2))
        await #expect(
            throws: CoreError(
                code: .idempotencyKeyReused, field: "idempotencyKey",
                reason: "was already used for a different request")
        ) {
            _ = try await submit(SubmitReturn(order: "o-1", quantity: 3))
        }
        #expect(store.recordCount(of: TestTally.self, in: tenant) == 1)
    }

    @Test("a concurrent duplicate is refused while the first runs, and exactly one executes")
    func concurrentDuplicateIsInFlight() async throws {
        let gate = FaultGate()
        let runs = RunTally()
        let request = SubmitReturn(order: "o-1", quantity: 1)
        let executor = self.executor
        let scope = self.scope
        let tenant = self.tenant
        let id = ids.nextIdentifier()
        async let first = executor.run(scope, request: request, in: tenant) {
            runs.increment()
            await gate.wait()
            var transaction = StoreTransaction()
            transaction.insert(TestTally(id: id, value: 1))
            return (transaction, Created(id: id))
        }
        await gate.waitForArrivals(1)
        do {
            _ = try await submit(request, runs: runs)
            Issue.record("the duplicate should have been refused")
        } catch let error as CoreError {
            #expect(error.code == .idempotencyKeyInFlight)
            #expect(error.field == "idempotencyKey")
        }
        gate.open()
        let result = try await first
        #expect(!result.isReplay)
        #expect(runs.value == 1)
        #expect(store.recordCount(of: TestTally.self, in: tenant) == 1)
    }

    @Test("keys are remembered for 24 hours and run anew at expiry")
    func expiryAfterTwentyFourHours() async throws {
        let runs = RunTally()
        let request = SubmitReturn(order: "o-1", quantity: 1)
        _ = try await submit(request, runs: runs)
        clock.advance(by: .seconds(86_399))
        #expect(try await submit(request, runs: runs).isReplay)
        clock.advance(by: .seconds(1))
        #expect(try await !submit(request, runs: runs).isReplay)
        #expect(runs.value == 2)
    }

    @Test("an operation that throws before committing releases the key and saves nothing")
    func failureBeforeCommitReleasesKey() async throws {
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            _ = try await executor.run(scope, request: SubmitReturn(order: "o", quantity: 1), in: tenant) {
                () async throws -> (StoreTransaction, Created) in
                throw Refused()
            }
        }
        #expect(try await store.idempotencyRecord(for: scope, in: tenant) == nil)
        #expect(try await !submit(SubmitReturn(order: "o", quantity: 1)).isReplay)
    }

    @Test("a commit that conflicts releases the key")
    func conflictReleasesKey() async throws {
        let existing = TestTally(id: ids.nextIdentifier(), value: 0)
        var setup = StoreTransaction()
        setup.insert(existing)
        _ = try await store.commit(setup, in: tenant)
        await #expect(throws: CoreError.self) {
            _ = try await executor.run(scope, request: SubmitReturn(order: "o", quantity: 1), in: tenant) {
                var transaction = StoreTransaction()
                transaction.update(existing, expectedVersion: 5)
                return (transaction, Created(id: existing.id))
            }
        }
        #expect(try await store.idempotencyRecord(for: scope, in: tenant) == nil)
    }

    @Test("after an ambiguous storage failure a retry replays the committed result")
    func ambiguousFailureThenReplay() async throws {
        let faulty = FaultInjectingRecordStore(wrapping: store)
        faulty.script(.failAfter, for: .commit)
        let executor = IdempotentExecutor(store: faulty, clock: clock)
        let request = SubmitReturn(order: "o", quantity: 4)
        let id = ids.nextIdentifier()
        let body: () async throws -> (StoreTransaction, Created) = {
            var transaction = StoreTransaction()
            transaction.insert(TestTally(id: id, value: 4))
            return (transaction, Created(id: id))
        }
        await #expect(throws: CoreError.self) {
            _ = try await executor.run(scope, request: request, in: tenant, body)
        }
        let retry = try await executor.run(scope, request: request, in: tenant, body)
        #expect(retry.isReplay)
        #expect(retry.value == Created(id: id))
        #expect(store.recordCount(of: TestTally.self, in: tenant) == 1)
    }

    @Test(
        "an empty or over-long key is rejected naming idempotencyKey",
        arguments: ["", String(repeating: "k", count: 256)])
    func badKeysAreRejected(key: String) async throws {
        let scope = IdempotencyScope(principal: Identifier(high: 1, low: 1), operation: "op", key: key)
        do {
            _ = try await submit(SubmitReturn(order: "o", quantity: 1), scope: scope)
            Issue.record("the key should have been rejected")
        } catch let error as CoreError {
            #expect(error.code == .validationFailed)
            #expect(error.field == "idempotencyKey")
        }
    }

    @Test("a 255-character key is accepted")
    func longestKeyIsAccepted() async throws {
        let scope = IdempotencyScope(
            principal: Identifier(high: 1, low: 1), operation: "op", key: String(repeating: "k", count: 255))
        #expect(try await !submit(SubmitReturn(order: "o", quantity: 1), scope: scope).isReplay)
    }

    @Test("fingerprints are stable FNV-1a 128-bit hashes of sorted-key JSON")
    func fingerprints() throws {
        #expect(RequestFingerprint.of(bytes: []) == "6c62272e07bb014262b821756295c58d")
        #expect(RequestFingerprint.of(bytes: Array("a".utf8)) == "d228cb696f1a8caf78912b704e4a8964")
        let a = try RequestFingerprint.of(SubmitReturn(order: "o", quantity: 1))
        #expect(a == (try RequestFingerprint.of(SubmitReturn(order: "o", quantity: 1))))
        #expect(a != (try RequestFingerprint.of(SubmitReturn(order: "o", quantity: 2))))
        #expect(a.count == 32)
        let dictionaryA = try RequestFingerprint.of(["b": 1, "a": 2])
        let dictionaryB = try RequestFingerprint.of(["a": 2, "b": 1])
        #expect(dictionaryA == dictionaryB)
    }
}
