import CXKitCore
import Foundation
import Testing

@Suite("Rule evaluation")
struct RuleEvaluationTests {
    let now = RuleFixtures.now  // 2026-04-11T00:00:00Z

    private func facts(_ values: [AttributeName: RuleValue]) throws -> RuleFacts {
        var facts = RuleFacts(schema: try RuleFixtures.makeSchema())
        for (name, value) in values { try facts.set(value, for: name) }
        return facts
    }

    @Test("relative date operators measure from the given now")
    func relativeDates() throws {
        let schema = try RuleFixtures.makeSchema()
        let within = try schema.compile(.attribute("order.delivered_at", .withinLast(.days(30))))
        let older = try schema.compile(.attribute("order.delivered_at", .olderThan(.days(30))))
        let before = try schema.compile(
            .attribute("order.delivered_at", .before(RuleFixtures.date("2026-03-12T00:00:00Z"))))
        let after = try schema.compile(
            .attribute("order.delivered_at", .after(RuleFixtures.date("2026-03-12T00:00:00Z"))))
        let cases: [(String, within: Bool, older: Bool, before: Bool, after: Bool)] = [
            ("2026-03-12T00:00:00Z", true, false, false, false),  // exactly 30 days ago: inside, inclusive
            ("2026-03-11T23:59:59Z", false, true, true, false),
            ("2026-04-11T00:00:00Z", true, false, false, true),  // now itself
            ("2026-04-11T00:00:01Z", false, false, false, true),  // the future is not "within the last"
            ("2026-01-01T00:00:00Z", false, true, true, false),
        ]
        for (text, isWithin, isOlder, isBefore, isAfter) in cases {
            let subject = try facts(["order.delivered_at": .date(RuleFixtures.date(text))])
            #expect(within.isSatisfied(by: subject, now: now) == isWithin, "\(text)")
            #expect(older.isSatisfied(by: subject, now: now) == isOlder, "\(text)")
            #expect(before.isSatisfied(by: subject, now: now) == isBefore, "\(text)")
            #expect(after.isSatisfied(by: subject, now: now) == isAfter, "\(text)")
            for rule in [within, older, before, after] {
                #expect(
                    rule.evaluate(against: subject, now: now).isSatisfied
                        == rule.isSatisfied(by: subject, now: now))
            }
        }
        let hours = try schema.compile(.attribute("order.delivered_at", .withinLast(.hours(12))))
        let subject = try facts(["order.delivered_at": .date(RuleFixtures.date("2026-04-10T13:00:00Z"))])
        #expect(hours.isSatisfied(by: subject, now: now))
        #expect(!hours.isSatisfied(by: subject, now: now.addingTimeInterval(3601)))
    }

    @Test("explanations say in words why each clause passed or failed")
    func explanations() throws {
        let schema = try RuleFixtures.makeSchema()
        let rule = try schema.compile(
            .all([
                .attribute("order.delivered_at", .withinLast(.days(30))),
                .attribute("customer.country", .oneOf([.string("TR"), .string("DE")])),
                .attribute("order.total", .greaterThanOrEqual(RuleFixtures.lira(10_000))),
                .attribute("customer.vip", .equals(.boolean(true))),
                .any([
                    .attribute("customer.tags", .contains(.string("Gold"))),
                    .not(.attribute("customer.email", .exists)),
                ]),
            ]))
        let subject = try facts([
            "order.delivered_at": .date(RuleFixtures.date("2026-03-02T00:00:00Z")),
            "customer.country": .string("DE"),
            "order.total": RuleFixtures.lira(9_950),
            "customer.tags": .list([.string("gold"), .string("returns")]),
            "customer.email": .string("a@example.com"),
        ])
        let evaluation = rule.evaluate(against: subject, now: now)
        #expect(!evaluation.isSatisfied)
        let root = evaluation.explanation
        #expect(root.path == "condition")
        #expect(root.kind == .all)
        #expect(root.reason == "3 of 5 conditions do not hold")
        let reasons = root.children.map(\.reason)
        #expect(
            reasons == [
                "Delivery date 2026-03-02 is not within the last 30 days (window closed on 2026-04-01)",
                "Country \"DE\" is one of \"TR\", \"DE\"",
                "Order total 99.50 TRY is less than 100.00 TRY",
                "VIP is missing",
                "1 of 2 conditions hold",
            ])
        #expect(root.children.map(\.path) == (0..<5).map { "condition.all[\($0)]" })
        #expect(root.children[3].outcome == .missing)
        let alternatives = root.children[4].children
        #expect(alternatives[0].reason == "Tags includes \"Gold\"")
        #expect(alternatives[1].reason == "the negated condition holds")
        #expect(alternatives[1].children[0].reason == "customer.email is present")
        #expect(alternatives[1].children[0].path == "condition.all[4].any[1].not")
        #expect(
            evaluation.reasons == [
                "Delivery date 2026-03-02 is not within the last 30 days (window closed on 2026-04-01)",
                "Order total 99.50 TRY is less than 100.00 TRY",
                "VIP is missing",
            ])
        #expect(root.clauses.count == 6)
    }

    @Test("every operator explains its passing and failing case")
    func operatorReasons() throws {
        let schema = try RuleFixtures.makeSchema()
        let subject = try facts([
            "customer.country": .string("TR"),
            "customer.orders": .integer(3),
            "customer.score": .number(4.5),
            "customer.email": .string("Ops@Example.com"),
            "order.total": .money(Money(minorUnits: 500, currency: .usDollar)),
            "order.delivered_at": .date(RuleFixtures.date("2026-04-01T09:30:00Z")),
            "ticket.age": .duration(.hours(5)),
        ])
        let expectations: [(Rule, String)] = [
            (.attribute("customer.country", .equals(.string("TR"))), "Country is \"TR\""),
            (.attribute("customer.country", .equals(.string("DE"))), "Country is \"TR\", not \"DE\""),
            (.attribute("customer.country", .notEquals(.string("DE"))), "Country is \"TR\", not \"DE\""),
            (.attribute("customer.country", .notEquals(.string("TR"))), "Country is \"TR\""),
            (.attribute("customer.country", .noneOf([.string("TR")])), "Country \"TR\" is one of \"TR\""),
            (.attribute("customer.orders", .lessThan(.integer(3))), "Order count 3 is not less than 3"),
            (.attribute("customer.orders", .lessThanOrEqual(.integer(3))), "Order count 3 is at most 3"),
            (.attribute("customer.orders", .greaterThan(.integer(3))), "Order count 3 is not more than 3"),
            (
                .attribute("customer.orders", .between(.integer(1), .integer(2))),
                "Order count 3 is not between 1 and 2"
            ),
            (
                .attribute("customer.score", .greaterThanOrEqual(.integer(4))),
                "Average score 4.5 is at least 4.0"
            ),
            (
                .attribute("customer.email", .contains(.string("example"))),
                "customer.email \"Ops@Example.com\" contains \"example\""
            ),
            (
                .attribute("customer.email", .startsWith("ops@")),
                "customer.email \"Ops@Example.com\" starts with \"ops@\""
            ),
            (
                .attribute("customer.email", .startsWith("x")),
                "customer.email \"Ops@Example.com\" does not start with \"x\""
            ),
            (.attribute("customer.tags", .exists), "Tags is missing"),
            (
                .attribute("order.total", .greaterThan(RuleFixtures.lira(100))),
                "Order total 5.00 USD is in USD, so it cannot be compared with TRY"
            ),
            (
                .attribute("order.delivered_at", .olderThan(.days(30))),
                "Delivery date 2026-04-01 09:30 UTC is not older than 30 days (it will be after 2026-05-01 09:30 UTC)"
            ),
            (
                .attribute("order.delivered_at", .withinLast(.weeks(2))),
                "Delivery date 2026-04-01 09:30 UTC is within the last 2 weeks"
            ),
            (
                .attribute("order.delivered_at", .before(RuleFixtures.date("2026-04-01T00:00:00Z"))),
                "Delivery date 2026-04-01 09:30 UTC is not before 2026-04-01"
            ),
            (
                .attribute("ticket.age", .greaterThan(.duration(.hours(4)))),
                "Ticket age 5 hours is more than 4 hours"
            ),
            (.attribute("customer.vip", .equals(.boolean(true))), "VIP is missing"),
            (.all([]), "no conditions, so it always holds"),
            (.any([]), "no conditions, so it never holds"),
        ]
        for (rule, reason) in expectations {
            let compiled = try schema.compile(rule)
            let evaluation = compiled.evaluate(against: subject, now: now)
            #expect(evaluation.explanation.reason == reason)
            #expect(evaluation.isSatisfied == compiled.isSatisfied(by: subject, now: now))
        }
    }

    @Test("missing, mistyped and NaN values fail without trapping; exists tests presence")
    func robustness() throws {
        let schema = try RuleFixtures.makeSchema()
        var facts = RuleFacts(schema: schema)
        let score = try #require(schema.slot(for: "customer.score"))
        let orders = try #require(schema.slot(for: "customer.orders"))
        facts[score] = .number(.nan)
        facts[orders] = .string("three")  // wrong type through the unchecked setter
        let wide = try RuleSchema(
            (0..<20).map { AttributeDescriptor(AttributeName("a\($0)"), type: .integer) })
        let foreign = try #require(wide.slot(for: "a19"))
        facts[foreign] = .integer(1)  // outside this schema: ignored
        #expect(facts[foreign] == nil)
        for rule: Rule in [
            .attribute("customer.score", .notEquals(.number(1))),
            .attribute("customer.score", .lessThan(.number(1))),
            .attribute("customer.orders", .notEquals(.integer(1))),
            .attribute("customer.orders", .noneOf([.integer(1)])),
            .attribute("customer.country", .notEquals(.string("TR"))),
        ] {
            let compiled = try schema.compile(rule)
            #expect(!compiled.isSatisfied(by: facts, now: now))
            #expect(!compiled.evaluate(against: facts, now: now).isSatisfied)
        }
        let exists = try schema.compile(.attribute("customer.orders", .exists))
        #expect(exists.isSatisfied(by: facts, now: now))
        let notMissing = try schema.compile(.not(.attribute("customer.country", .equals(.string("TR")))))
        #expect(notMissing.isSatisfied(by: facts, now: now))
        // A plain dictionary works as a subject too.
        let dictionary: [AttributeName: RuleValue] = ["customer.country": .string("TR")]
        #expect(!notMissing.isSatisfied(by: dictionary, now: now))
        // Facts of a different schema are evaluated by name.
        let other = try RuleSchema([AttributeDescriptor("customer.country", type: .string)])
        var otherFacts = RuleFacts(schema: other)
        try otherFacts.set(.string("TR"), for: "customer.country")
        #expect(!notMissing.isSatisfied(by: otherFacts, now: now))
        let copy = try RuleSchema(schema.attributes)
        var equivalent = RuleFacts(schema: copy)
        try equivalent.set(.string("DE"), for: "customer.country")
        #expect(notMissing.isSatisfied(by: equivalent, now: now))
    }

    @Test("compiled and explaining evaluation agree on random rules and subjects")
    func compiledAgreesWithInterpreter() throws {
        let schema = try RuleFixtures.makeSchema()
        let random = SeededRandomSource(seed: 424_242)
        var generator = RandomRules(random: random, now: now)
        var satisfied = 0
        for _ in 0..<600 {
            let rule = generator.rule(depth: 0)
            guard let compiled = try? schema.compile(rule) else { continue }
            for _ in 0..<10 {
                var facts = RuleFacts(schema: schema)
                for attribute in schema.attributes where random.next(below: 6) != 0 {
                    if let slot = schema.slot(for: attribute.name) {
                        facts[slot] = generator.value(for: attribute.type, sometimesWrong: true)
                    }
                }
                let fast = compiled.isSatisfied(by: facts, now: now)
                let explained = compiled.evaluate(against: facts, now: now)
                let dictionary = Dictionary(
                    uniqueKeysWithValues: schema.attributes.compactMap { attribute in
                        facts.value(for: attribute.name).map { (attribute.name, $0) }
                    })
                #expect(fast == explained.isSatisfied, "\(rule)")
                #expect(fast == compiled.isSatisfied(by: dictionary, now: now), "\(rule)")
                if fast { satisfied += 1 }
            }
        }
        #expect(satisfied > 100)
    }
}

