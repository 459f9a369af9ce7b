import CXKitCore
import Foundation
import Testing

@Suite("Rule documents")
struct RuleDocumentTests {
    let documentedJSON = """
        {"version": 1, "condition": {"all": [
          {"attribute": "customer.country", "op": "in", "value": ["TR", "DE"]},
          {"attribute": "order.total", "op": "gte",
           "value": {"money": {"minorUnits": 10000, "currency": "TRY"}}},
          {"attribute": "order.delivered_at", "op": "withinLast", "value": {"days": 30}},
          {"any": [
            {"attribute": "customer.vip", "op": "eq", "value": true},
            {"not": {"attribute": "customer.tags", "op": "contains", "value": "blocked"}},
            {"attribute": "customer.score", "op": "between", "value": [3, 4.5]},
            {"attribute": "customer.email", "op": "exists"},
            {"attribute": "customer.email", "op": "startsWith", "value": "ops"},
            {"attribute": "order.delivered_at", "op": "before", "value": "2026-03-12T00:00:00Z"},
            {"attribute": "order.delivered_at", "op": "after", "value": "2026-01-01"},
            {"attribute": "order.delivered_at", "op": "olderThan", "value": {"hours": 12}},
            {"attribute": "ticket.age", "op": "lt", "value": {"duration": {"hours": 4}}},
            {"attribute": "order.delivered_at", "op": "lte", "value": {"date": "2026-03-12T08:30:00+03:00"}},
            {"attribute": "customer.orders", "op": "notIn", "value": [0, 1]},
            {"attribute": "customer.country", "op": "neq", "value": "US"}
          ]}
        ]}}
        """

    var expected: Rule {
        .all([
            .attribute("customer.country", .oneOf([.string("TR"), .string("DE")])),
            .attribute("order.total", .greaterThanOrEqual(RuleFixtures.lira(10_000))),
            .attribute("order.delivered_at", .withinLast(.days(30))),
            .any([
                .attribute("customer.vip", .equals(.boolean(true))),
                .not(.attribute("customer.tags", .contains(.string("blocked")))),
                .attribute("customer.score", .between(.integer(3), .number(4.5))),
                .attribute("customer.email", .exists),
                .attribute("customer.email", .startsWith("ops")),
                .attribute("order.delivered_at", .before(RuleFixtures.date("2026-03-12T00:00:00Z"))),
                .attribute("order.delivered_at", .after(RuleFixtures.date("2026-01-01T00:00:00Z"))),
                .attribute("order.delivered_at", .olderThan(.hours(12))),
                .attribute("ticket.age", .lessThan(.duration(.hours(4)))),
                .attribute(
                    "order.delivered_at", .lessThanOrEqual(.date(RuleFixtures.date("2026-03-12T05:30:00Z")))),
                .attribute("customer.orders", .noneOf([.integer(0), .integer(1)])),
                .attribute("customer.country", .notEquals(.string("US"))),
            ]),
        ])
    }

    @Test("the documented JSON shape decodes to the expected rule")
    func documentedShapeDecodes() throws {
        let document = try RuleDocument.decode(from: Data(documentedJSON.utf8))
        #expect(document.version == 1)
        #expect(document.condition == expected)
        let compiled = try RuleFixtures.makeSchema().compile(document)
        // Validation widens the whole-number bound of a number attribute.
        guard case .all(let parts) = compiled.rule, case .any(let alternatives) = parts[3] else {
            Issue.record("unexpected shape")
            return
        }
        #expect(alternatives[2] == .attribute("customer.score", .between(.number(3), .number(4.5))))
    }

    @Test("encoding produces the documented shape")
    func encodesDocumentedShape() throws {
        let rule = Rule.all([
            .attribute("customer.country", .equals(.string("TR"))),
            .attribute("order.delivered_at", .withinLast(.days(30))),
            .attribute("customer.email", .exists),
            .not(.attribute("order.total", .between(RuleFixtures.lira(100), RuleFixtures.lira(900)))),
        ])
        let json = String(decoding: try RuleDocument(rule).encoded(), as: UTF8.self)
        #expect(
            json
                == #"{"condition":{"all":[{"attribute":"customer.country","op":"eq","value":"TR"},"#
                + #"{"attribute":"order.delivered_at","op":"withinLast","value":{"days":30}},"#
                + #"{"attribute":"customer.email","op":"exists"},"#
                + #"{"not":{"attribute":"order.total","op":"between","value":[{"money":{"currency":"TRY","minorUnits":100}},"#
                + #"{"money":{"currency":"TRY","minorUnits":900}}]}}]},"version":1}"#)
    }

