import CXKitCore
import Foundation
import Testing

@Suite("retryingOnConflict")
struct RetryingOnConflictTests {
    let store = InMemoryRecordStore()
    let tenant: TenantID

    init() throws { tenant = try TenantID("acme") }

    /// Increments with the default five attempts; when all five conflict (possible under
    /// heavy contention) starts over, so every increment lands exactly once.
    private func increment(_ id: Identifier, store: InMemoryRecordStore, tenant: TenantID) async throws {
        for _ in 0..<1000 {
            do {
                try await incrementOnce(id, store: store, tenant: tenant)
                return
            } catch ErrorCode.versionConflict {
                continue
            }
        }
        throw CoreError(code: .versionConflict, reason: "starved")
    }

    private func incrementOnce(_ id: Identifier, store: InMemoryRecordStore, tenant: TenantID) async throws {
        try await retryingOnConflict {
            guard let current = try await store.fetch(TestTally.self, id: id, in: tenant) else {
                throw CoreError(code: .notFound, reason: "tally missing")
            }
            var transaction = StoreTransaction()
            transaction.update(
                TestTally(id: id, value: current.record.value + 1), expectedVersion: current.version)
            _ = try await store.commit(transaction, in: tenant)
        }
    }

    @Test("8 tasks × 200 increments on one record lose no update")
    func noLostUpdates() async throws {
        let id = seededIdentifiers(3).nextIdentifier()
        var setup = StoreTransaction()
        setup.insert(TestTally(id: id, value: 0))
        _ = try await store.commit(setup, in: tenant)
        let (store, tenant) = (self.store, self.tenant)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<200 { try await increment(id, store: store, tenant: tenant) }
                }
            }
            try await group.waitForAll()
        }
        let final = try await store.fetch(TestTally.self, id: id, in: tenant)
        #expect(final?.record.value == 1600)
        #expect(final?.version == 1601)
    }

    @Test("gives up after maxAttempts conflicts and rethrows the conflict")
    func givesUp() async throws {
        let attempts = Locked(0)
        await #expect(throws: CoreError(code: .versionConflict, reason: "stale")) {
            try await retryingOnConflict(maxAttempts: 3) {
                attempts.withLock { $0 += 1 }
                throw CoreError(code: .versionConflict, reason: "stale")
            }
        }
        #expect(attempts.withLock { $0 } == 3)
    }

    @Test("other errors surface at once")
    func otherErrorsSurface() async throws {
        let attempts = Locked(0)
        await #expect(throws: CoreError.self) {
            try await retryingOnConflict {
                attempts.withLock { $0 += 1 }
                throw CoreError(code: .notFound, reason: "missing")
            }
        }
        #expect(attempts.withLock { $0 } == 1)
    }

    @Test("a conflict followed by success returns the success, sleeping on the injected clock")
    func retriesWithBackoff() async throws {
        let attempts = Locked(0)
        let backoff = ConflictBackoff(clock: FixedTimestamps(), random: SeededRandomSource(seed: 1))
        let value = try await retryingOnConflict(backoff: backoff) {
            let attempt = attempts.withLock { state -> Int in
                state += 1
                return state
            }
            if attempt < 3 { throw CoreError(code: .versionConflict, reason: "stale") }
            return attempt
        }
        #expect(value == 3)
    }

    @Test("backoff delays are jittered below the capped exponential ceiling")
    func backoffDelays() {
        let backoff = ConflictBackoff(
            clock: FixedTimestamps(), random: SeededRandomSource(seed: 9), base: .milliseconds(10),
            cap: .milliseconds(50))
        for retry in 1...8 {
            let ceiling = min(0.05, 0.01 * pow(2, Double(retry - 1)))
            let delay = backoff.delay(beforeRetry: retry)
            #expect(delay >= 0 && delay < ceiling, "retry \(retry): \(delay)")
        }
    }

    @Test("maxAttempts outside 1 ... 100 is rejected naming maxAttempts", arguments: [0, 101])
    func badMaxAttempts(maxAttempts: Int) async {
        await #expect(
            throws: CoreError(
                code: .validationFailed, field: "maxAttempts", reason: "must be between 1 and 100")
        ) {
            try await retryingOnConflict(maxAttempts: maxAttempts) {}
        }
    }
}
