/// A ``RecordStore`` requirement, as named by ``FaultInjectingRecordStore`` when scripting
/// and reporting faults.
public enum StoreOperation: String, Hashable, Sendable, CaseIterable {
    /// ``RecordStore/fetch(_:id:in:)``.
    case fetch
    /// ``RecordStore/fetch(_:ids:in:)``.
    case fetchMany
    /// ``RecordStore/query(_:in:)``.
    case query
    /// ``RecordStore/commit(_:in:)``.
    case commit
    /// ``RecordStore/enumerateRecords(in:after:limit:)``.
    case enumerateRecords
    /// ``RecordStore/tenants()``.
    case tenants
    /// ``RecordStore/claimOutboxEntries(limit:claimant:now:leaseDuration:)``.
    case claimOutboxEntries
    /// ``RecordStore/acknowledgeOutboxEntries(_:claimant:)``.
    case acknowledgeOutboxEntries
    /// ``RecordStore/recordOutboxFailure(_:claimant:failure:)``.
    case recordOutboxFailure
    /// ``RecordStore/outboxEntries(status:in:after:limit:)``.
    case outboxEntries
    /// ``RecordStore/redriveOutboxEntries(_:in:now:)``.
    case redriveOutboxEntries
    /// ``RecordStore/redactOutboxEntries(_:in:payload:)``.
    case redactOutboxEntries
    /// ``RecordStore/claimIdempotencyKey(_:fingerprint:in:now:leaseUntil:expiresAt:)``.
    case claimIdempotencyKey
    /// ``RecordStore/releaseIdempotencyKey(_:in:)``.
    case releaseIdempotencyKey
    /// ``RecordStore/idempotencyRecord(for:in:)``.
    case idempotencyRecord
    /// ``RecordStore/purgeExpiredIdempotencyRecords(now:)``.
    case purgeExpiredIdempotencyRecords
}
