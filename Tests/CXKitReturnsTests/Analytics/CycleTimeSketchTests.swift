import CXKitCore
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Refund cycle-time sketches")
struct CycleTimeSketchTests {
    /// The exact lower quantile the sketch approximates.
    static func exact(_ values: [Double], _ q: Double) -> Double {
        let sorted = values.sorted()
        return sorted[Int((q * Double(sorted.count - 1)).rounded(.down))]
    }

    static func values(seed: UInt64, count: Int) -> [Double] {
        let random = SeededRandomSource(seed: seed)
        // Minutes to a few months, log-spread like real cycle times.
        return (0..<count).map { _ in
            60 * Foundation.exp(Double(random.next(below: 1_000_000)) / 1_000_000 * 11)
        }
    }

    @Test("p50 and p90 are within 1 % of the exact lower quantiles")
    func accuracy() {
        let values = Self.values(seed: 3, count: 5_000)
        var sketch = CycleTimeSketch()
        for value in values { sketch.insert(seconds: value) }
        #expect(sketch.count == 5_000)
        for q in [0.0, 0.1, 0.5, 0.9, 0.99, 1.0] {
            let estimate = sketch.quantile(q) ?? -1
            let exact = Self.exact(values, q)
            #expect(abs(estimate - exact) <= 0.01 * exact + 1e-9, "q = \(q)")
        }
        #expect(sketch.minimum == values.min())
        #expect(sketch.maximum == values.max())
    }

    @Test("merging is associative and commutative and equals inserting everything into one sketch")
    func merging() {
        let parts = (0..<3).map { Self.values(seed: UInt64(10 + $0), count: 400) }
        let sketches = parts.map { part -> CycleTimeSketch in
            var sketch = CycleTimeSketch()
            for value in part { sketch.insert(seconds: value) }
            return sketch
        }
        var whole = CycleTimeSketch()
        for value in parts.joined() { whole.insert(seconds: value) }
        var leftFirst = sketches[0]
        leftFirst.merge(sketches[1])
        leftFirst.merge(sketches[2])
        var rightFirst = sketches[1]
        rightFirst.merge(sketches[2])
        var grouped = sketches[0]
        grouped.merge(rightFirst)
        var reversed = sketches[2]
        reversed.merge(sketches[1])
        reversed.merge(sketches[0])
        #expect(leftFirst == whole)
        #expect(grouped == whole)
        #expect(reversed == whole)
        #expect(leftFirst.p50 == whole.p50)
        #expect(leftFirst.p90 == whole.p90)
        var empty = CycleTimeSketch()
        empty.merge(CycleTimeSketch())
        #expect(empty.isEmpty && empty.p50 == nil)
    }

    @Test("zero, negative and non-finite durations never break the sketch")
    func edgeValues() throws {
        var sketch = CycleTimeSketch()
        sketch.insert(seconds: 0)
        sketch.insert(seconds: -5)
        sketch.insert(seconds: .nan)
        sketch.insert(seconds: .infinity)
        sketch.insert(seconds: 1e12)
        sketch.insert(seconds: 1e-3)
        #expect(sketch.count == 4)
        #expect(sketch.zeroCount == 2)
        #expect(sketch.quantile(0) == 0)
        #expect(sketch.quantile(.nan) == nil)
        let top = try #require(sketch.quantile(1))
        #expect(abs(top - 1e12) <= 1e10)
        let decoded = try JSONDecoder().decode(CycleTimeSketch.self, from: JSONEncoder().encode(sketch))
        #expect(decoded == sketch)
    }

    @Test("a sketch whose counts do not add up is refused when decoded")
    func corruptedJSON() {
        let json = #"{"count": 5, "sum": 1, "zeroCount": 0, "offset": 0, "bins": [1]}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CycleTimeSketch.self, from: Data(json.utf8))
        }
    }

    @Test("refunds record submitted→refunded and received→refunded cycle times per order month")
    func rollupsKeepCycleTimes() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        // Two returns of the same order month: the second refund takes a day longer.
        let first = try await harness.runLifecycle(harness.shirtDraft())
        #expect(first.state == .resolved)
        let submitted = try await harness.service.submit(harness.shirtDraft(), by: TestPrincipals.customer)
        let labelled = try await harness.service.issueLabel(submitted.id, by: TestPrincipals.customer)
        harness.clock.advance(by: .seconds(86_400))
        _ = try await harness.service.receive(
            submitted.id,
            receipts: labelled.items.map { ItemReceipt(item: $0.id, receivedQuantity: $0.quantity) },
            by: TestPrincipals.warehouse)
        _ = try await harness.service.inspect(submitted.id, inspections: [], by: TestPrincipals.warehouse)
        harness.clock.advance(by: .seconds(2 * 86_400))
        _ = try await harness.service.refund(submitted.id, by: TestPrincipals.finance)

        let period = ReturnRollup.period(of: TestPrincipals.monday)
        let rows = try await harness.service.refundCycleTimes(
            from: period, through: period, by: TestPrincipals.admin)
        let row = try #require(rows.first)
        #expect(rows.count == 1 && row.period == period)
        #expect(row.submittedToRefunded.count == 2)
        #expect(row.receivedToRefunded.count == 2)
        // First: 2 days + 1 hour from submission, 1 hour from reception; second: 3 days and 2 days.
        let p50 = try #require(row.submittedToRefundedP50)
        let p90 = try #require(row.submittedToRefundedP90)
        #expect(abs(p50 - (2 * 86_400 + 3_600)) <= 0.01 * (2 * 86_400 + 3_600))
        #expect(abs(p90 - 2 * 86_400 - 3_600) <= 0.01 * (2 * 86_400 + 3_600))
        #expect(abs((row.receivedToRefundedP50 ?? 0) - 3_600) <= 36)
        let summary = try await harness.service.summary(
            from: period, through: period, by: TestPrincipals.admin)
        #expect(summary.submittedToRefunded == row.submittedToRefunded)
        #expect(abs((summary.receivedToRefunded.maximum ?? 0) - 2 * 86_400) < 1e-6)

        await expectReturnsError(.validationFailed, field: "through") {
            _ = try await harness.service.refundCycleTimes(
                from: period, through: period - 1, by: TestPrincipals.admin)
        }
        await expectReturnsError(.permissionDenied, field: nil) {
            _ = try await harness.service.refundCycleTimes(
                from: period, through: period, by: TestPrincipals.customer)
        }
    }
}
