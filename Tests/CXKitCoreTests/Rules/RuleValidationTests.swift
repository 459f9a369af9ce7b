import CXKitCore
import Foundation
import Testing

@Suite("Rule validation")
struct RuleValidationTests {
    @Test("each kind of invalid rule is reported with its JSON path")
    func validationErrors() throws {
        let schema = try RuleFixtures.makeSchema()
        let valid = Rule.attribute("customer.country", .equals(.string("TR")))
        func check(_ field: String, _ rule: Rule, sourceLocation: SourceLocation = #_sourceLocation) {
            RuleFixtures.expectError(
                field: field, { try schema.compile(rule) }, sourceLocation: sourceLocation)
        }
        func checkLimit(_ field: String, _ rule: Rule, sourceLocation: SourceLocation = #_sourceLocation) {
            RuleFixtures.expectError(
                .limitExceeded, field: field, { try schema.compile(rule) }, sourceLocation: sourceLocation)
        }
        // Unknown attribute.
        check("condition.all[2].attribute", .all([valid, valid, .attribute("customer.shoe_size", .exists)]))
        // Operator that does not apply to the type.
        check("condition.op", .attribute("customer.vip", .lessThan(.boolean(true))))
        check("condition.any[0].op", .any([.attribute("customer.country", .greaterThan(.string("A")))]))
        check("condition.op", .attribute("customer.country", .withinLast(.days(3))))
        check("condition.op", .attribute("customer.score", .oneOf([.number(1)])))
        check("condition.op", .attribute("customer.tags", .equals(.string("a"))))
        // Value of the wrong type.
        check(
            "condition.all[2].value",
            .all([valid, valid, .attribute("order.total", .greaterThan(.string("100")))]))
        check("condition.value", .attribute("customer.orders", .equals(.number(1.5))))
        check("condition.value", .attribute("customer.tags", .contains(.integer(1))))
        check("condition.value[1]", .attribute("customer.country", .oneOf([.string("TR"), .integer(1)])))
        check("condition.value[0]", .attribute("customer.orders", .between(.string("a"), .integer(2))))
        check("condition.value", .attribute("customer.score", .equals(.number(.nan))))
        check("condition.value", .attribute("order.delivered_at", .withinLast(.days(-1))))
        check("condition.value", .attribute("ticket.age", .equals(.duration(.days(1_000_000)))))
        // Between with low above high, or in two currencies.
        check("condition.value", .attribute("customer.orders", .between(.integer(5), .integer(2))))
        check(
            "condition.value",
            .attribute(
                "order.total",
                .between(RuleFixtures.lira(1), .money(Money(minorUnits: 2, currency: .usDollar)))))
        // Empty and oversized in-lists.
        check("condition.not.value", .not(.attribute("customer.country", .noneOf([]))))
        checkLimit(
            "condition.value",
            .attribute("customer.orders", .oneOf((0..<1025).map { .integer(Int64($0)) })))
        // Depth and size limits.
        var deep = valid
        for _ in 0..<33 { deep = .not(deep) }
        checkLimit("condition" + String(repeating: ".not", count: 32), deep)
        var ok = valid
        for _ in 0..<32 { ok = .not(ok) }
        #expect(throws: Never.self) { try schema.compile(ok) }
        checkLimit("condition.any[255]", .any(Array(repeating: valid, count: 256)))
        #expect(throws: Never.self) { try schema.compile(.any(Array(repeating: valid, count: 255))) }
    }

    @Test("schemas reject malformed and duplicate attribute names")
    func schemaErrors() {
        RuleFixtures.expectError(field: "attributes[1].name") {
            try RuleSchema([
                AttributeDescriptor("a", type: .string), AttributeDescriptor("a", type: .integer),
            ])
        }
        RuleFixtures.expectError(field: "attributes[0].name") {
            try RuleSchema([AttributeDescriptor("has space", type: .string)])
        }
        RuleFixtures.expectError(field: "attributes[0].name") {
            try RuleSchema([AttributeDescriptor("", type: .string)])
        }
        RuleFixtures.expectError(field: "attributes[0].type") {
            try RuleSchema([AttributeDescriptor("x", type: .list(.list(.string)))])
        }
    }

    @Test("schemas round-trip through JSON for rule builders")
    func schemaCodable() throws {
        let schema = try RuleFixtures.makeSchema()
        let data = try JSONEncoder().encode(schema)
        let decoded = try JSONDecoder().decode(RuleSchema.self, from: data)
        #expect(decoded.attributes == schema.attributes)
        RuleFixtures.expectError(field: "attributes[1].name") {
            try JSONDecoder().decode(
                RuleSchema.self,
                from: Data(#"[{"name": "a", "type": "string"}, {"name": "a", "type": "integer"}]"#.utf8))
        }
    }

    @Test("facts check attributes and types when set by name")
    func factErrors() throws {
        var facts = RuleFacts(schema: try RuleFixtures.makeSchema())
        RuleFixtures.expectError(field: "attribute") { try facts.set(.string("x"), for: "nope") }
        RuleFixtures.expectError(field: "value") { try facts.set(.string("100"), for: "order.total") }
        try facts.set(.integer(4), for: "customer.score")
        #expect(facts.value(for: "customer.score") == .number(4))
        try facts.set(nil, for: "customer.score")
        #expect(facts.value(for: "customer.score") == nil)
    }

    @Test("value types round-trip through their names")
    func typeNames() throws {
        for type in [
            RuleValueType.string, .integer, .number, .boolean, .date, .money, .duration, .list(.string),
        ] {
            #expect(RuleValueType.named(type.name) == type)
            let data = try JSONEncoder().encode(type)
            #expect(try JSONDecoder().decode(RuleValueType.self, from: data) == type)
        }
        RuleFixtures.expectError(field: "[0].type") {
            try JSONDecoder().decode(RuleSchema.self, from: Data(#"[{"name": "a", "type": "text"}]"#.utf8))
        }
        #expect(RuleValueType.named("list<>") == nil)
        #expect(RuleValueType.named("text") == nil)
    }
}
