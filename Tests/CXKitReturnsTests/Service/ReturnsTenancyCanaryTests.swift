import CXKitCore
import CXKitTesting
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Returns service: tenant isolation and personal-data-free errors")
struct ReturnsTenancyCanaryTests {
    static let sentinel = "SENTINEL-B-7f3a"

    @Test("tenant B's returns are invisible to tenant A, and errors never echo typed values")
    func canary() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        // Tenant B: same order identifiers, its own policy and a request with a sentinel note.
        let adminB = Principal.admin(
            StaffID(rawValue: Identifier(high: 0xE, low: 1)), in: TestPrincipals.otherTenant)
        let customerB = Principal.customer(TestPrincipals.customerID, in: TestPrincipals.otherTenant)
        _ = try await harness.service.publishPolicy(ReturnsHarness.policy(), by: adminB)
        _ = try await harness.service.recordOrder(
            OrderFactory.standardOrder(), by: .system(in: TestPrincipals.otherTenant))
        var draft = harness.shirtDraft()
        draft.items[0].note = Self.sentinel
        let requestB = try await harness.service.submit(draft, by: customerB)
        // Tenant A cannot see it by identifier, by customer listing, or in reports.
        await expectReturnsError(.notFound, field: "request") {
            _ = try await harness.service.request(requestB.id, by: TestPrincipals.agent)
        }
        let listed = try await harness.service.requests(
            of: TestPrincipals.customerID, by: TestPrincipals.agent)
        #expect(listed.isEmpty)
        let summary = try await harness.service.summary(
            from: 202601, through: 202601, by: TestPrincipals.admin)
        #expect(summary.overall.requests == 0)
        let outboxA = try await harness.memory.outboxEntries(
            status: .pending, in: harness.tenant, after: nil, limit: 1000)
        for entry in outboxA {
            let json = String(decoding: try entry.event.payload.jsonData(), as: UTF8.self)
            #expect(!json.contains(Self.sentinel))
            #expect(entry.event.tenant == harness.tenant)
        }
        // Error descriptions never contain what a person typed.
        var bad = harness.shirtDraft()
        bad.items[0].reason = Self.sentinel
        do {
            _ = try await harness.service.submit(bad, by: TestPrincipals.customer)
            Issue.record("expected a reason error")
        } catch let error as ReturnsError {
            #expect(!error.description.contains(Self.sentinel))
        }
        bad = harness.shirtDraft()
        bad.items[0].note = String(repeating: Self.sentinel, count: 200)
        do {
            _ = try await harness.service.submit(bad, by: TestPrincipals.customer)
            Issue.record("expected a note error")
        } catch let error as ReturnsError {
            #expect(error.code == .limitExceeded)
            #expect(!error.description.contains(Self.sentinel))
        }
        do {
            _ = try await harness.service.reject(requestB.id, reason: Self.sentinel, by: TestPrincipals.agent)
            Issue.record("expected not found")
        } catch let error as ReturnsError {
            #expect(!error.description.contains(Self.sentinel))
        }
    }
}
