import Foundation

/// A rule validated against a ``RuleSchema`` and compiled into a flat list of steps with
/// attribute slots and precomputed operands.
///
/// - `isSatisfied(by: RuleFacts, now:)` is the hot path: no allocation, no string keys,
///   no explanation. Benchmarks and bulk evaluation (segment membership, survey targeting)
///   should call it with ``RuleFacts`` built from the same schema.
/// - ``evaluate(against:now:)`` walks the rule and explains every clause; use it when a
///   person needs to know why ("not eligible: window closed on 2026-04-01").
///
/// Both give the same answer for the same subject. Evaluation never traps: missing
/// values, values of the wrong type, other currencies and NaN make a clause fail.
public struct CompiledRule: Sendable {
    /// The validated, normalised rule.
    public let rule: Rule
    /// The schema it was compiled against.
    public let schema: RuleSchema
    private let program: RuleProgram

    /// Validates and compiles a rule.
    ///
    /// - Parameters:
    ///   - rule: The rule.
    ///   - schema: The attributes it may test.
    /// - Throws: See ``RuleSchema/validate(_:field:)``.
    public init(_ rule: Rule, schema: RuleSchema) throws {
        let validated = try schema.validate(rule)
        self.rule = validated
        self.schema = schema
        self.program = RuleProgram(validated, schema: schema)
    }

    /// The rule as a storable document.
    public var document: RuleDocument { RuleDocument(rule) }

    /// Whether the rule holds for facts — the fast path.
    ///
    /// Build the facts from the very schema value the rule was compiled with (or a copy of
    /// it): that is recognised with one pointer comparison. Facts from an equal but separately
    /// created schema are recognised by comparing the attribute lists first; facts from a
    /// different schema are evaluated by name (correct, but slower).
    ///
    /// - Parameters:
    ///   - facts: The subject's values.
    ///   - now: The instant relative date operators measure from (take it from the
    ///     injected `TimestampSource`).
    /// - Returns: `true` when the rule holds.
    public func isSatisfied(by facts: RuleFacts, now: Date) -> Bool {
        guard facts.schema.isEquivalent(to: schema) else {
            return RuleInterpreter(schema: schema, now: now).holds(rule, facts)
        }
        return program.run(facts.values, now: now.timeIntervalSinceReferenceDate)
    }

    /// Whether the rule holds for any subject, without building explanations.
    ///
    /// - Parameters:
    ///   - subject: The subject.
    ///   - now: The instant relative date operators measure from.
    /// - Returns: `true` when the rule holds.
    public func isSatisfied(by subject: some RuleSubject, now: Date) -> Bool {
        RuleInterpreter(schema: schema, now: now).holds(rule, subject)
    }

    /// Evaluates the rule and explains every condition.
    ///
    /// - Parameters:
    ///   - subject: The subject.
    ///   - now: The instant relative date operators measure from.
    /// - Returns: The outcome with its explanation tree; paths start at `"condition"`.
    public func evaluate(against subject: some RuleSubject, now: Date) -> RuleEvaluation {
        RuleEvaluation(
            explanation: RuleInterpreter(schema: schema, now: now).explain(rule, path: "condition", subject))
    }
}

/// The compiled form: steps in pre-order, each group knowing where its subtree ends.
struct RuleProgram: Sendable {
    enum Code: UInt8, Sendable {
        case all, any, not
        case exists
        case integerRange, numberRange, dateRange, moneyRange, durationRange, booleanEquals
        case withinLast, olderThan
        case stringEquals, stringIn, integerIn, stringInList, integerInList
        case textContains, textStartsWith, listContains
    }

    struct Step: Sendable {
        var code: Code
        var negate = false
        var slot = 0
        var end = 0
        var low: Int64 = 0
        var high: Int64 = 0
        var lowNumber = 0.0
        var highNumber = 0.0
        var currency = CurrencyCode.usDollar
        var side = 0
    }

    private(set) var steps: [Step] = []
    private var strings: [String] = []
    private var stringSets: [Set<String>] = []
    private var integerSets: [Set<Int64>] = []
    private var stringLists: [[String]] = []
    private var integerLists: [[Int64]] = []
    private var elements: [RuleValue] = []

    init(_ rule: Rule, schema: RuleSchema) {
        append(rule, schema: schema)
    }

    private mutating func append(_ rule: Rule, schema: RuleSchema) {
        let index = steps.count
        switch rule {
        case .all(let rules), .any(let rules):
            if case .all = rule { steps.append(Step(code: .all)) } else { steps.append(Step(code: .any)) }
            for child in rules { append(child, schema: schema) }
        case .not(let child):
            steps.append(Step(code: .not))
            append(child, schema: schema)
        case .clause(let clause):
            steps.append(compile(clause, schema: schema))
        }
        steps[index].end = steps.count
    }

