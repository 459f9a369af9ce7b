import CXKitCore
import CXKitMetrics
import Foundation

/// Seeded random observations over a few weeks, several metrics and dimensions.
struct ObservationGenerator {
    let random: SeededRandomSource
    let tenant: TenantID
    let start = Fixtures.day(0, hour: 0)

    init(seed: UInt64) throws {
        random = SeededRandomSource(seed: seed)
        tenant = try Fixtures.tenant
    }

    func pick<T>(_ values: [T]) -> T { values[Int(random.next(below: UInt64(values.count)))] }

    func observation(index: Int) throws -> Observation {
        let time = start.addingTimeInterval(random.nextUnitInterval() * 21 * 86_400)
        let dims = try DimensionSet([
            .channel: pick(["email", "chat", "phone"]), .team: pick(["t1", "t2"]),
        ])
        let source = RecordReference(type: "test.source", id: Identifier(high: UInt64(index), low: 7))
        switch random.next(below: 5) {
        case 0:
            return try Observation(
                kind: .netPromoterScore, value: .score(Int(random.next(below: 11)), scale: .netPromoter),
                time: time, tenant: tenant, dimensions: dims, source: source)
        case 1:
            return try Observation(
                kind: .customerSatisfaction,
                value: .score(1 + Int(random.next(below: 5)), scale: .satisfaction5),
                time: time, tenant: tenant, dimensions: dims, source: source)
        case 2:
            return try Observation(
                kind: .firstResponseTime,
                value: .duration(seconds: -Foundation.log(1 - random.nextUnitInterval()) * 600),
                time: time, tenant: tenant, dimensions: dims, source: source)
        case 3:
            return try Observation(
                kind: .slaFirstReply, value: .outcome(random.next(below: 4) != 0), time: time, tenant: tenant,
                dimensions: dims, source: source)
        default:
            return try Observation(
                kind: .unitsSold, value: .quantity(Double(1 + random.next(below: 5))), time: time,
                tenant: tenant,
                dimensions: dims, source: source)
        }
    }

    func observations(_ count: Int) throws -> [Observation] {
        try (0..<count).map { try observation(index: $0) }
    }
}

/// The naive reference: bucket every observation with the core calendar and add values.
func naiveRollups(_ observations: [Observation], timeZone: TimeZone) throws -> [RollupKey: MetricAggregate] {
    var result: [RollupKey: MetricAggregate] = [:]
    for observation in observations {
        let day = try ReportingPeriod.containing(observation.time, granularity: .day, timeZone: timeZone)
        let key = RollupKey(kind: observation.kind, day: day, dimensions: observation.dimensions)
        var aggregate = result[key] ?? MetricAggregate(measure: observation.kind.measure)
        try aggregate.add(observation.value)
        result[key] = aggregate
    }
    return result
}