    @Test("a validated rule survives an encode/decode round trip unchanged")
    func roundTrip() throws {
        let schema = try RuleFixtures.makeSchema()
        let compiled = try schema.compile(try RuleDocument.decode(from: Data(documentedJSON.utf8)))
        let data = try compiled.document.encoded()
        let again = try schema.compile(try RuleDocument.decode(from: data))
        #expect(again.rule == compiled.rule)
        #expect(try again.document.encoded() == data)
    }

    @Test(
        "malformed documents name the JSON path of the problem",
        arguments: [
            (#"{"version": 2, "condition": {"all": []}}"#, "version", ErrorCode.validationFailed),
            (#"{"condition": {"all": []}}"#, "version", .validationFailed),
            (#"{"version": 1}"#, "condition", .validationFailed),
            (#"{"version": 1, "condition": []}"#, "condition", .validationFailed),
            (#"{"version": 1, "condition": {"all": [], "any": []}}"#, "condition", .validationFailed),
            (#"{"version": 1, "condition": {"all": {}}}"#, "condition.all", .validationFailed),
            (
                #"{"version": 1, "condition": {"all": [{"attribute": 3, "op": "eq", "value": 1}]}}"#,
                "condition.all[0].attribute", .validationFailed
            ),
            (
                #"{"version": 1, "condition": {"all": [{}, {"attribute": "a", "op": "like", "value": 1}]}}"#,
                "condition.all[0]", .validationFailed
            ),
            (
                #"{"version": 1, "condition": {"any": [{"attribute": "a", "op": "like", "value": 1}]}}"#,
                "condition.any[0].op", .validationFailed
            ),
            (
                #"{"version": 1, "condition": {"not": {"attribute": "a", "op": "eq"}}}"#,
                "condition.not.value", .validationFailed
            ),
            (
                #"{"version": 1, "condition": {"attribute": "a", "op": "exists", "value": 1}}"#,
                "condition.value", .validationFailed
            ),
            (
                #"{"version": 1, "condition": {"attribute": "a", "op": "eq", "value": null}}"#,
                "condition.value", .validationFailed
            ),
            (
                #"{"version": 1, "condition": {"attribute": "a", "op": "eq", "value": {"colour": 1}}}"#,
                "condition.value", .validationFailed
            ),
            (
                #"{"version": 1, "condition": {"attribute": "a", "op": "eq", "value": {"date": "2026-03-12", "x": 1}}}"#,
                "condition.value", .validationFailed
            ),
            (
                #"{"version": 1, "condition": {"attribute": "a", "op": "eq", "value": {"date": "12 March"}}}"#,
                "condition.value.date", .validationFailed
            ),
            (
                #"{"version": 1, "condition": {"attribute": "a", "op": "eq", "value": {"money": {"minorUnits": 1, "currency": "ZZZ"}}}}"#,
                "condition.value.money.currency", .validationFailed
            ),
            (
                #"{"version": 1, "condition": {"attribute": "a", "op": "between", "value": [1]}}"#,
                "condition.value", .validationFailed
            ),
            (
                #"{"version": 1, "condition": {"attribute": "a", "op": "in", "value": "TR"}}"#,
                "condition.value", .validationFailed
            ),
            (
                #"{"version": 1, "condition": {"attribute": "a", "op": "withinLast", "value": {"days": 1, "hours": 2}}}"#,
                "condition.value", .validationFailed
            ),
            (
                #"{"version": 1, "condition": {"attribute": "a", "op": "withinLast", "value": {"days": "x"}}}"#,
                "condition.value.days", .validationFailed
            ),
            (
                #"{"version": 1, "condition": {"attribute": "a", "op": "before", "value": "yesterday"}}"#,
                "condition.value", .validationFailed
            ),
            (
                #"{"version": 1, "condition": {"attribute": "a", "op": "startsWith", "value": 5}}"#,
                "condition.value", .validationFailed
            ),
            (
                #"{"version": 1, "condition": {"attribute": "a", "op": "eq", "value": 1, "extra": 2}}"#,
                "condition", .validationFailed
            ),
            (#"{"version": 1, "condition": {"all": [1, 2"#, "document", .validationFailed),
            (#"not json"#, "document", .validationFailed),
        ])
    func malformedDocuments(json: String, field: String, code: ErrorCode) {
        RuleFixtures.expectError(code, field: field) { try RuleDocument.decode(from: Data(json.utf8)) }
    }

    @Test("decoding refuses nesting deeper than 32 levels")
    func decodingDepthLimit() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: #"{"not": "#, count: depth) + #"{"all": []}"#
                + String(repeating: "}", count: depth)
        }
        // 31 `not`s around an `all` is 32 levels: accepted.
        let ok = #"{"version": 1, "condition": "# + nested(31) + "}"
        #expect(throws: Never.self) { try RuleDocument.decode(from: Data(ok.utf8)) }
        let tooDeep = #"{"version": 1, "condition": "# + nested(32) + "}"
        RuleFixtures.expectError(
            .limitExceeded, field: "condition" + String(repeating: ".not", count: 32)
        ) { try RuleDocument.decode(from: Data(tooDeep.utf8)) }
        let veryDeep = #"{"version": 1, "condition": "# + nested(5000) + "}"
        #expect(throws: (any Error).self) { try RuleDocument.decode(from: Data(veryDeep.utf8)) }
    }

    @Test("decoding thousands of random and mutated documents never crashes")
    func fuzzDecoding() throws {
        let random = SeededRandomSource(seed: 0xF022)
        let seeds = [
            documentedJSON,
            #"{"version": 1, "condition": {"not": {"attribute": "customer.vip", "op": "eq", "value": false}}}"#,
            #"{"version": 1, "condition": {"any": [{"attribute": "ticket.age", "op": "gt", "value": {"duration": {"minutes": 5}}}]}}"#,
        ].map { Array($0.utf8) }
        let alphabet = Array(#"{}[]":,.-+0123456789eE aZ"allnynotattributeopvaluein"#.utf8)
        let schema = try RuleFixtures.makeSchema()
        var decoded = 0
        var rejected = 0
        for iteration in 0..<4000 {
            var bytes = seeds[iteration % seeds.count]
            let mutations = Int(random.next(below: 6)) + 1
            for _ in 0..<mutations {
                let position = Int(random.next(below: UInt64(bytes.count)))
                switch random.next(below: 4) {
                case 0: bytes[position] = alphabet[Int(random.next(below: UInt64(alphabet.count)))]
                case 1: bytes.remove(at: position)
                case 2: bytes.insert(alphabet[Int(random.next(below: UInt64(alphabet.count)))], at: position)
                default:
                    let end = min(bytes.count, position + Int(random.next(below: 40)))
                    bytes.removeSubrange(position..<end)
                }
                if bytes.isEmpty { bytes = [UInt8(ascii: "{")] }
            }
            if iteration % 10 == 0 {
                bytes = (0..<Int(random.next(below: 64))).map { _ in
                    alphabet[Int(random.next(below: UInt64(alphabet.count)))]
                }
            }
            do {
                let document = try RuleDocument.decode(from: Data(bytes))
                decoded += 1
                if let compiled = try? schema.compile(document) {
                    _ = compiled.evaluate(against: RuleFacts(schema: schema), now: RuleFixtures.now)
                }
            } catch let error as CoreError {
                #expect(error.code == .validationFailed || error.code == .limitExceeded)
                #expect(error.field != nil)
                rejected += 1
            } catch {
                Issue.record("non-CoreError thrown: \(error)")
            }
        }
        #expect(decoded + rejected == 4000)
        #expect(decoded > 0)
    }
}
