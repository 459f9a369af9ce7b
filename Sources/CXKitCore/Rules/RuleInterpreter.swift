import Foundation

/// Evaluates a validated ``Rule`` by walking its tree: the explaining path, and the
/// fallback for subjects that are not ``RuleFacts`` of the compiled schema.
struct RuleInterpreter {
    let schema: RuleSchema
    let now: Date

    typealias Outcome = RuleExplanation.Outcome

    func holds(_ rule: Rule, _ subject: some RuleSubject) -> Bool {
        switch rule {
        case .all(let rules):
            for rule in rules where !holds(rule, subject) { return false }
            return true
        case .any(let rules):
            for rule in rules where holds(rule, subject) { return true }
            return false
        case .not(let rule):
            return !holds(rule, subject)
        case .clause(let clause):
            return outcome(clause, subject.value(for: clause.attribute)) == .satisfied
        }
    }

    func explain(_ rule: Rule, path: String, _ subject: some RuleSubject) -> RuleExplanation {
        switch rule {
        case .all(let rules):
            let children = rules.enumerated().map { explain($1, path: "\(path).all[\($0)]", subject) }
            let failed = children.filter { !$0.isSatisfied }.count
            let reason: String
            if children.isEmpty {
                reason = "no conditions, so it always holds"
            } else if children.count == 1 {
                reason = failed == 0 ? "the condition holds" : "the condition does not hold"
            } else if failed == 0 {
                reason = "all \(children.count) conditions hold"
            } else {
                reason = "\(failed) of \(children.count) conditions do not hold"
            }
            return RuleExplanation(
                path: path, kind: .all, attribute: nil, outcome: failed == 0 ? .satisfied : .notSatisfied,
                reason: reason, children: children)
        case .any(let rules):
            let children = rules.enumerated().map { explain($1, path: "\(path).any[\($0)]", subject) }
            let passed = children.filter(\.isSatisfied).count
            let reason: String
            if children.isEmpty {
                reason = "no conditions, so it never holds"
            } else if children.count == 1 {
                reason = passed == 0 ? "the condition does not hold" : "the condition holds"
            } else if passed == 0 {
                reason = "none of the \(children.count) conditions hold"
            } else {
                reason = "\(passed) of \(children.count) conditions hold"
            }
            return RuleExplanation(
                path: path, kind: .any, attribute: nil, outcome: passed > 0 ? .satisfied : .notSatisfied,
                reason: reason, children: children)
        case .not(let rule):
            let child = explain(rule, path: path + ".not", subject)
            return RuleExplanation(
                path: path, kind: .not, attribute: nil,
                outcome: child.isSatisfied ? .notSatisfied : .satisfied,
                reason: child.isSatisfied
                    ? "the negated condition holds" : "the negated condition does not hold",
                children: [child])
        case .clause(let clause):
            let actual = subject.value(for: clause.attribute)
            let result = outcome(clause, actual)
            return RuleExplanation(
                path: path, kind: .clause, attribute: clause.attribute, outcome: result,
                reason: reason(clause, actual, result), children: [])
        }
    }

    // MARK: Outcome

    func outcome(_ clause: RuleClause, _ actual: RuleValue?) -> Outcome {
        guard let type = schema.descriptor(for: clause.attribute)?.type else { return .incomparable }
        if case .exists = clause.predicate { return actual == nil ? .notSatisfied : .satisfied }
        guard let actual else { return .missing }
        guard RuleInterpreter.fits(actual, type) else { return .incomparable }
        func verdict(_ value: Bool?) -> Outcome {
            guard let value else { return .incomparable }
            return value ? .satisfied : .notSatisfied
        }
        func compare(_ operand: RuleValue, _ test: (Int) -> Bool) -> Outcome {
            verdict(RuleComparison.order(actual, operand).map(test))
        }
        let nowSeconds = now.timeIntervalSinceReferenceDate
        switch clause.predicate {
        case .equals(let value): return verdict(RuleComparison.equals(actual, value))
        case .notEquals(let value): return verdict(RuleComparison.equals(actual, value).map { !$0 })
        case .oneOf(let values):
            return verdict(values.contains { RuleComparison.equals(actual, $0) == true })
        case .noneOf(let values):
            return verdict(!values.contains { RuleComparison.equals(actual, $0) == true })
        case .lessThan(let value): return compare(value) { $0 < 0 }
        case .lessThanOrEqual(let value): return compare(value) { $0 <= 0 }
        case .greaterThan(let value): return compare(value) { $0 > 0 }
        case .greaterThanOrEqual(let value): return compare(value) { $0 >= 0 }
        case .between(let low, let high):
            guard let lower = RuleComparison.order(actual, low),
                let upper = RuleComparison.order(actual, high)
            else { return .incomparable }
            return verdict(lower >= 0 && upper <= 0)
        case .contains(let operand):
            switch (actual, operand) {
            case (.string(let text), .string(let needle)):
                return verdict(RuleComparison.textContains(text, folded: RuleComparison.fold(needle)))
            case (.list(let elements), _):
                return verdict(elements.contains { RuleComparison.elementMatches($0, operand) })
            default:
                return .incomparable
            }
        case .startsWith(let prefix):
            guard case .string(let text) = actual else { return .incomparable }
            return verdict(RuleComparison.textStarts(text, folded: RuleComparison.fold(prefix)))
        case .exists:
            return .satisfied
        case .withinLast(let duration):
            guard case .date(let date) = actual else { return .incomparable }
            let start = nowSeconds - Double(duration.totalSeconds)
            let seconds = date.timeIntervalSinceReferenceDate
            return verdict(seconds >= start && seconds <= nowSeconds)
        case .olderThan(let duration):
            guard case .date(let date) = actual else { return .incomparable }
            let start = nowSeconds - Double(duration.totalSeconds)
            return verdict(date.timeIntervalSinceReferenceDate < start)
        case .before(let limit):
            guard case .date(let date) = actual else { return .incomparable }
            return verdict(date.timeIntervalSinceReferenceDate < limit.timeIntervalSinceReferenceDate)
        case .after(let limit):
            guard case .date(let date) = actual else { return .incomparable }
            return verdict(date.timeIntervalSinceReferenceDate > limit.timeIntervalSinceReferenceDate)
        }
    }