/// A small generator of random rules and values over the fixture schema.
struct RandomRules {
    let random: SeededRandomSource
    let now: Date

    let attributes: [(AttributeName, RuleValueType)] = [
        ("customer.country", .string), ("customer.tags", .list(.string)), ("customer.orders", .integer),
        ("customer.vip", .boolean), ("customer.score", .number), ("customer.email", .string),
        ("order.total", .money), ("order.delivered_at", .date), ("ticket.age", .duration),
    ]

    mutating func rule(depth: Int) -> Rule {
        switch depth < 3 ? random.next(below: 5) : 4 {
        case 0: return .all((0..<random.next(below: 4)).map { _ in rule(depth: depth + 1) })
        case 1: return .any((0..<random.next(below: 4)).map { _ in rule(depth: depth + 1) })
        case 2: return .not(rule(depth: depth + 1))
        default:
            let (name, type) = attributes[Int(random.next(below: UInt64(attributes.count)))]
            let operators = type.supportedOperators
            let op = operators[Int(random.next(below: UInt64(operators.count)))]
            return .attribute(name, predicate(op, type))
        }
    }

    func predicate(_ op: RuleOperator, _ type: RuleValueType) -> RulePredicate {
        let element: RuleValueType = if case .list(let inner) = type { inner } else { type }
        let a = value(for: element, sometimesWrong: false)
        let b = value(for: element, sometimesWrong: false)
        switch op {
        case .equals: return .equals(a)
        case .notEquals: return .notEquals(a)
        case .in: return .oneOf([a, b])
        case .notIn: return .noneOf([a, b])
        case .lessThan: return .lessThan(a)
        case .lessThanOrEqual: return .lessThanOrEqual(a)
        case .greaterThan: return .greaterThan(a)
        case .greaterThanOrEqual: return .greaterThanOrEqual(a)
        case .between: return .between(a, b)  // sometimes low > high: rejected by validation
        case .contains: return .contains(a)
        case .startsWith: return .startsWith(["", "t", "T", "a@", "x"][Int(random.next(below: 5))])
        case .exists: return .exists
        case .withinLast: return .withinLast(.days(Int64(random.next(below: 40))))
        case .olderThan: return .olderThan(.hours(Int64(random.next(below: 1000))))
        case .before: return .before(date())
        case .after: return .after(date())
        }
    }

