/// When the ``OutboxRelay`` tries a failed delivery again, and when it gives up.
///
/// Capped exponential backoff with full jitter (AWS "Exponential Backoff and Jitter"): after
/// the attempt with zero-based index `n` fails, the next one waits a uniformly random delay
/// in `0 ... min(cap, base · 2ⁿ)`, drawn from an injected ``RandomSource`` so a seeded run
/// replays the same schedule. After ``maxAttempts`` failed attempts the entry is
/// dead-lettered with its last error and waits for a redrive.
///
/// With the defaults (base 1 s, cap 1 h, 8 attempts) the seven waits between the eight
/// attempts add up to at most 127 s (about 64 s on average) before an entry is
/// dead-lettered. To ride out longer outages raise ``maxAttempts``: 20 attempts spread the
/// retries over up to about 8 hours, because each wait is capped at 1 h once the ceiling
/// reaches it.
public struct RetryPolicy: Sendable, Hashable {
    /// The largest cap a policy accepts (30 days).
    public static let maximumCap: Duration = .seconds(30 * 86_400)

    /// The largest number of attempts a policy accepts.
    public static let maximumAttemptsLimit = 10_000

    /// The default policy: base 1 s, cap 1 h, dead-letter after 8 failed attempts.
    public static let standard = RetryPolicy(
        validatedBase: .seconds(1), cap: .seconds(3_600), maxAttempts: 8)

    /// The delay ceiling after the first failed attempt; it doubles with every further one.
    public let base: Duration
    /// The largest delay ceiling.
    public let cap: Duration
    /// How many failed attempts dead-letter an entry.
    public let maxAttempts: Int

    private let baseNanoseconds: UInt64
    private let capNanoseconds: UInt64

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - base: The delay ceiling after the first failure; at least 1 ns.
    ///   - cap: The largest delay ceiling; at least `base`, at most ``maximumCap``.
    ///   - maxAttempts: Failed attempts before dead-lettering; 1 ... ``maximumAttemptsLimit``.
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` naming `base`, `cap` or
    ///   `maxAttempts` when a value is out of range.
    public init(base: Duration = .seconds(1), cap: Duration = .seconds(3_600), maxAttempts: Int = 8)
        throws(CoreError)
    {
        guard base > .zero, base <= Self.maximumCap else {
            throw CoreError.validation(field: "base", reason: "must be positive and at most 30 days")
        }
        guard Self.nanoseconds(of: base) > 0 else {
            throw CoreError.validation(field: "base", reason: "must be at least 1 nanosecond")
        }
        guard cap >= base, cap <= Self.maximumCap else {
            throw CoreError.validation(field: "cap", reason: "must be at least base and at most 30 days")
        }
        guard (1...Self.maximumAttemptsLimit).contains(maxAttempts) else {
            throw CoreError.validation(
                field: "maxAttempts", reason: "must be between 1 and \(Self.maximumAttemptsLimit)")
        }
        self.init(validatedBase: base, cap: cap, maxAttempts: maxAttempts)
    }

    private init(validatedBase base: Duration, cap: Duration, maxAttempts: Int) {
        self.base = base
        self.cap = cap
        self.maxAttempts = maxAttempts
        self.baseNanoseconds = Self.nanoseconds(of: base)
        self.capNanoseconds = Self.nanoseconds(of: cap)
    }

    /// The upper bound of the delay after the attempt with zero-based index `attempt`
    /// failed: `min(cap, base · 2^attempt)`, computed without overflow for any `attempt`.
    ///
    /// - Parameter attempt: The zero-based index of the failed attempt (the number of
    ///   attempts that had failed before it); negative values count as 0.
    /// - Returns: The ceiling.
    public func delayCeiling(afterAttempt attempt: Int) -> Duration {
        .nanoseconds(Int64(ceilingNanoseconds(afterAttempt: attempt)))
    }

    /// A full-jitter delay after the attempt with zero-based index `attempt` failed: uniform
    /// in `0 ... delayCeiling(afterAttempt: attempt)`, at nanosecond resolution.
    ///
    /// - Parameters:
    ///   - attempt: The zero-based index of the failed attempt; negative values count as 0.
    ///   - random: The random source; a seeded source replays the same delays.
    /// - Returns: The delay.
    public func delay(afterAttempt attempt: Int, using random: any RandomSource) -> Duration {
        let ceiling = ceilingNanoseconds(afterAttempt: attempt)
        return .nanoseconds(Int64(random.next(below: ceiling + 1)))
    }

    /// Whether an entry with `failedAttempts` failed attempts is dead-lettered.
    ///
    /// - Parameter failedAttempts: The number of failed attempts, counting the latest.
    /// - Returns: `true` when no attempt is left.
    public func isExhausted(afterFailedAttempts failedAttempts: Int) -> Bool {
        failedAttempts >= maxAttempts
    }

    private func ceilingNanoseconds(afterAttempt attempt: Int) -> UInt64 {
        guard attempt > 0 else { return baseNanoseconds }
        guard attempt < UInt64.bitWidth else { return capNanoseconds }
        let (scaled, overflow) = baseNanoseconds.multipliedReportingOverflow(by: 1 << UInt64(attempt))
        return overflow ? capNanoseconds : min(capNanoseconds, scaled)
    }

    /// Whole nanoseconds of a non-negative duration no longer than ``maximumCap``.
    private static func nanoseconds(of duration: Duration) -> UInt64 {
        let components = duration.components
        guard components.seconds >= 0 else { return 0 }
        return UInt64(components.seconds) * 1_000_000_000 + UInt64(components.attoseconds / 1_000_000_000)
    }
}