    /// Whether a subject's value can be tested as `type`: lists only need to be lists (their
    /// elements are matched one by one); NaN numbers and dates never fit.
    static func fits(_ value: RuleValue, _ type: RuleValueType) -> Bool {
        switch (value, type) {
        case (.list, .list): return true
        case (.number(let number), .number): return !number.isNaN
        case (.date(let date), .date): return !date.timeIntervalSinceReferenceDate.isNaN
        default: return value.conforms(to: type)
        }
    }

    // MARK: Reasons

    private func reason(_ clause: RuleClause, _ actual: RuleValue?, _ outcome: Outcome) -> String {
        let label = schema.descriptor(for: clause.attribute)?.label ?? clause.attribute.rawValue
        if case .exists = clause.predicate {
            return outcome == .satisfied ? "\(label) is present" : "\(label) is missing"
        }
        guard let actual else { return "\(label) is missing" }
        let passed = outcome == .satisfied
        if outcome == .incomparable {
            if case .money(let money) = actual, let currency = RuleInterpreter.currency(of: clause.predicate),
                currency != money.currency
            {
                return
                    "\(label) \(actual) is in \(money.currency.code), so it cannot be compared with \(currency.code)"
            }
            return "\(label) has a value that cannot be compared"
        }
        let subject = "\(label) \(actual)"
        switch clause.predicate {
        case .equals(let value):
            return passed ? "\(label) is \(value)" : "\(label) is \(actual), not \(value)"
        case .notEquals(let value):
            return passed ? "\(label) is \(actual), not \(value)" : "\(label) is \(value)"
        case .oneOf(let values):
            return "\(subject) is \(passed ? "" : "not ")one of \(RuleInterpreter.list(values))"
        case .noneOf(let values):
            return "\(subject) is \(passed ? "not " : "")one of \(RuleInterpreter.list(values))"
        case .lessThan(let value):
            return passed ? "\(subject) is less than \(value)" : "\(subject) is not less than \(value)"
        case .lessThanOrEqual(let value):
            return passed ? "\(subject) is at most \(value)" : "\(subject) is more than \(value)"
        case .greaterThan(let value):
            return passed ? "\(subject) is more than \(value)" : "\(subject) is not more than \(value)"
        case .greaterThanOrEqual(let value):
            return passed ? "\(subject) is at least \(value)" : "\(subject) is less than \(value)"
        case .between(let low, let high):
            return "\(subject) is \(passed ? "" : "not ")between \(low) and \(high)"
        case .contains(let value):
            if case .list = actual {
                return passed ? "\(label) includes \(value)" : "\(label) does not include \(value)"
            }
            return passed ? "\(subject) contains \(value)" : "\(subject) does not contain \(value)"
        case .startsWith(let prefix):
            return passed
                ? "\(subject) starts with \"\(prefix)\"" : "\(subject) does not start with \"\(prefix)\""
        case .exists:
            return "\(label) is present"
        case .withinLast(let duration):
            if passed { return "\(subject) is within the last \(duration)" }
            guard case .date(let date) = actual else {
                return "\(subject) is not within the last \(duration)"
            }
            if date > now { return "\(subject) is in the future, not within the last \(duration)" }
            let closed = date.addingTimeInterval(Double(duration.totalSeconds))
            return
                "\(subject) is not within the last \(duration) (window closed on \(RuleDateText.readable(closed)))"
        case .olderThan(let duration):
            if passed { return "\(subject) is older than \(duration)" }
            guard case .date(let date) = actual else { return "\(subject) is not older than \(duration)" }
            let from = date.addingTimeInterval(Double(duration.totalSeconds))
            return
                "\(subject) is not older than \(duration) (it will be after \(RuleDateText.readable(from)))"
        case .before(let limit):
            return "\(subject) is \(passed ? "" : "not ")before \(RuleDateText.readable(limit))"
        case .after(let limit):
            return "\(subject) is \(passed ? "" : "not ")after \(RuleDateText.readable(limit))"
        }
    }

    private static func currency(of predicate: RulePredicate) -> CurrencyCode? {
        switch predicate {
        case .equals(.money(let money)), .notEquals(.money(let money)), .lessThan(.money(let money)),
            .lessThanOrEqual(.money(let money)), .greaterThan(.money(let money)),
            .greaterThanOrEqual(.money(let money)), .between(.money(let money), _):
            return money.currency
        default:
            return nil
        }
    }

    private static func list(_ values: [RuleValue]) -> String {
        let shown = values.prefix(10).map(\.description).joined(separator: ", ")
        return values.count > 10 ? shown + " and \(values.count - 10) more" : shown
    }
}
