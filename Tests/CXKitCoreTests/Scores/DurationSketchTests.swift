import CXKitCore
import Foundation
import Testing

@Suite("DurationSketch")
struct DurationSketchTests {
    enum Shape: String, CaseIterable, Sendable {
        case exponential, lognormal, uniform
    }

    static func sample(_ shape: Shape, count: Int, seed: UInt64) -> [Double] {
        let random = SeededRandomSource(seed: seed)
        func unit() -> Double { Swift.max(random.nextUnitInterval(), 1e-12) }
        return (0..<count).map { _ in
            switch shape {
            case .exponential: return -Foundation.log(unit()) * 90
            case .lognormal:
                let normal = (-2 * Foundation.log(unit())).squareRoot() * cos(2 * Double.pi * unit())
                return Foundation.exp(4 + 1.5 * normal)
            case .uniform: return 0.5 + unit() * 3_600
            }
        }
    }

    static func exactLowerQuantile(_ sorted: [Double], _ q: Double) -> Double {
        sorted[Int((q * Double(sorted.count - 1)).rounded(.down))]
    }

    @Test("quantiles stay within the relative accuracy over seeded distributions", arguments: Shape.allCases)
    func quantileErrorBound(shape: Shape) throws {
        for seed in UInt64(1)...5 {
            let values = Self.sample(shape, count: 20_000, seed: seed &* 7919)
            var sketch = DurationSketch()
            try sketch.insert(contentsOf: values)
            let sorted = values.sorted()
            for q in [0.0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0] {
                let exact = Self.exactLowerQuantile(sorted, q)
                let estimate = try #require(try sketch.quantile(q))
                let error = abs(estimate - exact) / exact
                #expect(error <= sketch.relativeAccuracy + 1e-12, "seed \(seed) q \(q)")
            }
            #expect(sketch.count == UInt64(values.count))
            #expect(sketch.minimum == sorted.first)
            #expect(sketch.maximum == sorted.last)
        }
    }

    @Test("merging in any order gives the same sketch")
    func mergeOrderIndependence() throws {
        let parts = (0..<6).map { Self.sample(Shape.allCases[$0 % 3], count: 2_000, seed: UInt64($0) + 11) }
        let sketches = try parts.map { part in
            var sketch = DurationSketch()
            try sketch.insert(contentsOf: part)
            return sketch
        }
        var forward = DurationSketch()
        for sketch in sketches { try forward.merge(sketch) }
        var backward = DurationSketch()
        for sketch in sketches.reversed() { try backward.merge(sketch) }
        let random = SeededRandomSource(seed: 99)
        var generator = RandomSourceGenerator(random)
        var shuffled = DurationSketch()
        let tree = try sketches.shuffled(using: &generator).reduce(DurationSketch()) { try $0.merging($1) }
        try shuffled.merge(tree)
        var direct = DurationSketch()
        try direct.insert(contentsOf: parts.joined())
        #expect(forward == backward)
        #expect(forward == shuffled)
        #expect(forward == direct)
        #expect(forward.p99 == direct.p99)
    }

    @Test("an empty sketch has no quantiles, mean or extremes")
    func emptySketch() throws {
        let sketch = DurationSketch()
        #expect(sketch.p50 == nil)
        #expect(try sketch.quantile(0.9) == nil)
        #expect(sketch.mean == nil)
        #expect(sketch.minimum == nil)
        #expect(sketch.count(atMost: 10) == 0)
    }

    @Test("zero durations are counted and reported as zero")
    func zeroDurations() throws {
        var sketch = DurationSketch()
        try sketch.insert(contentsOf: [0, 0, 0, 10])
        #expect(sketch.p50 == 0)
        #expect(sketch.zeroCount == 3)
        #expect(sketch.maximum == 10)
        #expect(sketch.count(atMost: 5) == 3)
    }

    @Test("negative, NaN and infinite durations are rejected naming the field")
    func invalidDurations() {
        for bad in [-1.0, .nan, .infinity, -.infinity] {
            var sketch = DurationSketch()
            do {
                try sketch.insert(bad)
                Issue.record("accepted \(bad)")
            } catch {
                #expect(error.code == .validationFailed)
                #expect(error.field == "duration")
            }
            #expect(sketch.isEmpty)
        }
    }

    @Test("quantile outside 0...1 and bad configuration are validation errors")
    func invalidConfiguration() {
        let sketch = DurationSketch()
        #expect(throws: CoreError.self) { try sketch.quantile(1.5) }
        do {
            _ = try DurationSketch(relativeAccuracy: 0, maximumBinCount: 1024)
            Issue.record("accepted zero accuracy")
        } catch {
            #expect(error.field == "relativeAccuracy")
        }
        do {
            _ = try DurationSketch(relativeAccuracy: 0.01, maximumBinCount: 2)
            Issue.record("accepted tiny cap")
        } catch {
            #expect(error.field == "maximumBinCount")
        }
        var left = DurationSketch()
        let right = try? DurationSketch(relativeAccuracy: 0.02, maximumBinCount: 1024)
        #expect(throws: CoreError.self) { try left.merge(right ?? DurationSketch()) }
    }

    @Test("the bucket span stays within the cap and keeps high quantiles accurate")
    func collapsesLowestBuckets() throws {
        var sketch = try DurationSketch(relativeAccuracy: 0.01, maximumBinCount: 64)
        let values = (0..<2_000).map { Foundation.pow(1.05, Double($0 % 400)) * 1e-3 }
        try sketch.insert(contentsOf: values)
        #expect(sketch.binCount <= 64)
        let sorted = values.sorted()
        let p99 = try #require(sketch.p99)
        #expect(abs(p99 - Self.exactLowerQuantile(sorted, 0.99)) / p99 <= 0.01 + 1e-12)
        #expect(sketch.count == 2_000)
    }

    @Test("Codable round trip preserves the sketch in dense and sparse form")
    func codableRoundTrip() throws {
        var dense = DurationSketch()
        try dense.insert(contentsOf: Self.sample(.uniform, count: 5_000, seed: 3))
        var sparse = DurationSketch()
        try sparse.insert(contentsOf: [0.001, 5, 86_400])
        for sketch in [dense, sparse, DurationSketch()] {
            let data = try JSONEncoder().encode(sketch)
            let decoded = try JSONDecoder().decode(DurationSketch.self, from: data)
            #expect(decoded == sketch)
            #expect(decoded.p95 == sketch.p95)
        }
        let sparseJSON = String(decoding: try JSONEncoder().encode(sparse), as: UTF8.self)
        #expect(sparseJSON.contains("sparse"))
        #expect(try JSONEncoder().encode(dense).count < 8 * 1024 * 4)
    }

    @Test("decoding rejects counts that do not add up")
    func decodingValidates() {
        let json =
            #"{"relativeAccuracy":0.01,"maximumBinCount":1024,"count":5,"sum":1,"zeroCount":0,"#
            + #""minimum":1,"maximum":1,"offset":0,"counts":[1]}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(DurationSketch.self, from: Data(json.utf8))
        }
    }
}
