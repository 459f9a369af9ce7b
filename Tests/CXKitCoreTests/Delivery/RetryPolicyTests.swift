import CXKitCore
import Testing

@Suite("RetryPolicy")
struct RetryPolicyTests {
    @Test("defaults are base 1 s, cap 1 h and 8 attempts")
    func defaults() throws {
        let policy = try RetryPolicy()
        #expect(policy == RetryPolicy.standard)
        #expect(policy.base == .seconds(1))
        #expect(policy.cap == .seconds(3_600))
        #expect(policy.maxAttempts == 8)
    }

    @Test("the ceiling doubles from the base and stops at the cap")
    func ceilingDoublesUpToCap() {
        let policy = RetryPolicy.standard
        #expect(policy.delayCeiling(afterAttempt: 0) == .seconds(1))
        #expect(policy.delayCeiling(afterAttempt: 1) == .seconds(2))
        #expect(policy.delayCeiling(afterAttempt: 7) == .seconds(128))
        #expect(policy.delayCeiling(afterAttempt: 11) == .seconds(2_048))
        #expect(policy.delayCeiling(afterAttempt: 12) == .seconds(3_600))
        #expect(policy.delayCeiling(afterAttempt: -3) == .seconds(1))
    }

    @Test("huge attempt numbers do not overflow and give the cap")
    func hugeAttemptsGiveCap() {
        let policy = RetryPolicy.standard
        for attempt in [33, 62, 63, 64, 65, 1_000, Int.max] {
            #expect(policy.delayCeiling(afterAttempt: attempt) == .seconds(3_600))
            let delay = policy.delay(afterAttempt: attempt, using: SeededRandomSource(seed: 1))
            #expect(delay >= .zero && delay <= .seconds(3_600))
        }
    }

    @Test("full jitter stays within zero and min(cap, base times 2^n)")
    func jitterWithinBounds() throws {
        let policy = try RetryPolicy(base: .milliseconds(100), cap: .seconds(10), maxAttempts: 20)
        let random = SeededRandomSource(seed: 42)
        for attempt in 0..<20 {
            let ceiling = policy.delayCeiling(afterAttempt: attempt)
            #expect(ceiling == min(.seconds(10), .milliseconds(100) * (1 << attempt)))
            for _ in 0..<200 {
                let delay = policy.delay(afterAttempt: attempt, using: random)
                #expect(delay >= .zero)
                #expect(delay <= ceiling)
            }
        }
    }

    @Test("the jittered schedule replays exactly for a fixed seed")
    func scheduleReplaysForSeed() {
        let policy = RetryPolicy.standard
        func schedule(seed: UInt64) -> [Duration] {
            let random = SeededRandomSource(seed: seed)
            return (0..<policy.maxAttempts).map { policy.delay(afterAttempt: $0, using: random) }
        }
        #expect(schedule(seed: 7) == schedule(seed: 7))
        #expect(schedule(seed: 7) != schedule(seed: 8))
    }

    @Test("an entry is exhausted after maxAttempts failures")
    func exhaustion() throws {
        let policy = try RetryPolicy(maxAttempts: 3)
        #expect(!policy.isExhausted(afterFailedAttempts: 2))
        #expect(policy.isExhausted(afterFailedAttempts: 3))
    }

    @Test("a non-positive base is rejected naming base")
    func rejectsBadBase() {
        for base in [Duration.zero, .seconds(-1), .seconds(40 * 86_400), .nanoseconds(1) / 10] {
            #expect {
                try RetryPolicy(base: base)
            } throws: { error in
                (error as? CoreError)?.code == .validationFailed && (error as? CoreError)?.field == "base"
            }
        }
    }

    @Test("a cap below the base or above 30 days is rejected naming cap")
    func rejectsBadCap() {
        for cap in [Duration.milliseconds(500), .seconds(31 * 86_400)] {
            #expect {
                try RetryPolicy(base: .seconds(1), cap: cap)
            } throws: { error in
                (error as? CoreError)?.code == .validationFailed && (error as? CoreError)?.field == "cap"
            }
        }
    }

    @Test("maxAttempts outside 1 ... 10 000 is rejected naming maxAttempts")
    func rejectsBadMaxAttempts() {
        for attempts in [0, -1, 10_001] {
            #expect {
                try RetryPolicy(maxAttempts: attempts)
            } throws: { error in
                (error as? CoreError)?.code == .validationFailed
                    && (error as? CoreError)?.field == "maxAttempts"
            }
        }
    }
}
