import Foundation

/// Runs operations that clients may resend under an idempotency key, with Stripe
/// semantics: a replay of the same request returns the stored result without running the
/// operation again, the same key with a different request is refused
/// (``ErrorCode/idempotencyKeyReused``), and a duplicate sent while the first is still
/// running is refused (``ErrorCode/idempotencyKeyInFlight``). Keys live 24 hours by
/// default.
///
/// The operation returns the transaction it wants to commit and its result; the executor
/// attaches the ``IdempotencyCompletion`` to that transaction, so the result is stored in
/// the same atomic commit as the state change.
///
/// ```swift
/// let outcome = try await executor.run(scope, request: command, in: tenant) {
///     var transaction = StoreTransaction()
///     transaction.insert(request)
///     return (transaction, RequestCreated(id: request.id))
/// }
/// ```
public struct IdempotentExecutor: Sendable {
    /// The store holding the keys and receiving the commits.
    public let store: any RecordStore
    /// The clock that timestamps claims and expiry.
    public let clock: any TimestampSource
    /// How long a completed key is remembered.
    public let timeToLive: Duration
    /// How long a claim blocks duplicates when its request never completes.
    public let leaseDuration: Duration

    /// The longest key accepted, in characters.
    public static let maximumKeyLength = 255

    /// Creates an executor.
    ///
    /// - Parameters:
    ///   - store: The store holding the keys.
    ///   - clock: The clock for claims and expiry.
    ///   - timeToLive: How long keys are remembered; defaults to 24 hours.
    ///   - leaseDuration: How long an unfinished claim blocks duplicates; defaults to 60 s.
    public init(
        store: any RecordStore, clock: any TimestampSource, timeToLive: Duration = .seconds(86_400),
        leaseDuration: Duration = .seconds(60)
    ) {
        self.store = store
        self.clock = clock
        self.timeToLive = timeToLive
        self.leaseDuration = leaseDuration
    }

    /// Runs `body` once per idempotency key and request, fingerprinting `request` with
    /// ``RequestFingerprint``.
    ///
    /// - Parameters:
    ///   - scope: The principal, operation and client key.
    ///   - request: The request, fingerprinted to detect key reuse.
    ///   - tenant: The tenant.
    ///   - isolation: The caller's actor, inherited so `body` needs not be `Sendable`.
    ///   - body: Builds the transaction and the result; runs only when the key is new.
    /// - Returns: The result and whether it was replayed.
    /// - Throws: What ``run(_:fingerprint:in:isolation:_:)`` throws, and
    ///   ``ErrorCode/validationFailed`` naming `request` when it cannot be encoded.
    public func run<Request: Encodable, Result: Codable & Sendable>(
        _ scope: IdempotencyScope, request: Request, in tenant: TenantID,
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> (StoreTransaction, Result)
    ) async throws -> IdempotentResult<Result> {
        try Self.validate(scope)
        let fingerprint = try RequestFingerprint.of(request)
        return try await run(scope, fingerprint: fingerprint, in: tenant, body)
    }

    /// Runs `body` once per idempotency key and request fingerprint.
    ///
    /// When `body` throws, or the commit fails with anything but
    /// ``ErrorCode/storageFailure``, nothing was saved and the key is released so the client
    /// may retry. After a storage failure of the commit the outcome is unknown, so the key
    /// stays claimed until its lease ends; a retry after that sees the stored result or
    /// runs anew.
    ///
    /// - Parameters:
    ///   - scope: The principal, operation and client key.
    ///   - fingerprint: A hash of the request (see ``RequestFingerprint``).
    ///   - tenant: The tenant.
    ///   - isolation: The caller's actor, inherited so `body` needs not be `Sendable`.
    ///   - body: Builds the transaction and the result; runs only when the key is new.
    /// - Returns: The result and whether it was replayed.
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` naming `idempotencyKey`
    ///   for an empty or over-long key; ``ErrorCode/idempotencyKeyReused`` naming
    ///   `idempotencyKey` when the key was used for another request;
    ///   ``ErrorCode/idempotencyKeyInFlight`` while the first request still runs;
    ///   ``ErrorCode/storageFailure`` when a stored result no longer decodes as `Result`;
    ///   and whatever `body` or the store throws.
    public func run<Result: Codable & Sendable>(
        _ scope: IdempotencyScope, fingerprint: String, in tenant: TenantID,
        isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> (StoreTransaction, Result)
    ) async throws -> IdempotentResult<Result> {
        try Self.validate(scope)
        let now = clock.now()
        let expiresAt = now.addingTimeInterval(Self.seconds(timeToLive))
        let claim = try await store.claimIdempotencyKey(
            scope, fingerprint: fingerprint, in: tenant, now: now,
            leaseUntil: now.addingTimeInterval(Self.seconds(leaseDuration)), expiresAt: expiresAt)
        if case .existing(let record) = claim {
            return try Self.replay(record, fingerprint: fingerprint)
        }
        var transaction: StoreTransaction
        let result: Result
        do {
            (transaction, result) = try await body()
        } catch {
            try? await store.releaseIdempotencyKey(scope, in: tenant)
            throw error
        }
        transaction.idempotency = IdempotencyCompletion(
            scope: scope, fingerprint: fingerprint, result: Payload(result), completedAt: clock.now(),
            expiresAt: expiresAt)
        do {
            _ = try await store.commit(transaction, in: tenant)
        } catch {
            // After a storage failure the outcome is unknown: keep the claim until its lease ends.
            if !(ErrorCode.storageFailure ~= error) {
                try? await store.releaseIdempotencyKey(scope, in: tenant)
            }
            throw error
        }
        return IdempotentResult(value: result, isReplay: false)
    }

    /// Checks a scope's key: 1 to ``maximumKeyLength`` characters.
    ///
    /// - Parameter scope: The scope to check.
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` naming `idempotencyKey`.
    public static func validate(_ scope: IdempotencyScope) throws(CoreError) {
        guard !scope.key.isEmpty else {
            throw .validation(field: "idempotencyKey", reason: "must not be empty")
        }
        guard scope.key.count <= maximumKeyLength else {
            throw .validation(
                field: "idempotencyKey", reason: "must be at most \(maximumKeyLength) characters")
        }
    }

    private static func replay<Result: Codable & Sendable>(_ record: IdempotencyRecord, fingerprint: String)
        throws(CoreError) -> IdempotentResult<Result>
    {
        guard record.fingerprint == fingerprint else {
            throw CoreError(
                code: .idempotencyKeyReused, field: "idempotencyKey",
                reason: "was already used for a different request")
        }
        switch record.state {
        case .inProgress:
            throw CoreError(
                code: .idempotencyKeyInFlight, field: "idempotencyKey",
                reason: "a request with this key is still running")
        case .completed(let payload):
            do {
                return IdempotentResult(value: try payload.decode(Result.self), isReplay: true)
            } catch {
                throw CoreError(
                    code: .storageFailure, reason: "the stored result does not decode as the expected type")
            }
        }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let components = duration.components
        return Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
