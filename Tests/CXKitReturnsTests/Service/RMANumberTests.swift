import CXKitCore
import Foundation
import Testing

@testable import CXKitReturns

/// Replays a fixed list of values, then zeros.
final class ScriptedRandom: RandomSource, @unchecked Sendable {
    private let values: Locked<[UInt64]>
    init(_ values: [UInt64]) { self.values = Locked(values) }
    func nextUInt64() -> UInt64 { values.withLock { $0.isEmpty ? 0 : $0.removeFirst() } }
}

@Suite("RMA numbers")
struct RMANumberTests {
    @Test("numbers print as R-SWFWK-8DW8H and parse back, forgiving case and look-alike letters")
    func roundTrip() throws {
        let random = SeededRandomSource(seed: 5)
        for _ in 0..<500 {
            let number = RMANumber.random(using: random)
            let text = number.description
            #expect(text.count == 13)
            #expect(try RMANumber(parsing: text) == number)
            #expect(try RMANumber(parsing: text.lowercased()) == number)
        }
        #expect(try RMANumber(parsing: "R-OOOOO-IIIIL") == RMANumber(parsing: "R-00000-11111"))
        #expect(throws: ReturnsError.validation(field: "rmaNumber", reason: "must look like R-SWFWK-8DW8H")) {
            try RMANumber(parsing: "X-12345-67890")
        }
        #expect(throws: ReturnsError.self) { try RMANumber(parsing: "R-12345-6789U") }
    }

    @Test("a colliding number is redrawn, so numbers stay unique per tenant")
    func collisionRedrawn() async throws {
        let harness = try ReturnsHarness(rmaRandom: ScriptedRandom([7, 7, 9]))
        try await harness.setUp()
        let first = try await harness.service.submit(harness.shirtDraft(), by: TestPrincipals.customer)
        let second = try await harness.service.submit(
            ReturnDraft(
                order: first.order,
                items: [ReturnDraftItem(line: OrderFactory.lineID(1), quantity: 1, reason: "too-large")]),
            by: TestPrincipals.customer)
        #expect(first.rmaNumber == RMANumber(value: 7))
        #expect(second.rmaNumber == RMANumber(value: 9))
        #expect(harness.memory.recordCount(of: ReturnRequest.self, in: harness.tenant) == 2)
    }

    @Test("the standard taxonomy has leaves under groups; bad taxonomies are refused naming the field")
    func taxonomy() throws {
        let standard = ReturnReasonTaxonomy.standard
        #expect(standard.isLeaf("too-small"))
        #expect(!standard.isLeaf("fit"))
        #expect(standard.reason("damaged")?.requiresEvidence == true)
        let cases: [([ReturnReason], String)] = [
            ([ReturnReason(code: "", title: "x")], "reasons[0].code"),
            ([ReturnReason(code: "A", title: "x")], "reasons[0].code"),
            ([ReturnReason(code: "a", title: "x"), ReturnReason(code: "a", title: "y")], "reasons[1].code"),
            ([ReturnReason(code: "a", title: "x", parent: "b")], "reasons[0].parent"),
            (
                [
                    ReturnReason(code: "a", title: "x", parent: "b"),
                    ReturnReason(code: "b", title: "y", parent: "a"),
                ], "reasons[0].parent"
            ),
        ]
        for (reasons, field) in cases {
            #expect(throws: ReturnsError.self) { try ReturnReasonTaxonomy(reasons) }
            do { _ = try ReturnReasonTaxonomy(reasons) } catch { #expect(error.field == field) }
        }
        let data = try JSONEncoder().encode(standard)
        #expect(try JSONDecoder().decode(ReturnReasonTaxonomy.self, from: data) == standard)
    }
}
