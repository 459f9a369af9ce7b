import CXKitCore
import Foundation

/// A validated, compiled, versioned return policy.
///
/// Building one checks every clause and rejects contradictions (a keep-the-item threshold
/// without the keep-the-item resolution, a return fee while the shop pays shipping, two
/// window rules with the same condition and different windows …) with the clause named in
/// the error's `field`. The ``fingerprint`` is a stable hash of the definition and
/// version, so a server can re-verify a decision a client made with the same policy.
public struct ReturnPolicy: Sendable {
    /// The data the policy was built from.
    public var definition: ReturnPolicyDefinition { compiled.definition }
    /// The version (1, 2, …); orders pin the version in force at purchase.
    public var version: Int { compiled.version }
    /// A stable hash of the definition and version (16 hex digits).
    public var fingerprint: String { compiled.fingerprint }
    var windowRules: [CompiledRule] { compiled.windowRules }
    var exclusions: [CompiledRule] { compiled.exclusions }
    var reviewRules: [CompiledRule] { compiled.reviewRules }
    var nonReturnableClasses: Set<String> { compiled.nonReturnableClasses }
    /// Window rules and exclusions compiled for order lines, once per policy version.
    var windowPrograms: LineRuleProgram { compiled.windowPrograms }
    var exclusionPrograms: LineRuleProgram { compiled.exclusionPrograms }
    /// The resolutions open to an eligible line, without and with keep-the-item (shared by
    /// every verdict instead of built per line).
    var openResolutions: [ReturnResolution] { compiled.openResolutions }
    var openResolutionsWithKeepItem: [ReturnResolution] { compiled.openResolutionsWithKeepItem }

    /// Everything the policy holds, immutable and shared: the service reads a policy for
    /// every command, and a copy then costs one reference instead of some thirty.
    private final class Compiled: Sendable {
        let definition: ReturnPolicyDefinition
        let version: Int
        let fingerprint: String
        let windowRules: [CompiledRule]
        let exclusions: [CompiledRule]
        let reviewRules: [CompiledRule]
        let nonReturnableClasses: Set<String>
        let windowPrograms: LineRuleProgram
        let exclusionPrograms: LineRuleProgram
        let openResolutions: [ReturnResolution]
        let openResolutionsWithKeepItem: [ReturnResolution]

        init(
            definition: ReturnPolicyDefinition, version: Int, fingerprint: String,
            windowRules: [CompiledRule],
            exclusions: [CompiledRule], reviewRules: [CompiledRule], openResolutions: [ReturnResolution],
            openResolutionsWithKeepItem: [ReturnResolution]
        ) {
            self.definition = definition
            self.version = version
            self.fingerprint = fingerprint
            self.windowRules = windowRules
            self.exclusions = exclusions
            self.reviewRules = reviewRules
            self.nonReturnableClasses = Set(definition.nonReturnableClasses)
            self.windowPrograms = LineRuleProgram(windowRules)
            self.exclusionPrograms = LineRuleProgram(exclusions)
            self.openResolutions = openResolutions
            self.openResolutionsWithKeepItem = openResolutionsWithKeepItem
        }
    }

    private let compiled: Compiled

    /// The most window rules, exclusions or review rules a policy may have (each).
    public static let maximumRules = 100

    /// Validates and compiles a policy.
    ///
    /// - Parameters:
    ///   - definition: The policy's data.
    ///   - version: Its version, at least 1.
    /// - Throws: ``ReturnsError`` with `.contradictoryPolicy` naming the clause that
    ///   contradicts another; `.validationFailed` naming the clause that is out
    ///   of range or whose rule does not check against ``ReturnPolicySchema`` (for example
    ///   `windowRules[1].condition.attribute`); `.currencyMismatch` naming an
    ///   amount in another currency; `.limitExceeded` for too many rules.
    public init(_ definition: ReturnPolicyDefinition, version: Int) throws(ReturnsError) {
        try Self.checkScalars(definition, version: version)
        try Self.checkContradictions(definition)
        var windowRules: [CompiledRule] = []
        for (i, rule) in definition.windowRules.enumerated() {
            try Self.checkWindow(rule.window, field: "windowRules[\(i)].window")
            try Self.checkName(rule.name, field: "windowRules[\(i)].name")
            windowRules.append(
                try Self.compile(
                    rule.condition, in: ReturnPolicySchema.line, field: "windowRules[\(i)].condition"))
        }
        var exclusions: [CompiledRule] = []
        for (i, exclusion) in definition.exclusions.enumerated() {
            try Self.checkName(exclusion.name, field: "exclusions[\(i)].name")
            exclusions.append(
                try Self.compile(
                    exclusion.condition, in: ReturnPolicySchema.line, field: "exclusions[\(i)].condition"))
        }
        var reviewRules: [CompiledRule] = []
        for (i, rule) in definition.reviewRules.enumerated() {
            try Self.checkName(rule.name, field: "reviewRules[\(i)].name")
            reviewRules.append(
                try Self.compile(
                    rule.condition, in: ReturnPolicySchema.request, field: "reviewRules[\(i)].condition"))
        }
        var open: [ReturnResolution] = []
        var withKeepItem: [ReturnResolution] = []
        for resolution in definition.allowedResolutions where !withKeepItem.contains(resolution) {
            withKeepItem.append(resolution)
            if resolution != .keepItem { open.append(resolution) }
        }
        compiled = Compiled(
            definition: definition, version: version,
            fingerprint: try Self.fingerprint(of: definition, version: version), windowRules: windowRules,
            exclusions: exclusions, reviewRules: reviewRules, openResolutions: open,
            openResolutionsWithKeepItem: withKeepItem)
    }

