import CXKitCore
import Foundation

/// A ``TimestampSource`` that only moves when a test tells it to.
///
/// `sleep(until:)` suspends until ``advance(by:)`` or ``advance(to:)`` moves the clock to
/// the deadline or past it, so code that waits (relays, sweeps, backoff) runs
/// deterministically with no real sleeping. ``waitForSleepers(count:)`` lets a test wait
/// until the code under test is parked on the clock before advancing it.
public final class ManualClock: TimestampSource {
    private struct Sleeper {
        let deadline: Date
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Date
        var nextToken: UInt64 = 0
        var sleepers: [UInt64: Sleeper] = [:]
        var sleeperWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state: Locked<State>

    /// Creates a clock that reads `start`.
    ///
    /// - Parameter start: The initial instant; defaults to 2026-01-05T09:00:00Z (a Monday).
    public init(start: Date = Date(timeIntervalSince1970: 1_767_603_600)) {
        self.state = Locked(State(now: start))
    }

    /// The instant the clock reads.
    public func now() -> Date { state.withLock { $0.now } }

    /// How many tasks are currently suspended in ``sleep(until:)``.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// Suspends until the clock is advanced to `deadline` or past it.
    ///
    /// - Parameter deadline: The instant to wait for.
    /// - Throws: `CancellationError` when the task is cancelled while waiting.
    public func sleep(until deadline: Date) async throws {
        try Task.checkCancellation()
        let token = state.withLock { state -> UInt64 in
            state.nextToken += 1
            return state.nextToken
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation {
                (continuation: CheckedContinuation<Void, any Error>) in
                let resume: Bool? = state.withLock { state in
                    if Task.isCancelled { return false }
                    if state.now >= deadline { return true }
                    state.sleepers[token] = Sleeper(deadline: deadline, continuation: continuation)
                    return nil
                }
                switch resume {
                case true?: continuation.resume()
                case false?: continuation.resume(throwing: CancellationError())
                case nil: self.notifySleeperWaiters()
                }
            }
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: token) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock forward and wakes every sleeper whose deadline has come.
    ///
    /// - Parameter duration: How far to move; negative durations are ignored.
    public func advance(by duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        guard seconds > 0 else { return }
        advance(to: now().addingTimeInterval(seconds))
    }

    /// Moves the clock to `instant` (if it is later) and wakes every sleeper whose deadline
    /// has come.
    ///
    /// - Parameter instant: The new reading.
    public func advance(to instant: Date) {
        let due: [Sleeper] = state.withLock { state in
            if instant > state.now { state.now = instant }
            let now = state.now
            let keys = state.sleepers.filter { $0.value.deadline <= now }.map(\.key)
            return keys.compactMap { state.sleepers.removeValue(forKey: $0) }
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Suspends until at least `count` tasks are sleeping on this clock.
    ///
    /// - Parameter count: The number of sleepers to wait for.
    public func waitForSleepers(count: Int = 1) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.sleepers.count >= count { return true }
                state.sleeperWaiters.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    private func notifySleeperWaiters() {
        let ready: [CheckedContinuation<Void, Never>] = state.withLock { state in
            let count = state.sleepers.count
            let (done, waiting) = (
                state.sleeperWaiters.filter { $0.count <= count },
                state.sleeperWaiters.filter { $0.count > count }
            )
            state.sleeperWaiters = waiting
            return done.map(\.continuation)
        }
        for continuation in ready { continuation.resume() }
    }
}
