import CXKitCore
import Foundation

/// A policy's line rules (its window rules, or its exclusions) compiled once per policy
/// version into one flat list of steps that read an order line's fields directly.
///
/// All rules share one step array (no per-rule value is copied while evaluating, so no
/// reference counting on the hot path); rule `r` starts at step `roots[r]`.
///
/// The generic ``CompiledRule`` fast path needs a ``RuleFacts`` per line, whose `tags` list
/// allocates twice per line. This program tests `ReturnableOrderLine` fields and the order's
/// dates in place, with the same semantics as core's evaluator: text equality is exact,
/// `contains` on tags ignores case, a missing value fails every clause (negated ones too),
/// money compares only in the operand's currency. Clauses it does not specialise (text
/// `contains` / `startsWith` on a string attribute, or anything unexpected) make the whole
/// rule run through the ``CompiledRule`` instead, so answers never differ.
struct LineRuleProgram: Sendable {
    enum Attribute: UInt8, Sendable {
        case category, tags, productClass, unitPrice, finalSale, placedAt, deliveredAt
    }

    enum Code: UInt8, Sendable {
        case all, any, not
        case exists, never
        case stringEquals, stringInList, tagContains
        case moneyRange, booleanEquals, dateRange, withinLast, olderThan
    }

    struct Step: Sendable {
        var code: Code
        var attribute = Attribute.category
        var negate = false
        var end = 0
        var side = 0
        var low: Int64 = 0
        var high: Int64 = 0
        var lowNumber = 0.0
        var highNumber = 0.0
        var currency = CurrencyCode.usDollar
    }

    /// A folded `contains` operand for tags, with whether it is plain ASCII.
    struct FoldedTag: Sendable {
        var text: String
        var bytes: [UInt8]
        var isASCII: Bool
    }

    private(set) var steps: [Step] = []
    private var strings: [String] = []
    private var stringLists: [[String]] = []
    private var tags: [FoldedTag] = []
    /// The first step of each rule (`-1` for a rule that falls back).
    private var roots: [Int] = []
    /// The core program of each rule that is not specialised here.
    private(set) var fallbacks: [CompiledRule?] = []

    /// Compiles rules validated against ``ReturnPolicySchema/line``.
    ///
    /// - Parameter rules: The rules, in policy order.
    init(_ rules: [CompiledRule]) {
        for compiled in rules {
            let mark = (steps.count, strings.count, stringLists.count, tags.count)
            if append(compiled.rule) {
                roots.append(mark.0)
                fallbacks.append(nil)
            } else {
                steps.removeSubrange(mark.0...)
                strings.removeSubrange(mark.1...)
                stringLists.removeSubrange(mark.2...)
                tags.removeSubrange(mark.3...)
                roots.append(-1)
                fallbacks.append(compiled)
            }
        }
    }

    /// How many rules there are.
    var count: Int { roots.count }

    // MARK: Compilation

    /// Appends a rule's steps; `false` when a clause is not specialised.
    private mutating func append(_ rule: Rule) -> Bool {
        let index = steps.count
        switch rule {
        case .all(let rules), .any(let rules):
            if case .all = rule { steps.append(Step(code: .all)) } else { steps.append(Step(code: .any)) }
            for child in rules where !append(child) { return false }
        case .not(let child):
            steps.append(Step(code: .not))
            guard append(child) else { return false }
        case .clause(let clause):
            guard let step = compile(clause) else { return false }
            steps.append(step)
        }
        steps[index].end = steps.count
        return true
    }

    private static func attribute(_ name: AttributeName) -> Attribute? {
        switch name.rawValue {
        case "line.category": .category
        case "line.tags": .tags
        case "line.productClass": .productClass
        case "line.unitPrice": .unitPrice
        case "line.finalSale": .finalSale
        case "order.placedAt": .placedAt
        case "order.deliveredAt": .deliveredAt
        default: nil
        }
    }

    private mutating func compile(_ clause: RuleClause) -> Step? {
        guard let attribute = Self.attribute(clause.attribute) else { return nil }
        var step = Step(code: .exists)
        step.attribute = attribute
        switch (attribute, clause.predicate) {
        case (_, .exists):
            return step
        case (.category, .equals(.string(let text))), (.productClass, .equals(.string(let text))):
            return equality(step, text, negate: false)
        case (.category, .notEquals(.string(let text))), (.productClass, .notEquals(.string(let text))):
            return equality(step, text, negate: true)
        case (.category, .oneOf(let values)), (.productClass, .oneOf(let values)):
            return list(step, values, negate: false)
        case (.category, .noneOf(let values)), (.productClass, .noneOf(let values)):
            return list(step, values, negate: true)
        case (.tags, .contains(.string(let operand))):
            step.code = .tagContains
            step.side = tags.count
            let folded = operand.lowercased()
            let bytes = Array(folded.utf8)
            tags.append(FoldedTag(text: folded, bytes: bytes, isASCII: bytes.allSatisfy { $0 < 0x80 }))
            return step
        case (.unitPrice, let predicate):
            return money(step, predicate)
        case (.finalSale, .equals(.boolean(let flag))), (.finalSale, .notEquals(.boolean(let flag))):
            step.code = .booleanEquals
            step.low = flag ? 1 : 0
            if case .notEquals = clause.predicate { step.negate = true }
            return step
        case (.placedAt, let predicate), (.deliveredAt, let predicate):
            return date(step, predicate)
        default:
            return nil
        }
    }

