import CXKitCore
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Line rule programs agree with core's rule evaluator")
struct LineRuleProgramTests {
    static let placedAt = TestPrincipals.monday
    static let now = TestPrincipals.monday.addingTimeInterval(9 * 86_400)

    /// Rules over every line attribute and operator, including ones that fall back to core.
    static let rules: [Rule] = {
        let money = OrderFactory.money
        let day = TestPrincipals.monday
        let clauses: [Rule] = [
            .attribute("line.category", .equals(.string("apparel"))),
            .attribute("line.category", .notEquals(.string("apparel"))),
            .attribute("line.category", .oneOf([.string("care"), .string("shoes")])),
            .attribute("line.category", .noneOf([.string("care"), .string("shoes")])),
            .attribute("line.category", .contains(.string("PAR"))),
            .attribute("line.category", .startsWith("app")),
            .attribute("line.category", .exists),
            .attribute("line.productClass", .equals(.string("hygiene"))),
            .attribute("line.productClass", .notEquals(.string("hygiene"))),
            .attribute("line.productClass", .noneOf([.string("food")])),
            .attribute("line.productClass", .exists),
            .attribute("line.tags", .contains(.string("Summer"))),
            .attribute("line.tags", .contains(.string("straße"))),
            .attribute("line.tags", .exists),
            .attribute("line.unitPrice", .lessThan(.money(money(3_000)))),
            .attribute("line.unitPrice", .lessThanOrEqual(.money(money(3_000)))),
            .attribute("line.unitPrice", .greaterThan(.money(money(3_000)))),
            .attribute("line.unitPrice", .greaterThanOrEqual(.money(money(10_000)))),
            .attribute("line.unitPrice", .between(.money(money(1_000)), .money(money(5_000)))),
            .attribute("line.unitPrice", .equals(.money(money(3_000)))),
            .attribute("line.unitPrice", .notEquals(.money(money(3_000)))),
            .attribute("line.unitPrice", .lessThan(.money(Money(minorUnits: 100_000, currency: .usDollar)))),
            .attribute("line.finalSale", .equals(.boolean(true))),
            .attribute("line.finalSale", .notEquals(.boolean(true))),
            .attribute("order.placedAt", .olderThan(.days(5))),
            .attribute("order.placedAt", .withinLast(.days(30))),
            .attribute("order.placedAt", .before(day.addingTimeInterval(3_600))),
            .attribute("order.placedAt", .after(day)),
            .attribute("order.deliveredAt", .exists),
            .attribute("order.deliveredAt", .greaterThan(.date(day))),
            .attribute("order.deliveredAt", .lessThanOrEqual(.date(day.addingTimeInterval(3 * 86_400)))),
            .attribute("order.deliveredAt", .between(.date(day), .date(day.addingTimeInterval(86_400)))),
        ]
        var rules = clauses
        for (i, clause) in clauses.enumerated() {
            let other = clauses[(i * 7 + 3) % clauses.count]
            rules.append(.all([clause, other]))
            rules.append(.any([clause, .not(other)]))
            rules.append(.not(.any([clause, .all([other])])))
        }
        return rules
    }()

    static func lines() -> [ReturnableOrderLine] {
        let money = OrderFactory.money
        let shapes: [(String, [String], String?, Money, Bool)] = [
            ("apparel", ["summer"], nil, money(10_000), false),
            ("care", [], "hygiene", money(3_000), false),
            ("shoes", ["SUMMER", "sale"], "food", money(2_999), true),
            ("APPAREL", ["STRASSE", "Straße"], nil, money(3_001), false),
            ("Apparel-Outlet", ["summer\r\n"], "", Money(minorUnits: 500, currency: .usDollar), true),
        ]
        return shapes.enumerated().map { n, shape in
            ReturnableOrderLine(
                id: OrderFactory.lineID(UInt64(n + 1)),
                product: ProductID(rawValue: Identifier(high: 0x22, low: UInt64(n))), category: shape.0,
                tags: shape.1, productClass: shape.2, quantity: 1, unitPrice: shape.3, isFinalSale: shape.4)
        }
    }

