import CXKitCore
import Foundation
import Testing

@testable import CXKitReturns

@Suite("In-memory gateways: idempotency by reference")
struct InMemoryGatewayReferenceTests {
    let tenant: TenantID
    let product = ProductID(rawValue: Identifier(high: 0x22, low: 1))
    let variant = VariantID(rawValue: Identifier(high: 0x33, low: 1))

    init() throws { tenant = try TenantID("acme") }

    /// References of equal length that differ only near the end, as the service builds them.
    func references(_ count: Int) -> [String] {
        (0..<count).map { "restock-R-ABCDE-FGHJK-" + String(1_000_000 + $0) }
    }

    @Test("a restock retried with the same reference counts once, among thousands of similar references")
    func restockOncePerReference() async throws {
        let gateway = InMemoryInventoryGateway()
        gateway.setStock(0, of: variant, product: product)
        let references = references(3_000)
        for reference in references {
            try await gateway.restock(1, of: product, variant: variant, reference: reference, in: tenant)
        }
        var generator = RandomSourceGenerator(SeededRandomSource(seed: 3))
        for reference in references.shuffled(using: &generator) {
            try await gateway.restock(1, of: product, variant: variant, reference: reference, in: tenant)
        }
        #expect(gateway.restockedUnits == 3_000)
        #expect(try await gateway.availableQuantity(of: variant, in: tenant) == 3_000)
    }

    @Test("a hold is taken once per reference and released by the same reference")
    func holdAndReleaseByReference() async throws {
        let gateway = InMemoryInventoryGateway()
        gateway.setStock(10, of: variant, product: product)
        #expect(try await gateway.hold(3, of: variant, reference: "hold-R-ABCDE-FGHJK-1", in: tenant))
        #expect(try await gateway.hold(3, of: variant, reference: "hold-R-ABCDE-FGHJK-1", in: tenant))
        #expect(gateway.heldUnits == 3)
        try await gateway.releaseHold(reference: "hold-R-ABCDE-FGHJK-2", in: tenant)
        #expect(gateway.heldUnits == 3)
        try await gateway.releaseHold(reference: "hold-R-ABCDE-FGHJK-1", in: tenant)
        #expect(gateway.heldUnits == 0)
        #expect(try await gateway.availableQuantity(of: variant, in: tenant) == 10)
    }

    @Test("a refund attempt replayed with its idempotency key returns the first outcome and pays once")
    func refundOncePerKey() async throws {
        let gateway = InMemoryRefundGateway()
        let order = OrderID(rawValue: Identifier(high: 0x0D, low: 1))
        func attempt(_ key: String) -> RefundAttemptRequest {
            RefundAttemptRequest(
                tenant: tenant, refund: RefundID(rawValue: Identifier(high: 0x44, low: 1)), order: order,
                customer: CustomerID(rawValue: Identifier(high: 0xC, low: 1)),
                amount: Money(minorUnits: 1_000, currency: .turkishLira), method: .refundToOriginalPayment,
                attempt: 1,
                idempotencyKey: key)
        }
        let keys = references(500).map { $0.replacingOccurrences(of: "restock", with: "refund") }
        var first: [RefundGatewayOutcome] = []
        for key in keys { first.append(try await gateway.submit(attempt(key))) }
        for (key, outcome) in zip(keys, first) {
            #expect(try await gateway.submit(attempt(key)) == outcome)
        }
        #expect(gateway.refundedMinorUnits(for: order) == 500 * 1_000)
        #expect(gateway.idempotencyKeys == Set(keys))
    }
}