    // MARK: Compilation

    private mutating func compile(_ clause: RuleClause, schema: RuleSchema) -> Step {
        let slot = schema.index(of: clause.attribute) ?? Int.max
        var step = Step(code: .exists)
        step.slot = slot
        switch clause.predicate {
        case .exists:
            return step
        case .equals(let value):
            return range(step, value, value, negate: false)
        case .notEquals(let value):
            return range(step, value, value, negate: true)
        case .lessThan(let value):
            return bound(step, upper: value, strict: true)
        case .lessThanOrEqual(let value):
            return bound(step, upper: value, strict: false)
        case .greaterThan(let value):
            return bound(step, lower: value, strict: true)
        case .greaterThanOrEqual(let value):
            return bound(step, lower: value, strict: false)
        case .between(let low, let high):
            return range(step, low, high, negate: false)
        case .oneOf(let values), .noneOf(let values):
            if case .noneOf = clause.predicate { step.negate = true }
            // Short lists are scanned (cheaper than hashing); long ones hashed.
            let short = values.count <= 8
            if case .integer = values.first {
                let numbers = values.compactMap { if case .integer(let v) = $0 { v } else { nil } }
                if short {
                    (step.code, step.side) = (.integerInList, integerLists.count)
                    integerLists.append(numbers)
                } else {
                    (step.code, step.side) = (.integerIn, integerSets.count)
                    integerSets.append(Set(numbers))
                }
            } else {
                let texts = values.compactMap { if case .string(let v) = $0 { v } else { nil } }
                if short {
                    (step.code, step.side) = (.stringInList, stringLists.count)
                    stringLists.append(texts)
                } else {
                    (step.code, step.side) = (.stringIn, stringSets.count)
                    stringSets.append(Set(texts))
                }
            }
            return step
        case .contains(let operand):
            if case .list = schema.descriptor(for: clause.attribute)?.type {
                step.code = .listContains
                step.side = elements.count
                elements.append(operand)
            } else {
                step.code = .textContains
                step.side = strings.count
                strings.append(RuleComparison.fold(text(operand)))
            }
            return step
        case .startsWith(let prefix):
            step.code = .textStartsWith
            step.side = strings.count
            strings.append(RuleComparison.fold(prefix))
            return step
        case .withinLast(let duration):
            step.code = .withinLast
            step.lowNumber = Double(duration.totalSeconds)
            return step
        case .olderThan(let duration):
            step.code = .olderThan
            step.lowNumber = Double(duration.totalSeconds)
            return step
        case .before(let date):
            step.code = .dateRange
            step.lowNumber = -.infinity
            step.highNumber = date.timeIntervalSinceReferenceDate.nextDown
            return step
        case .after(let date):
            step.code = .dateRange
            step.lowNumber = date.timeIntervalSinceReferenceDate.nextUp
            step.highNumber = .infinity
            return step
        }
    }

    private func text(_ value: RuleValue) -> String {
        if case .string(let text) = value { return text }
        return ""
    }

    /// A closed range `[low, high]` (or its complement) on the value's kind.
    private mutating func range(_ step: Step, _ low: RuleValue, _ high: RuleValue, negate: Bool) -> Step {
        var step = step
        step.negate = negate
        switch (low, high) {
        case (.integer(let a), .integer(let b)):
            step.code = .integerRange
            (step.low, step.high) = (a, b)
        case (.number(let a), .number(let b)):
            step.code = .numberRange
            (step.lowNumber, step.highNumber) = (a, b)
        case (.date(let a), .date(let b)):
            step.code = .dateRange
            (step.lowNumber, step.highNumber) = (
                a.timeIntervalSinceReferenceDate, b.timeIntervalSinceReferenceDate
            )
        case (.money(let a), .money(let b)):
            step.code = .moneyRange
            step.currency = a.currency
            (step.low, step.high) = (a.minorUnits, b.minorUnits)
        case (.duration(let a), .duration(let b)):
            step.code = .durationRange
            (step.low, step.high) = (a.totalSeconds, b.totalSeconds)
        case (.boolean(let a), _):
            step.code = .booleanEquals
            step.low = a ? 1 : 0
        case (.string(let a), _):
            step.code = .stringEquals
            step.side = strings.count
            strings.append(a)
        default:
            // Validation admits no other operand kinds; an empty integer range never holds.
            step.code = .integerRange
            (step.low, step.high, step.negate) = (1, 0, false)
        }
        return step
    }

