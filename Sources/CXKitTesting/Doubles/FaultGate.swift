import CXKitCore

/// A gate that holds every ``wait()`` until a test opens it: lets a test hold a store call (or any
/// async step) at a known point, look at the world, then let it go.
public final class FaultGate: Sendable {
    private struct State {
        var isOpen = false
        var waiters: [CheckedContinuation<Void, Never>] = []
        var arrivals = 0
        var arrivalWatchers: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Locked(State())

    /// Creates a closed gate.
    public init() {}

    /// How many calls have reached the gate so far (waiting or let through).
    public var arrivals: Int { state.withLock { $0.arrivals } }

    /// Suspends until the gate is open (returns at once when it already is).
    public func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let (passes, watchers) = state.withLock { state -> (Bool, [CheckedContinuation<Void, Never>]) in
                state.arrivals += 1
                let arrivals = state.arrivals
                let ready = state.arrivalWatchers.filter { $0.count <= arrivals }.map(\.continuation)
                state.arrivalWatchers.removeAll { $0.count <= arrivals }
                if state.isOpen { return (true, ready) }
                state.waiters.append(continuation)
                return (false, ready)
            }
            for watcher in watchers { watcher.resume() }
            if passes { continuation.resume() }
        }
    }

    /// Opens the gate for good, releasing every waiting call.
    public func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.isOpen = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Suspends until at least `count` calls have reached the gate.
    ///
    /// - Parameter count: The number of arrivals to wait for.
    public func waitForArrivals(_ count: Int = 1) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.arrivals >= count { return true }
                state.arrivalWatchers.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }
}
