import Foundation

/// How ``retryingOnConflict(maxAttempts:backoff:isolation:operation:)`` waits between
/// attempts: capped exponential backoff with full jitter, slept on an injected clock.
///
/// Attempt `n` (from 1) waits a uniformly random duration in `0 ..< min(cap, base × 2ⁿ⁻¹)`.
/// Pass no backoff to retry at once, which suits in-memory stores where a conflict only
/// means another task committed first.
public struct ConflictBackoff: Sendable {
    /// The clock to sleep on.
    public let clock: any TimestampSource
    /// Where the jitter comes from.
    public let random: any RandomSource
    /// The first attempt's largest delay.
    public let base: Duration
    /// The largest delay of any attempt.
    public let cap: Duration

    /// Creates a backoff.
    ///
    /// - Parameters:
    ///   - clock: The clock to sleep on.
    ///   - random: Where the jitter comes from.
    ///   - base: The first retry's largest delay; defaults to 5 ms.
    ///   - cap: The largest delay; defaults to 200 ms.
    public init(
        clock: any TimestampSource, random: any RandomSource, base: Duration = .milliseconds(5),
        cap: Duration = .milliseconds(200)
    ) {
        self.clock = clock
        self.random = random
        self.base = base
        self.cap = cap
    }

    /// The delay before retry number `retry` (from 1), in seconds.
    ///
    /// - Parameter retry: Which retry is about to run.
    /// - Returns: A jittered delay in `0 ..< min(cap, base × 2^(retry - 1))` seconds.
    public func delay(beforeRetry retry: Int) -> TimeInterval {
        let base = Self.seconds(self.base)
        let cap = Self.seconds(self.cap)
        let exponent = Double(max(0, min(retry - 1, 30)))
        let ceiling = min(cap, base * pow(2, exponent))
        guard ceiling > 0 else { return 0 }
        return ceiling * random.nextUnitInterval()
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let components = duration.components
        return Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