    /// A half-open bound, expressed as a closed range.
    private mutating func bound(_ step: Step, lower value: RuleValue, strict: Bool) -> Step {
        var step = range(step, value, value, negate: false)
        switch step.code {
        case .numberRange, .dateRange:
            step.lowNumber = strict ? step.lowNumber.nextUp : step.lowNumber
            step.highNumber = .infinity
        default:
            if strict {
                if step.low == .max {
                    (step.low, step.high) = (1, 0)
                } else {
                    (step.low, step.high) = (step.low + 1, .max)
                }
            } else {
                step.high = .max
            }
        }
        return step
    }

    private mutating func bound(_ step: Step, upper value: RuleValue, strict: Bool) -> Step {
        var step = range(step, value, value, negate: false)
        switch step.code {
        case .numberRange, .dateRange:
            step.highNumber = strict ? step.highNumber.nextDown : step.highNumber
            step.lowNumber = -.infinity
        default:
            if strict {
                if step.high == .min {
                    (step.low, step.high) = (1, 0)
                } else {
                    (step.low, step.high) = (.min, step.high - 1)
                }
            } else {
                step.low = .min
            }
        }
        return step
    }

    // MARK: Evaluation

    func run(_ values: [RuleValue?], now: Double) -> Bool {
        steps.isEmpty ? true : run(0, values, now)
    }

    private func run(_ index: Int, _ values: [RuleValue?], _ now: Double) -> Bool {
        let step = steps[index]
        switch step.code {
        case .all:
            var child = index + 1
            while child < step.end {
                if !run(child, values, now) { return false }
                child = steps[child].end
            }
            return true
        case .any:
            var child = index + 1
            while child < step.end {
                if run(child, values, now) { return true }
                child = steps[child].end
            }
            return false
        case .not:
            return index + 1 < step.end ? !run(index + 1, values, now) : true
        default:
            guard step.slot < values.count, let value = values[step.slot] else { return false }
            return test(step, value, now)
        }
    }

    @inline(__always)
    private func test(_ step: Step, _ value: RuleValue, _ now: Double) -> Bool {
        switch step.code {
        case .exists:
            return true
        case .integerRange:
            guard case .integer(let v) = value else { return false }
            return (v >= step.low && v <= step.high) != step.negate
        case .moneyRange:
            guard case .money(let money) = value, money.currency == step.currency else { return false }
            return (money.minorUnits >= step.low && money.minorUnits <= step.high) != step.negate
        case .durationRange:
            guard case .duration(let duration) = value else { return false }
            let seconds = duration.totalSeconds
            return (seconds >= step.low && seconds <= step.high) != step.negate
        case .numberRange:
            let number: Double
            switch value {
            case .number(let v): number = v
            case .integer(let v): number = Double(v)
            default: return false
            }
            guard !number.isNaN else { return false }
            return (number >= step.lowNumber && number <= step.highNumber) != step.negate
        case .dateRange:
            guard case .date(let date) = value else { return false }
            let seconds = date.timeIntervalSinceReferenceDate
            guard !seconds.isNaN else { return false }
            return (seconds >= step.lowNumber && seconds <= step.highNumber) != step.negate
        case .withinLast:
            guard case .date(let date) = value else { return false }
            let seconds = date.timeIntervalSinceReferenceDate
            return seconds >= now - step.lowNumber && seconds <= now
        case .olderThan:
            guard case .date(let date) = value else { return false }
            return date.timeIntervalSinceReferenceDate < now - step.lowNumber
        case .booleanEquals:
            guard case .boolean(let flag) = value else { return false }
            return (flag == (step.low == 1)) != step.negate
        case .stringEquals:
            guard case .string(let text) = value else { return false }
            return (text == strings[step.side]) != step.negate
        case .stringIn:
            guard case .string(let text) = value else { return false }
            return stringSets[step.side].contains(text) != step.negate
        case .integerIn:
            guard case .integer(let number) = value else { return false }
            return integerSets[step.side].contains(number) != step.negate
        case .stringInList:
            guard case .string(let text) = value else { return false }
            return stringLists[step.side].contains(text) != step.negate
        case .integerInList:
            guard case .integer(let number) = value else { return false }
            return integerLists[step.side].contains(number) != step.negate
        case .textContains:
            guard case .string(let text) = value else { return false }
            return RuleComparison.textContains(text, folded: strings[step.side])
        case .textStartsWith:
            guard case .string(let text) = value else { return false }
            return RuleComparison.textStarts(text, folded: strings[step.side])
        case .listContains:
            guard case .list(let items) = value else { return false }
            let operand = elements[step.side]
            return items.contains { RuleComparison.elementMatches($0, operand) }
        case .all, .any, .not:
            return false
        }
    }
}