    func date() -> Date {
        now.addingTimeInterval(Double(Int64(random.next(below: 80)) - 60) * 43_200)
    }

    func value(for type: RuleValueType, sometimesWrong: Bool) -> RuleValue {
        if sometimesWrong, random.next(below: 25) == 0 {
            return [RuleValue.string("x"), .integer(1), .number(.nan), .boolean(true)][
                Int(random.next(below: 4))]
        }
        switch type {
        case .string:
            return .string(["TR", "DE", "tr", "a@example.com", "", "Türkiye"][Int(random.next(below: 6))])
        case .integer: return .integer([Int64.min, -1, 0, 1, 2, 3, .max][Int(random.next(below: 7))])
        case .number:
            return random.next(below: 3) == 0
                ? .integer(Int64(random.next(below: 5))) : .number(Double(random.next(below: 10)) / 2)
        case .boolean: return .boolean(random.next(below: 2) == 0)
        case .date: return .date(date())
        case .money:
            let currency: CurrencyCode = random.next(below: 8) == 0 ? .usDollar : .turkishLira
            return .money(Money(minorUnits: Int64(random.next(below: 5)) * 100, currency: currency))
        case .duration:
            return .duration(
                random.next(below: 2) == 0
                    ? .hours(Int64(random.next(below: 50))) : .days(Int64(random.next(below: 3))))
        case .list(let element):
            return .list(
                (0..<random.next(below: 4)).map { _ in value(for: element, sometimesWrong: sometimesWrong) })
        }
    }
}

