import CXKitCore
import CXKitMetrics
import Foundation
import Testing

@Suite("Observation validation")
struct ObservationTests {
    let tenant: TenantID

    init() throws { tenant = try Fixtures.tenant }
    let now = Fixtures.monday

    @Test("a valid observation keeps its kind, value, dimensions and source")
    func validObservation() throws {
        let source = RecordReference(type: "feedback.response", id: Identifier(high: 1, low: 2))
        let observation = try Observation(
            kind: .customerSatisfaction, value: .score(4, scale: .satisfaction5), time: now, tenant: tenant,
            dimensions: DimensionSet([.team: "t1", .channel: "chat"]), source: source)
        #expect(observation.dimensions.pairs.map(\.key) == [.channel, .team])
        #expect(observation.dimensions[.team] == "t1")
        #expect(observation.source == source)
        let data = try JSONEncoder().encode(observation)
        #expect(try JSONDecoder().decode(Observation.self, from: data) == observation)
    }

    @Test("scores outside their scale are rejected naming the score field")
    func scoreOutsideScale() {
        for (score, scale) in [
            (11, ScoreScale.netPromoter), (-1, .netPromoter), (0, .satisfaction5), (8, .effort7),
        ] {
            let kind: MetricKind =
                switch scale.metric {
                case .netPromoter: .netPromoterScore
                case .satisfaction: .customerSatisfaction
                case .effort: .customerEffort
                }
            expectError(.validationFailed, field: "score") {
                _ = try Observation(kind: kind, value: .score(score, scale: scale), time: now, tenant: tenant)
            }
        }
    }

    @Test("an unknown scale name is rejected naming the scale field")
    func unknownScale() throws {
        expectError(.validationFailed, field: "scale") { _ = try Observation.scale(named: "stars7") }
        #expect(try Observation.scale(named: "ces7") == .effort7)
    }

    @Test("a built-in score kind refuses another family's scale")
    func wrongScaleFamily() {
        expectError(.validationFailed, field: "scale") {
            _ = try Observation(
                kind: .netPromoterScore, value: .score(4, scale: .satisfaction5), time: now, tenant: tenant)
        }
    }

    @Test("NaN and infinite values are rejected naming the field")
    func nonFiniteValues() {
        for bad in [Double.nan, .infinity, -.infinity] {
            expectError(.validationFailed, field: "duration") {
                _ = try Observation(
                    kind: .firstResponseTime, value: .duration(seconds: bad), time: now, tenant: tenant)
            }
            expectError(.validationFailed, field: "quantity") {
                _ = try Observation(kind: .unitsSold, value: .quantity(bad), time: now, tenant: tenant)
            }
        }
        expectError(.validationFailed, field: "time") {
            _ = try Observation(
                kind: .unitsSold, value: .quantity(1), time: Date(timeIntervalSince1970: .nan), tenant: tenant
            )
        }
    }

    @Test("negative durations are rejected naming the duration field")
    func negativeDuration() {
        expectError(.validationFailed, field: "duration") {
            _ = try Observation(kind: .handleTime, value: .duration(seconds: -0.5), time: now, tenant: tenant)
        }
    }

    @Test("a value of the wrong measure is rejected naming the value field")
    func wrongMeasure() {
        expectError(.validationFailed, field: "value") {
            _ = try Observation(kind: .slaFirstReply, value: .duration(seconds: 3), time: now, tenant: tenant)
        }
    }

    @Test("bad kinds, dimension keys, values and too many dimensions are typed errors")
    func badNamesAndDimensions() {
        expectError(.validationFailed, field: "kind") { _ = try MetricKind("", measure: .score) }
        expectError(.validationFailed, field: "kind") { _ = try MetricKind("a b", measure: .score) }
        expectError(.validationFailed, field: "dimension") { _ = try DimensionKey("x/y") }
        expectError(.validationFailed, field: "dimension") { _ = try DimensionKey("_overflow") }
        expectError(.validationFailed, field: "dimensions.channel") { _ = try Dimension(.channel, "") }
        expectError(.validationFailed, field: "dimensions.channel") {
            _ = try Dimension(.channel, String(repeating: "x", count: 200))
        }
        expectError(.validationFailed, field: "dimensions.channel") { _ = try Dimension(.channel, "a\u{0}b") }
        expectError(.validationFailed, field: "dimensions.team") {
            _ = try DimensionSet([try Dimension(.team, "a"), try Dimension(.team, "b")])
        }
        expectError(.limitExceeded, field: "dimensions") {
            let keys = try (0..<9).map { try DimensionKey("k\($0)") }
            _ = try DimensionSet(keys.map { try Dimension($0, "v") })
        }
    }

    @Test("decoding an observation re-validates it")
    func decodingValidates() throws {
        let valid = try Fixtures.nps(9)
        var json = String(decoding: try JSONEncoder().encode(valid), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"_0\":9", with: "\"_0\":12")
        #expect(json.contains("12"))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Observation.self, from: Data(json.utf8))
        }
    }

    @Test("dimension sets are order-insensitive and filter by containment")
    func dimensionSets() throws {
        let a = try DimensionSet([.channel: "chat", .team: "t1"])
        let b = try DimensionSet([try Dimension(.team, "t1"), try Dimension(.channel, "chat")])
        #expect(a == b)
        #expect(a.fingerprint == b.fingerprint)
        #expect(a.matches(try DimensionSet([.team: "t1"])))
        #expect(!a.matches(try DimensionSet([.team: "t2"])))
        #expect(a.matches(.empty))
        #expect(a.projected(onto: [.team]) == (try DimensionSet([.team: "t1"])))
    }
}
