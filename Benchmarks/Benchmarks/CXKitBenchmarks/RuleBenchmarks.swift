import Benchmark
import CXKitCore
import Foundation

func registerRuleBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .nanoseconds, warmupIterations: 10_000,
        scalingFactor: .kilo, maxDuration: .seconds(2))

    /// A five-clause return-eligibility style rule over integer, money, string, date and
    /// boolean attributes.
    func makeRule() throws -> (CompiledRule, RuleFacts, Date) {
        let lira = try CurrencyCode("TRY")
        let schema = try RuleSchema([
            AttributeDescriptor("order.item_count", type: .integer),
            AttributeDescriptor("order.total", type: .money),
            AttributeDescriptor("customer.country", type: .string),
            AttributeDescriptor("order.delivered_at", type: .date),
            AttributeDescriptor("customer.is_blocked", type: .boolean),
        ])
        let rule = Rule.all([
            .attribute("order.item_count", .greaterThanOrEqual(.integer(1))),
            .attribute("order.total", .greaterThanOrEqual(.money(Money(minorUnits: 10_000, currency: lira)))),
            .attribute("customer.country", .oneOf([.string("TR"), .string("DE"), .string("NL"), .string("GB")])),
            .attribute("order.delivered_at", .withinLast(.days(30))),
            .attribute("customer.is_blocked", .equals(.boolean(false))),
        ])
        let compiled = try schema.compile(rule)
        let now = Date(timeIntervalSince1970: 1_767_603_600)
        var facts = RuleFacts(schema: schema)
        try facts.set(.integer(3), for: "order.item_count")
        try facts.set(.money(Money(minorUnits: 45_990, currency: lira)), for: "order.total")
        try facts.set(.string("TR"), for: "customer.country")
        try facts.set(.date(now.addingTimeInterval(-5 * 86_400)), for: "order.delivered_at")
        try facts.set(.boolean(false), for: "customer.is_blocked")
        return (compiled, facts, now)
    }

    Benchmark("Rules/evaluate 5 clauses (compiled)", configuration: configuration) { benchmark in
        let (rule, facts, now) = try makeRule()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(rule.isSatisfied(by: facts, now: now))
        }
    }

    Benchmark("Rules/evaluate 5 clauses with explanation", configuration: configuration) { benchmark in
        let (rule, facts, now) = try makeRule()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(rule.evaluate(against: facts, now: now))
        }
    }
}