@Suite("Rule text matching")
struct RuleTextMatchingTests {
    @Test("contains and startsWith ignore case for ASCII and non-ASCII text alike")
    func textMatching() throws {
        let schema = try RuleFixtures.makeSchema()
        let now = RuleFixtures.now
        let cases: [(String, RulePredicate, Bool)] = [
            ("Ops@Example.COM", .contains(.string("example.com")), true),
            ("Ops@Example.COM", .contains(.string("EXAMPLE.org")), false),
            ("Ops", .contains(.string("ops@")), false),
            ("", .contains(.string("")), true),
            ("Müşteri İADE", .contains(.string("müşteri")), true),
            ("MÜŞTERI", .startsWith("müş"), true),
            ("Straße", .startsWith("STRA"), true),
            ("Ops@Example.com", .startsWith("OPS@"), true),
            ("Ops@Example.com", .startsWith("example"), false),
        ]
        for (text, predicate, expected) in cases {
            let rule = try schema.compile(.attribute("customer.email", predicate))
            var facts = RuleFacts(schema: schema)
            try facts.set(.string(text), for: "customer.email")
            #expect(rule.isSatisfied(by: facts, now: now) == expected, "\(text) \(predicate)")
            #expect(rule.evaluate(against: facts, now: now).isSatisfied == expected)
        }
        // Long in-lists are hashed, short ones scanned: both answer alike.
        let many = (0..<20).map { RuleValue.string("C\($0)") }
        let long = try schema.compile(.attribute("customer.country", .oneOf(many)))
        let short = try schema.compile(.attribute("customer.country", .noneOf(Array(many.prefix(3)))))
        let numbers = try schema.compile(
            .attribute("customer.orders", .oneOf((0..<20).map { .integer(Int64($0)) })))
        var facts = RuleFacts(schema: schema)
        try facts.set(.string("C12"), for: "customer.country")
        try facts.set(.integer(19), for: "customer.orders")
        #expect(long.isSatisfied(by: facts, now: now))
        #expect(short.isSatisfied(by: facts, now: now))
        #expect(numbers.isSatisfied(by: facts, now: now))
    }
}
