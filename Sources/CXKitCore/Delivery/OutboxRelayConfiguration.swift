/// How an ``OutboxRelay`` claims and paces its work.
///
/// The defaults suit one relay per process: batches of 256 entries, a 60 s lease, a 1 s
/// poll when the outbox is idle and the standard ``RetryPolicy``. Run several relays against
/// one store only with distinct ``claimant`` names: leases, acknowledgements and failure
/// reports are matched by claimant.
public struct OutboxRelayConfiguration: Sendable, Hashable {
    /// The largest accepted ``batchSize``.
    public static let maximumBatchSize = 10_000
    /// The longest accepted ``leaseDuration`` (one day).
    public static let maximumLeaseDuration: Duration = .seconds(86_400)
    /// The longest accepted ``idlePollInterval`` (one hour).
    public static let maximumIdlePollInterval: Duration = .seconds(3_600)
    /// The longest accepted ``claimant`` name, in UTF-8 bytes.
    public static let maximumClaimantLength = 128

    /// How many outbox entries one round claims and hands to the sinks (1 ... 10 000).
    public var batchSize: Int
    /// How long a claimed batch stays reserved for this relay. It must exceed the time the
    /// slowest sink needs for a batch: when it runs out, another relay (or this one after a
    /// restart) claims the entries again and they are delivered twice.
    public var leaseDuration: Duration
    /// How long ``OutboxRelay/run()`` waits before claiming again after a round found nothing
    /// due.
    public var idlePollInterval: Duration
    /// Backoff and dead-lettering of failed deliveries.
    public var retryPolicy: RetryPolicy
    /// The name this relay leases entries under; unique per running relay.
    public var claimant: String

    /// Creates a configuration. Values are checked by ``validate()``, which
    /// ``OutboxRelay/init(store:sinks:clock:random:configuration:)`` calls.
    ///
    /// - Parameters:
    ///   - batchSize: Entries per round.
    ///   - leaseDuration: How long a claim lasts.
    ///   - idlePollInterval: The wait after an empty round.
    ///   - retryPolicy: Backoff and dead-lettering.
    ///   - claimant: The relay's lease name.
    public init(
        batchSize: Int = 256, leaseDuration: Duration = .seconds(60),
        idlePollInterval: Duration = .seconds(1),
        retryPolicy: RetryPolicy = .standard, claimant: String = "cxkit.outbox-relay"
    ) {
        self.batchSize = batchSize
        self.leaseDuration = leaseDuration
        self.idlePollInterval = idlePollInterval
        self.retryPolicy = retryPolicy
        self.claimant = claimant
    }

    /// Checks every value.
    ///
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` naming `batchSize`,
    ///   `leaseDuration`, `idlePollInterval` or `claimant` when that value is out of range.
    public func validate() throws(CoreError) {
        guard (1...Self.maximumBatchSize).contains(batchSize) else {
            throw CoreError.validation(
                field: "batchSize", reason: "must be between 1 and \(Self.maximumBatchSize)")
        }
        guard leaseDuration > .zero, leaseDuration <= Self.maximumLeaseDuration else {
            throw CoreError.validation(field: "leaseDuration", reason: "must be positive and at most 1 day")
        }
        guard idlePollInterval > .zero, idlePollInterval <= Self.maximumIdlePollInterval else {
            throw CoreError.validation(
                field: "idlePollInterval", reason: "must be positive and at most 1 hour")
        }
        guard !claimant.isEmpty, claimant.utf8.count <= Self.maximumClaimantLength else {
            throw CoreError.validation(
                field: "claimant",
                reason: "must be between 1 and \(Self.maximumClaimantLength) characters")
        }
    }
}