    private mutating func equality(_ step: Step, _ text: String, negate: Bool) -> Step {
        var step = step
        step.code = .stringEquals
        step.negate = negate
        step.side = strings.count
        strings.append(text)
        return step
    }

    private mutating func list(_ step: Step, _ values: [RuleValue], negate: Bool) -> Step? {
        var texts: [String] = []
        for value in values {
            guard case .string(let text) = value else { return nil }
            texts.append(text)
        }
        var step = step
        step.code = .stringInList
        step.negate = negate
        step.side = stringLists.count
        stringLists.append(texts)
        return step
    }

    private func money(_ step: Step, _ predicate: RulePredicate) -> Step? {
        var step = step
        step.code = .moneyRange
        func operand(_ value: RuleValue) -> Money? {
            if case .money(let money) = value { return money }
            return nil
        }
        switch predicate {
        case .equals(let value), .notEquals(let value):
            guard let amount = operand(value) else { return nil }
            step.currency = amount.currency
            (step.low, step.high) = (amount.minorUnits, amount.minorUnits)
            if case .notEquals = predicate { step.negate = true }
        case .between(let low, let high):
            guard let low = operand(low), let high = operand(high) else { return nil }
            step.currency = low.currency
            (step.low, step.high) = (low.minorUnits, high.minorUnits)
        case .lessThan(let value), .lessThanOrEqual(let value):
            guard let amount = operand(value) else { return nil }
            step.currency = amount.currency
            step.low = .min
            if case .lessThan = predicate {
                if amount.minorUnits == .min {
                    (step.low, step.high) = (1, 0)
                } else {
                    step.high = amount.minorUnits - 1
                }
            } else {
                step.high = amount.minorUnits
            }
        case .greaterThan(let value), .greaterThanOrEqual(let value):
            guard let amount = operand(value) else { return nil }
            step.currency = amount.currency
            step.high = .max
            if case .greaterThan = predicate {
                if amount.minorUnits == .max {
                    (step.low, step.high) = (1, 0)
                } else {
                    step.low = amount.minorUnits + 1
                }
            } else {
                step.low = amount.minorUnits
            }
        default:
            return nil
        }
        return step
    }

    private func date(_ step: Step, _ predicate: RulePredicate) -> Step? {
        var step = step
        step.code = .dateRange
        func seconds(_ value: RuleValue) -> Double? {
            if case .date(let date) = value { return date.timeIntervalSinceReferenceDate }
            return nil
        }
        switch predicate {
        case .equals(let value), .notEquals(let value):
            guard let at = seconds(value) else { return nil }
            (step.lowNumber, step.highNumber) = (at, at)
            if case .notEquals = predicate { step.negate = true }
        case .between(let low, let high):
            guard let low = seconds(low), let high = seconds(high) else { return nil }
            (step.lowNumber, step.highNumber) = (low, high)
        case .lessThan(let value), .lessThanOrEqual(let value):
            guard let at = seconds(value) else { return nil }
            step.lowNumber = -.infinity
            step.highNumber = predicate.isStrictBound ? at.nextDown : at
        case .greaterThan(let value), .greaterThanOrEqual(let value):
            guard let at = seconds(value) else { return nil }
            step.lowNumber = predicate.isStrictBound ? at.nextUp : at
            step.highNumber = .infinity
        case .before(let date):
            (step.lowNumber, step.highNumber) = (-.infinity, date.timeIntervalSinceReferenceDate.nextDown)
        case .after(let date):
            (step.lowNumber, step.highNumber) = (date.timeIntervalSinceReferenceDate.nextUp, .infinity)
        case .withinLast(let duration):
            step.code = .withinLast
            step.lowNumber = Double(duration.totalSeconds)
        case .olderThan(let duration):
            step.code = .olderThan
            step.lowNumber = Double(duration.totalSeconds)
        default:
            return nil
        }
        return step
    }

    // MARK: Evaluation