    /// The money terms for refunds of an order: restocking fee, outbound shipping rule and
    /// the return shipping fee (waived when the shop pays or the goods total reaches the
    /// free-returns threshold).
    ///
    /// - Parameter order: The order.
    /// - Returns: The terms.
    public func refundTerms(for order: ReturnableOrder) -> RefundTerms {
        let fees = definition.fees
        var fee: Money? = nil
        if fees.returnShippingPaidBy == .customer, let charge = fees.returnShippingFee {
            fee = charge
            if let threshold = fees.freeReturnsAbove {
                let goods = order.lines.reduce(Int64(0)) {
                    $0 + $1.unitPrice.minorUnits * Int64($1.quantity) - $1.lineDiscount.minorUnits
                }
                if goods - order.orderDiscount.minorUnits >= threshold.minorUnits { fee = nil }
            }
        }
        return RefundTerms(
            restockingFeeBasisPoints: fees.restockingFeeBasisPoints, outboundShipping: fees.outboundShipping,
            returnShippingFee: fee)
    }

    // MARK: Validation

    private static func checkScalars(_ definition: ReturnPolicyDefinition, version: Int) throws(ReturnsError)
    {
        guard version >= 1 else {
            throw ReturnsError.validation(field: "version", reason: "must be at least 1")
        }
        try checkName(definition.name, field: "name")
        try checkWindow(definition.defaultWindow, field: "defaultWindow")
        for (name, count) in [
            ("windowRules", definition.windowRules.count), ("exclusions", definition.exclusions.count),
            ("reviewRules", definition.reviewRules.count),
            ("nonReturnableClasses", definition.nonReturnableClasses.count),
        ] where count > maximumRules {
            throw ReturnsError.limit(field: name, reason: "at most \(maximumRules) entries")
        }
        for (i, name) in definition.nonReturnableClasses.enumerated() where name.isEmpty || name.count > 64 {
            throw ReturnsError.validation(
                field: "nonReturnableClasses[\(i)]", reason: "must be 1-64 characters")
        }
        guard (0...10_000).contains(definition.conditionDeductionBasisPoints) else {
            throw ReturnsError.validation(
                field: "conditionDeductionBasisPoints", reason: "must be between 0 and 10000")
        }
        guard (0...10_000).contains(definition.fees.restockingFeeBasisPoints) else {
            throw ReturnsError.validation(
                field: "fees.restockingFeeBasisPoints", reason: "must be between 0 and 10000")
        }
        guard (1...60).contains(definition.refundDeadlineBusinessDays) else {
            throw ReturnsError.validation(
                field: "refundDeadlineBusinessDays", reason: "must be between 1 and 60")
        }
        guard (1...365).contains(definition.labelValidityDays) else {
            throw ReturnsError.validation(field: "labelValidityDays", reason: "must be between 1 and 365")
        }
        let amounts: [(String, Money?)] = [
            ("keepItemThreshold", definition.keepItemThreshold),
            ("fees.returnShippingFee", definition.fees.returnShippingFee),
            ("fees.freeReturnsAbove", definition.fees.freeReturnsAbove),
            ("serialReturner.maximumRefundedValue", definition.serialReturner?.maximumRefundedValue),
        ]
        for (field, amount) in amounts {
            guard let amount else { continue }
            guard amount.currency == definition.currency else {
                throw ReturnsError(
                    code: .currencyMismatch, field: field, reason: "must be in the policy's currency")
            }
            guard amount.minorUnits >= 0 else {
                throw ReturnsError.validation(field: field, reason: "must not be negative")
            }
        }
        if let serial = definition.serialReturner {
            guard (1...3650).contains(serial.windowDays) else {
                throw ReturnsError.validation(
                    field: "serialReturner.windowDays", reason: "must be between 1 and 3650")
            }
            guard serial.maximumRequests >= 1 else {
                throw ReturnsError.validation(
                    field: "serialReturner.maximumRequests", reason: "must be at least 1")
            }
            if let rate = serial.maximumReturnRate, !(rate.isFinite && rate > 0 && rate <= 100) {
                throw ReturnsError.validation(
                    field: "serialReturner.maximumReturnRate",
                    reason: "must be a positive rate of at most 100")
            }
        }
    }

