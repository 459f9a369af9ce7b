import Foundation

/// Runs a commutative operation (points accrual, counters, rollups) and re-runs it from
/// scratch when it fails with a version conflict, up to `maxAttempts` times in all.
///
/// The operation must re-read what it changes on every attempt. Use this only where
/// applying the change on top of whatever another writer committed is correct; a state
/// transition (approve, refund, close) must surface the conflict to its caller instead,
/// because the transition was decided on a state that no longer holds.
///
/// ```swift
/// try await retryingOnConflict {
///     let tally = try await store.fetch(Tally.self, id: id, in: tenant)
///     …
///     return try await store.commit(transaction, in: tenant)
/// }
/// ```
///
/// - Parameters:
///   - maxAttempts: How many attempts to make in all (1 ... 100); defaults to 5.
///   - backoff: How to wait between attempts; `nil` (the default) yields to other tasks and
///     retries at once.
///   - isolation: The caller's actor, inherited so the operation needs not be `Sendable`.
///   - operation: The commutative read-modify-commit.
/// - Returns: What the first successful attempt returned.
/// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` naming `maxAttempts` when it
///   is out of range; the last ``ErrorCode/versionConflict`` when every attempt
///   conflicted; any other error of the operation at once; `CancellationError` when the
///   task is cancelled while backing off.
public func retryingOnConflict<Result>(
    maxAttempts: Int = 5, backoff: ConflictBackoff? = nil,
    isolation: isolated (any Actor)? = #isolation,
    operation: () async throws -> Result
) async throws -> Result {
    guard maxAttempts >= 1, maxAttempts <= 100 else {
        throw CoreError.validation(field: "maxAttempts", reason: "must be between 1 and 100")
    }
    var attempt = 1
    while true {
        do {
            return try await operation()
        } catch ErrorCode.versionConflict where attempt < maxAttempts {
            if let backoff {
                let delay = backoff.delay(beforeRetry: attempt)
                try await backoff.clock.sleep(until: backoff.clock.now().addingTimeInterval(delay))
            } else {
                // Let the writer that won run on before trying again.
                await Task.yield()
            }
            attempt += 1
        }
    }
}
