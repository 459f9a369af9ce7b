import CXKitCore
import Foundation

extension RecordStoreConformance {
    /// Idempotency keys: claims, leases, release, completion, expiry and purge.
    public static let idempotency: [RecordStoreConformance] = [
        RecordStoreConformance("idempotency.unknownKeyIsAcquiredInProgress") { c in
            let scope = c.scope()
            let claim = try await c.store.claimIdempotencyKey(
                scope, fingerprint: "fp", in: c.tenant, now: c.base, leaseUntil: c.at(60),
                expiresAt: c.at(86_400))
            guard case .acquired = claim else { try c.expect.fail("an unknown key is acquired") }
            let record = try await c.store.idempotencyRecord(for: scope, in: c.tenant)
            guard case .inProgress(let lease)? = record?.state else {
                try c.expect.fail("the key is in progress")
            }
            try c.expect.expect(lease == c.at(60), "the lease is kept")
            try c.expect.expect(
                record?.createdAt == c.base && record?.expiresAt == c.at(86_400), "instants kept")
        },
        RecordStoreConformance("idempotency.secondClaimSeesTheExistingRecord") { c in
            let scope = c.scope()
            _ = try await c.store.claimIdempotencyKey(
                scope, fingerprint: "fp", in: c.tenant, now: c.base, leaseUntil: c.at(60),
                expiresAt: c.at(86_400))
            let second = try await c.store.claimIdempotencyKey(
                scope, fingerprint: "other", in: c.tenant, now: c.at(1), leaseUntil: c.at(61),
                expiresAt: c.at(86_401))
            guard case .existing(let record) = second else {
                try c.expect.fail("a held key is not acquired twice")
            }
            try c.expect.expect(record.fingerprint == "fp", "the original fingerprint is returned unchanged")
        },
        RecordStoreConformance("idempotency.releaseFreesAnInProgressKey") { c in
            let scope = c.scope()
            _ = try await c.store.claimIdempotencyKey(
                scope, fingerprint: "fp", in: c.tenant, now: c.base, leaseUntil: c.at(60),
                expiresAt: c.at(86_400))
            try await c.store.releaseIdempotencyKey(scope, in: c.tenant)
            try c.expect.expect(
                try await c.store.idempotencyRecord(for: scope, in: c.tenant) == nil, "the claim is dropped")
            let again = try await c.store.claimIdempotencyKey(
                scope, fingerprint: "fp", in: c.tenant, now: c.at(1), leaseUntil: c.at(61),
                expiresAt: c.at(86_400))
            guard case .acquired = again else { try c.expect.fail("a released key can be claimed again") }
        },
        RecordStoreConformance("idempotency.completedRecordSurvivesReleaseAndAnswersClaims") { c in
            let scope = c.scope()
            _ = try await c.store.claimIdempotencyKey(
                scope, fingerprint: "fp", in: c.tenant, now: c.base, leaseUntil: c.at(60),
                expiresAt: c.at(86_400))
            try await c.commit { transaction in
                transaction.idempotency = IdempotencyCompletion(
                    scope: scope, fingerprint: "fp", result: Payload(ConformanceNoteEvent(marker: 3)),
                    completedAt: c.at(1), expiresAt: c.at(86_400))
            }
            try await c.store.releaseIdempotencyKey(scope, in: c.tenant)
            let claim = try await c.store.claimIdempotencyKey(
                scope, fingerprint: "fp", in: c.tenant, now: c.at(100), leaseUntil: c.at(160),
                expiresAt: c.at(90_000))
            guard case .existing(let record) = claim, case .completed(let result) = record.state else {
                try c.expect.fail("a completed key answers with its record")
            }
            try c.expect.expect(
                try result.decode(ConformanceNoteEvent.self) == ConformanceNoteEvent(marker: 3),
                "the result is kept")
        },
        RecordStoreConformance("idempotency.expiredLeaseCanBeClaimedAgain") { c in
            let scope = c.scope()
            _ = try await c.store.claimIdempotencyKey(
                scope, fingerprint: "fp", in: c.tenant, now: c.base, leaseUntil: c.at(60),
                expiresAt: c.at(86_400))
            let early = try await c.store.claimIdempotencyKey(
                scope, fingerprint: "fp", in: c.tenant, now: c.at(59), leaseUntil: c.at(119),
                expiresAt: c.at(86_459))
            guard case .existing = early else { try c.expect.fail("a live lease blocks a second claim") }
            let late = try await c.store.claimIdempotencyKey(
                scope, fingerprint: "fp", in: c.tenant, now: c.at(60), leaseUntil: c.at(120),
                expiresAt: c.at(86_460))
            guard case .acquired = late else { try c.expect.fail("an expired lease can be claimed") }
        },
        RecordStoreConformance("idempotency.expiryIsJudgedByTheGivenClock") { c in
            let scope = c.scope()
            _ = try await c.store.claimIdempotencyKey(
                scope, fingerprint: "fp", in: c.tenant, now: c.base, leaseUntil: c.at(60),
                expiresAt: c.at(86_400))
            try await c.commit { transaction in
                transaction.idempotency = IdempotencyCompletion(
                    scope: scope, fingerprint: "fp", result: Payload(1), completedAt: c.at(1),
                    expiresAt: c.at(86_400))
            }
            let before = try await c.store.claimIdempotencyKey(
                scope, fingerprint: "new", in: c.tenant, now: c.at(86_399), leaseUntil: c.at(86_459),
                expiresAt: c.at(172_799))
            guard case .existing = before else { try c.expect.fail("a key is remembered until it expires") }
            let after = try await c.store.claimIdempotencyKey(
                scope, fingerprint: "new", in: c.tenant, now: c.at(86_400), leaseUntil: c.at(86_460),
                expiresAt: c.at(172_800))
            guard case .acquired = after else { try c.expect.fail("an expired key runs anew") }
            let record = try await c.store.idempotencyRecord(for: scope, in: c.tenant)
            try c.expect.expect(record?.fingerprint == "new", "the new claim replaced the expired record")
        },
        RecordStoreConformance("idempotency.purgeDeletesOnlyExpiredRecordsInEveryTenant") { c in
            for (key, tenant, expiry) in [
                ("old", c.tenant, 100), ("old", c.otherTenant, 100), ("edge", c.tenant, 200),
                ("young", c.tenant, 300),
            ] {
                _ = try await c.store.claimIdempotencyKey(
                    c.scope(key), fingerprint: "fp", in: tenant, now: c.base, leaseUntil: c.at(60),
                    expiresAt: c.at(expiry))
            }
            let purged = try await c.store.purgeExpiredIdempotencyRecords(now: c.at(200))
            try c.expect.expect(purged == 3, "records expiring at or before now are purged, got \(purged)")
            try c.expect.expect(
                try await c.store.idempotencyRecord(for: c.scope("young"), in: c.tenant) != nil,
                "young keys stay")
            try c.expect.expect(
                try await c.store.idempotencyRecord(for: c.scope("old"), in: c.otherTenant) == nil,
                "other tenants are purged too")
        },
        RecordStoreConformance("idempotency.scopesDifferByPrincipalAndOperation") { c in
            let base = c.scope("same")
            let otherPrincipal = c.scope("same", principal: c.id())
            let otherOperation = c.scope("same", operation: "conformance.other")
            for scope in [base, otherPrincipal, otherOperation] {
                let claim = try await c.store.claimIdempotencyKey(
                    scope, fingerprint: "fp", in: c.tenant, now: c.base, leaseUntil: c.at(60),
                    expiresAt: c.at(3600))
                guard case .acquired = claim else {
                    try c.expect.fail("the same key under another principal or operation is a different key")
                }
            }
        },
    ]
}