    @Test("every specialised or fallback rule gives core's answer for every line, delivered or not")
    func agreesWithCore() throws {
        for deliveredAt in [Optional(Self.placedAt.addingTimeInterval(2 * 86_400)), nil] {
            let order = ReturnableOrder(
                id: OrderID(rawValue: Identifier(high: 0x0D, low: 1)), customer: TestPrincipals.customerID,
                currency: OrderFactory.currency, placedAt: Self.placedAt, deliveredAt: deliveredAt,
                lines: Self.lines(), orderDiscount: OrderFactory.money(0), shipping: OrderFactory.money(0),
                shippingTax: OrderFactory.money(0))
            let subject = LineRuleSubject(order: order, now: Self.now)
            let compiled = try Self.rules.map { try CompiledRule($0, schema: ReturnPolicySchema.line) }
            let program = LineRuleProgram(compiled)
            #expect(program.count == Self.rules.count)
            for (r, rule) in compiled.enumerated() {
                for line in order.lines {
                    var facts: RuleFacts? = nil
                    let expected = rule.isSatisfied(by: subject.facts(for: line), now: Self.now)
                    #expect(
                        program.holds(r, line, subject, facts: &facts) == expected,
                        "\(rule.rule) on \(line.category) delivered: \(deliveredAt != nil)")
                }
            }
        }
    }

    @Test("only text contains and startsWith on string attributes fall back to core")
    func fallbackIsRare() throws {
        let program = try LineRuleProgram([
            CompiledRule(.attribute("line.tags", .contains(.string("x"))), schema: ReturnPolicySchema.line),
            CompiledRule(
                .all([
                    .attribute("line.tags", .exists), .attribute("line.category", .startsWith("x")),
                ]), schema: ReturnPolicySchema.line),
            CompiledRule(.attribute("line.category", .equals(.string("x"))), schema: ReturnPolicySchema.line),
        ])
        #expect(program.fallbacks.map { $0 != nil } == [false, true, false])
    }

    @Test("lazily rendered failures read, compare and encode exactly like eagerly built ones")
    func lazyExplanations() throws {
        var definition = ReturnPolicyDefinition(name: "lazy", currency: OrderFactory.currency)
        definition.defaultWindow = ReturnWindow(days: 5, from: .delivery)
        definition.excludesFinalSale = true
        definition.windowRules = [
            WindowRule(
                name: "care window", condition: .attribute("line.category", .equals(.string("care"))),
                window: ReturnWindow(days: 3, from: .purchase))
        ]
        definition.exclusions = [
            PolicyExclusion(
                name: "summer sale", condition: .attribute("line.tags", .contains(.string("summer"))))
        ]
        let policy = try ReturnPolicy(definition, version: 1)
        let order = ReturnableOrder(
            id: OrderID(rawValue: Identifier(high: 0x0D, low: 2)), customer: TestPrincipals.customerID,
            currency: OrderFactory.currency, placedAt: Self.placedAt,
            deliveredAt: Self.placedAt.addingTimeInterval(86_400), lines: Self.lines(),
            orderDiscount: OrderFactory.money(0), shipping: OrderFactory.money(0),
            shippingTax: OrderFactory.money(0))
        let report = policy.eligibility(
            of: order, quantities: [OrderFactory.lineID(2): 0], alreadyRequested: [OrderFactory.lineID(1): 1],
            at: Self.now)
        let failures = report.lines.flatMap(\.failures)
        let codes = Set(failures.map(\.code))
        #expect(codes.isSuperset(of: [.windowClosed, .excluded, .finalSale, .quantityNotPositive]))
        let care = try #require(report.verdict(for: OrderFactory.lineID(2)))
        #expect(care.failures.first?.explanation == "the 3-day window from purchase closed on 2026-01-08")
        #expect(care.failures.first?.clause == "windowRules[care window]")
        let excluded = try #require(failures.first { $0.code == .excluded })
        #expect(excluded.explanation.hasPrefix("excluded by summer sale ("))
        #expect(excluded.clause == "exclusions[0]")

        let eager = failures.map {
            EligibilityFailure(code: $0.code, explanation: $0.explanation, clause: $0.clause)
        }
        #expect(eager == failures)
        #expect(Set(eager) == Set(failures))
        let data = try JSONEncoder().encode(report)
        let decoded = try JSONDecoder().decode(EligibilityReport.self, from: data)
        #expect(decoded == report)
        #expect(
            policy.verifies(
                decoded, of: order, quantities: [OrderFactory.lineID(2): 0],
                alreadyRequested: [OrderFactory.lineID(1): 1]))
        let object = try #require(
            JSONSerialization.jsonObject(with: JSONEncoder().encode(excluded)) as? [String: String])
        #expect(Set(object.keys) == ["code", "explanation", "clause"])
    }
}