    private static func checkContradictions(_ definition: ReturnPolicyDefinition) throws(ReturnsError) {
        func contradiction(_ field: String, _ reason: String) -> ReturnsError {
            ReturnsError(code: .contradictoryPolicy, field: field, reason: reason)
        }
        let resolutions = Set(definition.allowedResolutions)
        guard !resolutions.isEmpty else {
            throw contradiction(
                "allowedResolutions", "a returnable policy must allow at least one resolution")
        }
        if definition.keepItemThreshold != nil && !resolutions.contains(.keepItem) {
            throw contradiction("keepItemThreshold", "set while keepItem is not an allowed resolution")
        }
        if resolutions.contains(.keepItem) && definition.keepItemThreshold == nil {
            throw contradiction("allowedResolutions", "keepItem is allowed but keepItemThreshold is not set")
        }
        if definition.allowsInstantExchange && !resolutions.contains(.exchange) {
            throw contradiction(
                "allowsInstantExchange", "instant exchange needs exchange as an allowed resolution")
        }
        let fees = definition.fees
        if fees.returnShippingPaidBy == .shop && fees.returnShippingFee != nil {
            throw contradiction(
                "fees.returnShippingFee", "a return shipping fee while the shop pays return shipping")
        }
        if fees.returnShippingPaidBy == .shop && fees.freeReturnsAbove != nil {
            throw contradiction(
                "fees.freeReturnsAbove", "a free-returns threshold while returns are always free")
        }
        if fees.returnShippingPaidBy == .customer && fees.returnShippingFee == nil {
            throw ReturnsError.validation(
                field: "fees.returnShippingFee", reason: "is required when the customer pays return shipping")
        }
        if definition.conditionDeductionBasisPoints > 0 && definition.requiredConditions.isEmpty {
            throw contradiction(
                "conditionDeductionBasisPoints", "a condition deduction without required conditions")
        }
        let excluded = Set(definition.nonReturnableClasses)
        for (j, rule) in definition.windowRules.enumerated() {
            if case .clause(let clause) = rule.condition, clause.attribute == "line.productClass",
                case .equals(.string(let name)) = clause.predicate, excluded.contains(name)
            {
                throw contradiction(
                    "windowRules[\(j)]", "gives a window to a product class listed as non-returnable")
            }
            for i in 0..<j where definition.windowRules[i].condition == rule.condition {
                if definition.windowRules[i].window != rule.window {
                    throw contradiction(
                        "windowRules[\(j)]", "has the condition of windowRules[\(i)] with a different window")
                }
            }
        }
    }

    private static func checkWindow(_ window: ReturnWindow, field: String) throws(ReturnsError) {
        guard (1...3650).contains(window.days) else {
            throw ReturnsError.validation(field: field + ".days", reason: "must be between 1 and 3650")
        }
        guard (0...365).contains(window.undeliveredFallbackDays) else {
            throw ReturnsError.validation(
                field: field + ".undeliveredFallbackDays", reason: "must be between 0 and 365")
        }
    }

    private static func checkName(_ name: String, field: String) throws(ReturnsError) {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 100 else {
            throw ReturnsError.validation(field: field, reason: "must be 1-100 characters")
        }
    }

    private static func compile(_ rule: Rule, in schema: RuleSchema, field: String) throws(ReturnsError)
        -> CompiledRule
    {
        do {
            let checked = try schema.validate(rule, field: field)
            return try schema.compile(checked)
        } catch {
            throw ReturnsError.wrapping(error)
        }
    }

    private static func fingerprint(of definition: ReturnPolicyDefinition, version: Int) throws(ReturnsError)
        -> String
    {
        struct Pinned: Encodable {
            let version: Int
            let definition: ReturnPolicyDefinition
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data: Data
        do { data = try encoder.encode(Pinned(version: version, definition: definition)) } catch {
            throw ReturnsError.validation(field: "definition", reason: "cannot be encoded")
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