    /// Whether rule `rule` holds for a line of an order.
    ///
    /// - Parameters:
    ///   - rule: The rule's position.
    ///   - line: The line.
    ///   - subject: The order's dates and the evaluation instant.
    ///   - facts: Core facts for rules that fall back, built on first use and reused for
    ///     the line's other rules.
    func holds(
        _ rule: Int, _ line: ReturnableOrderLine, _ subject: LineRuleSubject, facts: inout RuleFacts?
    ) -> Bool {
        let root = roots[rule]
        if root >= 0 { return run(root, line, subject) }
        guard let fallback = fallbacks[rule] else { return false }
        if facts == nil { facts = subject.facts(for: line) }
        guard let facts else { return false }
        return fallback.isSatisfied(by: facts, now: subject.now)
    }

    private func run(_ index: Int, _ line: ReturnableOrderLine, _ subject: LineRuleSubject) -> Bool {
        let code = steps[index].code
        switch code {
        case .all:
            let end = steps[index].end
            var child = index + 1
            while child < end {
                if !run(child, line, subject) { return false }
                child = steps[child].end
            }
            return true
        case .any:
            let end = steps[index].end
            var child = index + 1
            while child < end {
                if run(child, line, subject) { return true }
                child = steps[child].end
            }
            return false
        case .not:
            return index + 1 < steps[index].end ? !run(index + 1, line, subject) : true
        default:
            return test(index, line, subject)
        }
    }

    private func test(_ index: Int, _ line: ReturnableOrderLine, _ subject: LineRuleSubject) -> Bool {
        let step = steps[index]
        switch step.attribute {
        case .category:
            return test(step, text: line.category)
        case .productClass:
            guard let productClass = line.productClass else { return false }
            return test(step, text: productClass)
        case .tags:
            switch step.code {
            case .exists: return true
            case .tagContains: return Self.contains(line.tags, tags[step.side])
            default: return false
            }
        case .unitPrice:
            switch step.code {
            case .exists: return true
            case .moneyRange:
                let price = line.unitPrice
                guard price.currency == step.currency else { return false }
                return (price.minorUnits >= step.low && price.minorUnits <= step.high) != step.negate
            default: return false
            }
        case .finalSale:
            switch step.code {
            case .exists: return true
            case .booleanEquals: return (line.isFinalSale == (step.low == 1)) != step.negate
            default: return false
            }
        case .placedAt:
            return test(step, date: subject.placedAt, now: subject.nowSeconds)
        case .deliveredAt:
            guard let delivered = subject.deliveredAt else { return false }
            return test(step, date: delivered, now: subject.nowSeconds)
        }
    }

    @inline(__always)
    private func test(_ step: Step, text: String) -> Bool {
        switch step.code {
        case .exists: return true
        case .stringEquals: return (text == strings[step.side]) != step.negate
        case .stringInList: return stringLists[step.side].contains(text) != step.negate
        default: return false
        }
    }

    @inline(__always)
    private func test(_ step: Step, date seconds: Double, now: Double) -> Bool {
        switch step.code {
        case .exists:
            return true
        case .dateRange:
            guard !seconds.isNaN else { return false }
            return (seconds >= step.lowNumber && seconds <= step.highNumber) != step.negate
        case .withinLast:
            return seconds >= now - step.lowNumber && seconds <= now
        case .olderThan:
            return seconds < now - step.lowNumber
        default:
            return false
        }
    }

    /// Whether any tag equals the folded operand, ignoring case as core's `contains` does
    /// (`tag.lowercased() == operand.lowercased()`), comparing bytes when both are ASCII.
    private static func contains(_ tags: [String], _ operand: FoldedTag) -> Bool {
        for tag in tags {
            if operand.isASCII, let equal = asciiFoldedEquals(tag, operand.bytes) {
                if equal { return true }
            } else if tag.lowercased() == operand.text {
                return true
            }
        }
        return false
    }

    /// Case-insensitive equality of an ASCII tag with folded ASCII bytes; `nil` when the
    /// tag is not ASCII.
    private static func asciiFoldedEquals(_ tag: String, _ folded: [UInt8]) -> Bool? {
        let answer = tag.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            for byte in bytes where byte >= 0x80 { return nil }
            guard bytes.count == folded.count else { return false }
            for i in 0..<bytes.count {
                let byte = bytes[i]
                let lower = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
                if lower != folded[i] { return false }
            }
            return true
        }
        return answer ?? nil
    }
}

extension RulePredicate {
    /// Whether a bound excludes its operand (`lessThan`, `greaterThan`).
    fileprivate var isStrictBound: Bool {
        switch self {
        case .lessThan, .greaterThan: true
        default: false
        }
    }
}
