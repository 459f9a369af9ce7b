import CXKitCore
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Order record copy-on-write storage")
struct ReturnOrderRecordCopyOnWriteTests {
    static func record() -> ReturnOrderRecord {
        ReturnOrderRecord(
            order: OrderFactory.standardOrder(), policyVersion: 3, policyFingerprint: "0123456789abcdef")
    }

    @Test("an order record is one reference wide")
    func recordIsOneReferenceWide() {
        #expect(MemoryLayout<ReturnOrderRecord>.size == MemoryLayout<AnyObject>.size)
    }

    @Test("mutating a copy leaves the original's order, units and flags unchanged")
    func mutatingACopyLeavesTheOriginal() {
        let original = Self.record()
        var copy = original
        let line = OrderFactory.lineID(1)
        copy.requested[line, default: 0] += 2
        copy.hasReturn = true
        copy.order = ReturnableOrder(
            id: original.order.id, customer: original.order.customer, currency: original.order.currency,
            placedAt: original.order.placedAt, deliveredAt: nil, lines: original.order.lines,
            orderDiscount: original.order.orderDiscount, shipping: original.order.shipping,
            shippingTax: original.order.shippingTax)
        #expect(original.requested.isEmpty)
        #expect(original.order.deliveredAt != nil && copy.order.deliveredAt == nil)
        #expect(!original.hasReturn)
        #expect(original == Self.record())
        #expect(copy.requested[line] == 2)
        #expect(copy.hasReturn)
        #expect(copy != original)
        #expect(copy.recordID == original.recordID)
    }

    @Test("the record encodes as the same flat JSON object and decodes back to an equal record")
    func codingIsFlat() throws {
        var record = Self.record()
        record.requested[OrderFactory.lineID(2)] = 1
        record.hasReturn = true
        let data = try JSONEncoder().encode(record)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(
            Set(object.keys)
                == ["order", "policyVersion", "policyFingerprint", "requested", "ledger", "hasReturn"])
        let decoded = try JSONDecoder().decode(ReturnOrderRecord.self, from: data)
        #expect(decoded == record)
        #expect(decoded.hashValue == record.hashValue)
        #expect(decoded.policyVersion == 3 && decoded.policyFingerprint == "0123456789abcdef")
    }
}
