#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// State guarded by a lock: the one synchronisation primitive CXKit's in-memory adapters
/// and doubles use.
///
/// It offers `Mutex`'s `withLock` shape. On Linux it is built on `pthread_mutex_t`
/// rather than `Synchronization.Mutex`, whose futex-based lock ThreadSanitizer cannot see
/// on this platform (every guarded access would be reported as a race, hiding real ones).
/// On Apple platforms it uses `os_unfair_lock`, which ThreadSanitizer understands.
///
/// Never hold it across an `await`: `withLock` takes a synchronous closure.
@usableFromInline
package final class Locked<State>: @unchecked Sendable {
    // The state is only read or written between lock() and unlock(), which is what makes
    // the unchecked Sendable conformance sound. The mutex already makes every access
    // exclusive (and `body` must not re-enter), so the runtime's dynamic exclusivity check
    // on each access would only add cost.
    @usableFromInline @exclusivity(unchecked) internal var state: State
    #if canImport(Darwin)
        @usableFromInline internal let lock: UnsafeMutablePointer<os_unfair_lock>
    #else
        @usableFromInline internal let lock: UnsafeMutablePointer<pthread_mutex_t>
    #endif

    /// Creates a lock guarding `initialState`.
    ///
    /// - Parameter initialState: The state to guard.
    package init(_ initialState: State) {
        state = initialState
        #if canImport(Darwin)
            lock = UnsafeMutablePointer.allocate(capacity: 1)
            lock.initialize(to: os_unfair_lock())
        #else
            lock = UnsafeMutablePointer.allocate(capacity: 1)
            lock.initialize(to: pthread_mutex_t())
            pthread_mutex_init(lock, nil)
        #endif
    }

    deinit {
        #if !canImport(Darwin)
            pthread_mutex_destroy(lock)
        #endif
        lock.deinitialize(count: 1)
        lock.deallocate()
    }

    /// Runs `body` with exclusive access to the state.
    ///
    /// - Parameter body: Reads or changes the state; must not suspend or re-enter the lock.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws; the lock is released either way.
    @inlinable @inline(__always)
    package func withLock<Result, Failure: Error>(
        _ body: (inout State) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        #if canImport(Darwin)
            os_unfair_lock_lock(lock)
            defer { os_unfair_lock_unlock(lock) }
        #else
            pthread_mutex_lock(lock)
            defer { pthread_mutex_unlock(lock) }
        #endif
        return try body(&state)
    }
}
