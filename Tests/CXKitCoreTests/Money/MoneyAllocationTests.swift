import CXKitCore
import Testing

@Suite("Money allocation")
struct MoneyAllocationTests {
    let lira = CurrencyCode.turkishLira

    private func expectValidation(
        _ code: ErrorCode = .validationFailed, field: String, _ body: () throws -> some Any,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try body()
            Issue.record("expected an error", sourceLocation: sourceLocation)
        } catch let error as CoreError {
            #expect(error.code == code, sourceLocation: sourceLocation)
            #expect(error.field == field, sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("largest remainder breaks ties by index")
    func ties() throws {
        let ten = Money(minorUnits: 10, currency: lira)
        #expect(try ten.allocate([1, 1, 1]).map(\.minorUnits) == [4, 3, 3])
        #expect(try ten.split(evenlyInto: 3).map(\.minorUnits) == [4, 3, 3])
        #expect(try Money.allocate(ten, by: [3, 1]).map(\.minorUnits) == [8, 2])
        #expect(try (-ten).allocate([1, 1, 1]).map(\.minorUnits) == [-4, -3, -3])
        #expect(try (-ten).split(evenlyInto: 3).map(\.minorUnits) == [-4, -3, -3])
        #expect(try ten.allocate([0, 1, 0, 1]).map(\.minorUnits) == [0, 5, 0, 5])
        // 100 × (1, 2, 3)/6 = 16.67, 33.33, 50 → floors 16, 33, 50 leave 1 for the largest remainder.
        #expect(
            try Money(minorUnits: 100, currency: lira).allocate([1, 2, 3]).map(\.minorUnits) == [17, 33, 50])
        #expect(try Money(minorUnits: 5, currency: lira).split(evenlyInto: 1).map(\.minorUnits) == [5])
        #expect(try Money.zero(lira).allocate([3, 4]).map(\.minorUnits) == [0, 0])
    }

    @Test("extreme totals and weights do not overflow")
    func extremes() throws {
        let min = Money(minorUnits: .min, currency: lira)
        let parts = try min.allocate([.max, .max, 1])
        #expect(parts.reduce(Int64(0)) { $0 &+ $1.minorUnits } == .min)
        let max = Money(minorUnits: .max, currency: lira)
        #expect(try max.split(evenlyInto: 7).reduce(Int64(0)) { $0 + $1.minorUnits } == .max)
    }

    @Test("allocation parts always sum to the total and stay within one unit of the exact share")
    func allocationProperty() throws {
        let random = SeededRandomSource(seed: 20_260_301)
        for iteration in 0..<5000 {
            let magnitude: UInt64 = iteration % 3 == 0 ? 1 << 62 : 1_000_000
            let total = Int64(random.next(below: magnitude)) - Int64(magnitude / 2)
            let count = Int(random.next(below: 12)) + 1
            var weights = (0..<count).map { _ in
                random.next(below: 4) == 0
                    ? Int64(0) : Int64(random.next(below: iteration % 2 == 0 ? 1000 : 1 << 40))
            }
            if weights.allSatisfy({ $0 == 0 }) { weights[0] = 1 }
            let money = Money(minorUnits: total, currency: lira)
            let parts = try money.allocate(weights)
            #expect(parts.count == count)
            var sum: Int64 = 0
            for part in parts { sum += part.minorUnits }
            #expect(sum == total, "seed iteration \(iteration)")
            let weightSum = weights.reduce(Int128(0)) { $0 + Int128($1) }
            for (index, part) in parts.enumerated() {
                // |part × Σw − total × w| < Σw  ⇔  part is within one unit of the exact share.
                let error = Int128(part.minorUnits) * weightSum - Int128(total) * Int128(weights[index])
                #expect(error.magnitude < weightSum.magnitude, "iteration \(iteration) part \(index)")
                #expect(part.currency == lira)
            }
        }
    }

    @Test("prorating a discount over line amounts")
    func prorate() throws {
        let lines = [1999, 4999, 0, 3002].map { Money(minorUnits: $0, currency: lira) }
        let shares = try Money.prorate(Money(minorUnits: -1000, currency: lira), over: lines)
        #expect(shares.map(\.minorUnits) == [-200, -500, 0, -300])
        #expect(try Money.sum(shares, currency: lira).minorUnits == -1000)
    }

    @Test("bad weights are validation errors naming the field")
    func badWeights() {
        let money = Money(minorUnits: 100, currency: lira)
        expectValidation(field: "weights") { try money.allocate([]) }
        expectValidation(field: "weights") { try money.allocate([0, 0]) }
        expectValidation(field: "weights[1]") { try money.allocate([1, -1]) }
        expectValidation(field: "amounts") { try money.allocate(proportionalTo: []) }
        expectValidation(field: "amounts") { try money.allocate(proportionalTo: [.zero(lira)]) }
        expectValidation(field: "amounts[0]") {
            try money.allocate(proportionalTo: [Money(minorUnits: -1, currency: lira)])
        }
        expectValidation(field: "parts") { try money.split(evenlyInto: 0) }
        expectValidation(.limitExceeded, field: "parts") { try money.split(evenlyInto: 1_000_001) }
    }
}
