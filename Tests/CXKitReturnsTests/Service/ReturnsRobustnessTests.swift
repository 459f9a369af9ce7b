import CXKitCore
import CXKitTesting
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Returns service: idempotency, refund retries and fault injection")
struct ReturnsRobustnessTests {
    @Test("resubmitting with the same key returns the original request; another draft with it is refused")
    func idempotentResubmission() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        let draft = harness.shirtDraft()
        let first = try await harness.service.submit(
            draft, idempotencyKey: "k-1", by: TestPrincipals.customer)
        let replay = try await harness.service.submit(
            draft, idempotencyKey: "k-1", by: TestPrincipals.customer)
        #expect(replay.id == first.id)
        #expect(replay.rmaNumber == first.rmaNumber)
        #expect(harness.memory.recordCount(of: ReturnRequest.self, in: harness.tenant) == 1)
        await expectReturnsError(.idempotencyKeyReused, field: "idempotencyKey") {
            _ = try await harness.service.submit(
                harness.shirtDraft(quantity: 2), idempotencyKey: "k-1", by: TestPrincipals.customer)
        }
        let eligibility = try await harness.service.eligibility(of: draft.order, by: TestPrincipals.customer)
        #expect(eligibility.lines[0].returnableQuantity == 1)
    }

    @Test("a refused refund is retried with a new idempotency key and succeeds once")
    func refundRetry() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        harness.gateway.script(.refuse(code: "card_expired", isRetryable: true))
        let failed = try await harness.runLifecycle(harness.shirtDraft())
        #expect(failed.state == .inspected)
        let refundID = try #require(failed.refund)
        let refund = try await harness.service.refundRecord(refundID, by: TestPrincipals.finance)
        #expect(refund.state == .failed)
        let kinds = try await harness.outboxKinds()
        #expect(kinds.contains(ReturnEventKinds.staffNotice.rawValue))
        let resolved = try await harness.service.refund(failed.id, by: TestPrincipals.finance)
        #expect(resolved.state == .resolved)
        let settled = try await harness.service.refundRecord(refundID, by: TestPrincipals.finance)
        #expect(settled.state == .succeeded)
        #expect(settled.attempts.count == 2)
        #expect(Set(settled.attempts.map(\.idempotencyKey)).count == 2)
        #expect(settled.history.map(\.to) == [.processing, .failed, .processing, .succeeded])
        #expect(harness.gateway.refundedMinorUnits(for: failed.order) == settled.amount.minorUnits)
        // Calling again after success changes nothing.
        let again = try await harness.service.refund(failed.id, by: TestPrincipals.finance)
        #expect(again.state == .resolved)
        #expect(harness.gateway.refundedMinorUnits(for: failed.order) == settled.amount.minorUnits)
    }

    @Test("after an ambiguous gateway failure the retry re-sends the same key and pays once")
    func ambiguousRefund() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        harness.gateway.script(.payThenTimeOut)
        await expectReturnsError(.dependencyFailure, field: nil) {
            _ = try await harness.runLifecycle(harness.shirtDraft())
        }
        let requests = try await harness.service.requests(
            of: TestPrincipals.customerID, by: TestPrincipals.customer)
        let request = try #require(requests.first)
        let refundID = try #require(request.refund)
        #expect(
            try await harness.service.refundRecord(refundID, by: TestPrincipals.finance).state == .processing)
        let resolved = try await harness.service.refund(request.id, by: TestPrincipals.finance)
        #expect(resolved.state == .resolved)
        let refund = try await harness.service.refundRecord(refundID, by: TestPrincipals.finance)
        #expect(refund.attempts.count == 1)
        #expect(harness.gateway.refundedMinorUnits(for: request.order) == refund.amount.minorUnits)
    }

    @Test("a commit that fails before writing leaves no request, no event and no reserved units")
    func faultBeforeCommit() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        let eventsBefore = try await harness.outboxKinds().count
        harness.faults.script(.failBefore, for: .commit)
        await expectReturnsError(.storageFailure, field: nil) {
            _ = try await harness.service.submit(harness.shirtDraft(), by: TestPrincipals.customer)
        }
        #expect(harness.memory.recordCount(of: ReturnRequest.self, in: harness.tenant) == 0)
        #expect(harness.memory.recordCount(of: RMANumberClaim.self, in: harness.tenant) == 0)
        #expect(try await harness.outboxKinds().count == eventsBefore)
        let eligibility = try await harness.service.eligibility(
            of: OrderFactory.standardOrder().id, by: TestPrincipals.customer)
        #expect(eligibility.lines[0].returnableQuantity == 2)
        // The same submission then succeeds.
        let request = try await harness.service.submit(harness.shirtDraft(), by: TestPrincipals.customer)
        #expect(request.state == .approved)
    }

    @Test("with an idempotency key, an ambiguous commit failure is resolved by replaying the key")
    func faultAfterCommitWithKey() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        harness.faults.script(.failAfter, for: .commit)
        await expectReturnsError(.storageFailure, field: nil) {
            _ = try await harness.service.submit(
                harness.shirtDraft(), idempotencyKey: "amb-1", by: TestPrincipals.customer)
        }
        let replay = try await harness.service.submit(
            harness.shirtDraft(), idempotencyKey: "amb-1", by: TestPrincipals.customer)
        #expect(harness.memory.recordCount(of: ReturnRequest.self, in: harness.tenant) == 1)
        #expect(replay.state == .approved)
    }

    @Test("faults injected at every commit of the lifecycle never leave partial state")
    func faultsAcrossLifecycle() async throws {
        let random = SeededRandomSource(seed: 99)
        for run in 0..<12 {
            let harness = try ReturnsHarness(seed: UInt64(run) + 1)
            try await harness.setUp()
            harness.faults.injectRandomly(
                [.failBefore, .conflict], probability: 0.3, into: [.commit], random: random)
            var request: ReturnRequest?
            var steps = 0
            while steps < 60 {
                steps += 1
                do {
                    if let current = request {
                        switch current.state {
                        case .approved:
                            request = try await harness.service.issueLabel(
                                current.id, by: TestPrincipals.customer)
                        case .labelIssued:
                            request = try await harness.service.receive(
                                current.id,
                                receipts: current.items.map {
                                    ItemReceipt(item: $0.id, receivedQuantity: $0.quantity)
                                },
                                by: TestPrincipals.warehouse)
                        case .received:
                            request = try await harness.service.inspect(
                                current.id, inspections: [], by: TestPrincipals.warehouse)
                        case .inspected:
                            request = try await harness.service.refund(current.id, by: TestPrincipals.finance)
                        default: break
                        }
                        if request?.state == .resolved { break }
                    } else {
                        request = try await harness.service.submit(
                            harness.shirtDraft(), idempotencyKey: "run-\(run)", by: TestPrincipals.customer)
                    }
                } catch let error as ReturnsError {
                    #expect(
                        [.storageFailure, .versionConflict, .idempotencyKeyInFlight].contains(error.code),
                        "\(error)")
                    // An unknown commit outcome keeps the submission key leased for a minute.
                    harness.clock.advance(by: .seconds(61))
                    if let current = request {
                        request = try await harness.service.request(current.id, by: TestPrincipals.agent)
                    }
                }
                // Invariants after every step: state and order bookkeeping agree.
                if let current = request {
                    let stored = try await harness.service.request(current.id, by: TestPrincipals.agent)
                    #expect(stored.state == current.state)
                    #expect(stored.history.count == Set(stored.history.map(\.to)).count)
                }
                #expect(harness.memory.recordCount(of: ReturnRequest.self, in: harness.tenant) <= 1)
            }
            harness.faults.removeAllFaults()
            let final = try #require(request)
            #expect(final.state == .resolved, "run \(run) ended in \(final.state)")
            #expect(
                harness.gateway.refundedMinorUnits(for: final.order) == final.settlement?.total.minorUnits)
            #expect(harness.inventory.restockedUnits == 1)
        }
    }
}

@Suite("Returns service: concurrent submissions")
struct ReturnsConcurrencyTests {
    @Test("many concurrent submissions on one line never request more units than were delivered")
    func concurrentSubmissions() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        let service = harness.service
        let draft = harness.shirtDraft(quantity: 1)
        let outcomes = await withTaskGroup(of: ErrorCode?.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    do {
                        _ = try await service.submit(draft, by: TestPrincipals.customer)
                        return nil
                    } catch let error as ReturnsError {
                        return error.code
                    } catch {
                        return .dependencyFailure
                    }
                }
            }
            var codes: [ErrorCode?] = []
            for await code in group { codes.append(code) }
            return codes
        }
        let successes = outcomes.filter { $0 == nil }.count
        #expect(successes >= 1 && successes <= 2)
        #expect(outcomes.compactMap { $0 }.allSatisfy { $0 == .versionConflict || $0 == .returnNotEligible })
        #expect(harness.memory.recordCount(of: ReturnRequest.self, in: harness.tenant) == successes)
        let eligibility = try await service.eligibility(of: draft.order, by: TestPrincipals.customer)
        #expect(eligibility.lines[0].returnableQuantity == 2 - successes)
    }
}
