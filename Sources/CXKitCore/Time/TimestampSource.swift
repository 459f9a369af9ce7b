import Foundation

/// The wall clock CXKit reads: every service, relay and sweep asks an injected
/// `TimestampSource` for "now" and waits through it, so tests can drive time by hand
/// (see `ManualClock` in CXKitTesting) and nothing in the library calls `Date()` itself.
public protocol TimestampSource: Sendable {
    /// The current instant.
    func now() -> Date

    /// Suspends until the clock reads `deadline` or later.
    ///
    /// - Parameter deadline: The instant to wait for; a past instant returns at once.
    /// - Throws: `CancellationError` when the calling task is cancelled while waiting.
    func sleep(until deadline: Date) async throws
}

/// The system wall clock; the production default.
public struct SystemTimestampSource: TimestampSource {
    /// Creates the system clock.
    public init() {}

    /// Returns `Date()`.
    public func now() -> Date { Date() }

    /// Sleeps with `Task.sleep` until `deadline`.
    ///
    /// - Throws: `CancellationError` when the task is cancelled.
    public func sleep(until deadline: Date) async throws {
        let interval = deadline.timeIntervalSinceNow
        if interval > 0 {
            try await Task.sleep(for: .nanoseconds(Int64(interval * 1_000_000_000)))
        } else {
            try Task.checkCancellation()
        }
    }
}
