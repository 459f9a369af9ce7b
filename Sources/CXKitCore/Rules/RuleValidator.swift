/// Checks a ``Rule`` against a ``RuleSchema`` and normalises its values.
struct RuleValidator {
    let schema: RuleSchema
    private var conditionCount = 0

    init(schema: RuleSchema) { self.schema = schema }

    mutating func validate(_ rule: Rule, path: String, depth: Int) throws -> Rule {
        conditionCount += 1
        guard conditionCount <= Rule.maximumConditionCount else {
            throw CoreError.limit(
                field: path, reason: "the rule has more than \(Rule.maximumConditionCount) conditions")
        }
        switch rule {
        case .all(let rules):
            try checkDepth(depth, path: path)
            return .all(try group(rules, path: path + ".all", depth: depth + 1))
        case .any(let rules):
            try checkDepth(depth, path: path)
            return .any(try group(rules, path: path + ".any", depth: depth + 1))
        case .not(let inner):
            try checkDepth(depth, path: path)
            return .not(try validate(inner, path: path + ".not", depth: depth + 1))
        case .clause(let clause):
            return .clause(try validate(clause, path: path))
        }
    }

    private func checkDepth(_ depth: Int, path: String) throws {
        guard depth < Rule.maximumDepth else {
            throw CoreError.limit(field: path, reason: "nests deeper than \(Rule.maximumDepth) levels")
        }
    }

    private mutating func group(_ rules: [Rule], path: String, depth: Int) throws -> [Rule] {
        var result: [Rule] = []
        result.reserveCapacity(rules.count)
        for (index, rule) in rules.enumerated() {
            result.append(try validate(rule, path: "\(path)[\(index)]", depth: depth))
        }
        return result
    }

    private func validate(_ clause: RuleClause, path: String) throws -> RuleClause {
        guard let descriptor = schema.descriptor(for: clause.attribute) else {
            throw CoreError.validation(
                field: path + ".attribute", reason: "is not an attribute of this schema")
        }
        let type = descriptor.type
        let op = clause.predicate.operator
        guard type.supportedOperators.contains(op) else {
            throw CoreError.validation(
                field: path + ".op", reason: "\(op.rawValue) does not apply to \(type.name) attributes")
        }
        let valuePath = path + ".value"
        let predicate: RulePredicate
        switch clause.predicate {
        case .equals(let value): predicate = .equals(try operand(value, type, valuePath))
        case .notEquals(let value): predicate = .notEquals(try operand(value, type, valuePath))
        case .lessThan(let value): predicate = .lessThan(try operand(value, type, valuePath))
        case .lessThanOrEqual(let value): predicate = .lessThanOrEqual(try operand(value, type, valuePath))
        case .greaterThan(let value): predicate = .greaterThan(try operand(value, type, valuePath))
        case .greaterThanOrEqual(let value):
            predicate = .greaterThanOrEqual(try operand(value, type, valuePath))
        case .oneOf(let values): predicate = .oneOf(try list(values, type, valuePath))
        case .noneOf(let values): predicate = .noneOf(try list(values, type, valuePath))
        case .between(let low, let high):
            let low = try operand(low, type, valuePath + "[0]")
            let high = try operand(high, type, valuePath + "[1]")
            guard let order = RuleComparison.order(low, high) else {
                throw CoreError.validation(
                    field: valuePath, reason: "low and high must use the same currency")
            }
            guard order <= 0 else {
                throw CoreError.validation(field: valuePath, reason: "low must not be greater than high")
            }
            predicate = .between(low, high)
        case .contains(let value):
            if case .list(let element) = type {
                predicate = .contains(try operand(value, element, valuePath))
            } else {
                predicate = .contains(try operand(value, type, valuePath))
            }
        case .startsWith(let prefix): predicate = .startsWith(prefix)
        case .exists: predicate = .exists
        case .withinLast(let duration):
            try check(duration, valuePath)
            predicate = .withinLast(duration)
        case .olderThan(let duration):
            try check(duration, valuePath)
            predicate = .olderThan(duration)
        case .before(let date):
            guard date.timeIntervalSinceReferenceDate.isFinite else {
                throw CoreError.validation(field: valuePath, reason: "must be a valid date")
            }
            predicate = .before(date)
        case .after(let date):
            guard date.timeIntervalSinceReferenceDate.isFinite else {
                throw CoreError.validation(field: valuePath, reason: "must be a valid date")
            }
            predicate = .after(date)
        }
        return RuleClause(clause.attribute, predicate)
    }

    private func list(_ values: [RuleValue], _ type: RuleValueType, _ path: String) throws -> [RuleValue] {
        guard !values.isEmpty else {
            throw CoreError.validation(field: path, reason: "must not be empty")
        }
        guard values.count <= Rule.maximumListCount else {
            throw CoreError.limit(field: path, reason: "has more than \(Rule.maximumListCount) values")
        }
        return try values.enumerated().map { index, value in try operand(value, type, "\(path)[\(index)]") }
    }

    private func check(_ duration: RuleDuration, _ path: String) throws {
        guard duration.isInRange else {
            throw CoreError.validation(field: path, reason: "must be between zero and 1000 years")
        }
    }

    /// Checks that `value` fits `type`, widening whole numbers for number attributes.
    private func operand(_ value: RuleValue, _ type: RuleValueType, _ path: String) throws -> RuleValue {
        switch (value, type) {
        case (.integer(let whole), .number):
            return .number(Double(whole))
        case (.number(let number), .number):
            guard number.isFinite else {
                throw CoreError.validation(field: path, reason: "must be a finite number")
            }
            return value
        case (.date(let date), .date):
            guard date.timeIntervalSinceReferenceDate.isFinite else {
                throw CoreError.validation(field: path, reason: "must be a valid date")
            }
            return value
        case (.duration(let duration), .duration):
            try check(duration, path)
            return value
        case (.list(let values), .list(let element)):
            return .list(try values.enumerated().map { try operand($1, element, "\(path)[\($0)]") })
        default:
            guard value.conforms(to: type) else {
                throw CoreError.validation(field: path, reason: "must be a \(type.name) value")
            }
            return value
        }
    }
}
