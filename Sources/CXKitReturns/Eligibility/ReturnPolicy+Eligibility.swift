import CXKitCore
import Foundation

extension ReturnPolicy {
    /// Evaluates every line of an order (or the quantities asked about) against the policy.
    ///
    /// - Parameters:
    ///   - order: The order.
    ///   - quantities: The quantity asked about per line; lines not listed are evaluated
    ///     for their full returnable quantity. Pass `[:]` to evaluate every line.
    ///   - alreadyRequested: Units of each line already in open or settled requests.
    ///   - now: The instant of evaluation.
    /// - Returns: One verdict per line of the order, in order.
    public func eligibility(
        of order: ReturnableOrder, quantities: [OrderLineID: Int] = [:],
        alreadyRequested: [OrderLineID: Int] = [:], at now: Date
    ) -> EligibilityReport {
        var facts = RuleFacts(schema: ReturnPolicySchema.line)
        if let slot = ReturnPolicySchema.placedAtSlot { facts[slot] = .date(order.placedAt) }
        if let slot = ReturnPolicySchema.deliveredAtSlot { facts[slot] = order.deliveredAt.map { .date($0) } }
        var verdicts: [EligibilityVerdict] = []
        verdicts.reserveCapacity(order.lines.count)
        for line in order.lines {
            verdicts.append(
                verdict(
                    for: line, order: order, requested: quantities[line.id],
                    alreadyRequested: alreadyRequested[line.id, default: 0], facts: &facts, now: now))
        }
        return EligibilityReport(
            order: order.id, policyVersion: version, policyFingerprint: fingerprint, evaluatedAt: now,
            lines: verdicts)
    }

    /// Re-verifies a report a client computed (for example on a device, before submitting):
    /// the fingerprint must be this policy's and re-evaluating the order at the report's
    /// instant must give the same verdicts.
    ///
    /// - Parameters:
    ///   - report: The client's report.
    ///   - order: The order as the server knows it.
    ///   - quantities: The quantities the client asked about.
    ///   - alreadyRequested: Units already requested per line, as the server knows them.
    /// - Returns: `true` when the server reaches the same decision with the same policy.
    public func verifies(
        _ report: EligibilityReport, of order: ReturnableOrder, quantities: [OrderLineID: Int] = [:],
        alreadyRequested: [OrderLineID: Int] = [:]
    ) -> Bool {
        guard report.policyFingerprint == fingerprint, report.policyVersion == version,
            report.order == order.id
        else { return false }
        let again = eligibility(
            of: order, quantities: quantities, alreadyRequested: alreadyRequested, at: report.evaluatedAt)
        return again.lines == report.lines
    }

    private func verdict(
        for line: ReturnableOrderLine, order: ReturnableOrder, requested: Int?, alreadyRequested: Int,
        facts: inout RuleFacts, now: Date
    ) -> EligibilityVerdict {
        if let slot = ReturnPolicySchema.categorySlot { facts[slot] = .string(line.category) }
        if let slot = ReturnPolicySchema.tagsSlot { facts[slot] = .list(line.tags.map { .string($0) }) }
        if let slot = ReturnPolicySchema.productClassSlot {
            facts[slot] = line.productClass.map { .string($0) }
        }
        if let slot = ReturnPolicySchema.unitPriceSlot { facts[slot] = .money(line.unitPrice) }
        if let slot = ReturnPolicySchema.finalSaleSlot { facts[slot] = .boolean(line.isFinalSale) }

        var failures: [EligibilityFailure] = []
        // Window: the first matching rule, else the default.
        var window = definition.defaultWindow
        var windowName = "default"
        for (i, rule) in windowRules.enumerated() where rule.isSatisfied(by: facts, now: now) {
            window = definition.windowRules[i].window
            windowName = definition.windowRules[i].name
            break
        }
        let start: Date
        let startText: String
        switch window.start {
        case .purchase:
            start = order.placedAt
            startText = "purchase"
        case .delivery:
            if let delivered = order.deliveredAt {
                start = delivered
                startText = "delivery"
            } else {
                start = order.placedAt.addingTimeInterval(Double(window.undeliveredFallbackDays) * 86_400)
                startText = "the expected delivery"
            }
        }
        let deadline = start.addingTimeInterval(Double(window.days) * 86_400)
        if now > deadline {
            failures.append(
                EligibilityFailure(
                    code: .windowClosed,
                    explanation:
                        "the \(window.days)-day window from \(startText) closed on \(Self.day(deadline))",
                    clause: windowName == "default" ? "defaultWindow" : "windowRules[\(windowName)]"))
        }
        if let productClass = line.productClass, nonReturnableClasses.contains(productClass) {
            failures.append(
                EligibilityFailure(
                    code: .nonReturnableClass, explanation: "\(productClass) products cannot be returned",
                    clause: "nonReturnableClasses"))
        }
        if definition.excludesFinalSale && line.isFinalSale {
            failures.append(
                EligibilityFailure(
                    code: .finalSale, explanation: "final-sale items cannot be returned",
                    clause: "excludesFinalSale"))
        }
        for (i, exclusion) in exclusions.enumerated() where exclusion.isSatisfied(by: facts, now: now) {
            let reasons = exclusion.evaluate(against: facts, now: now).reasons
            let detail = reasons.isEmpty ? "" : " (" + reasons.joined(separator: "; ") + ")"
            failures.append(
                EligibilityFailure(
                    code: .excluded, explanation: "excluded by \(definition.exclusions[i].name)\(detail)",
                    clause: "exclusions[\(i)]"))
        }
        let returnable = max(0, line.deliveredQuantity - alreadyRequested)
        if line.deliveredQuantity == 0 {
            failures.append(
                EligibilityFailure(code: .notDelivered, explanation: "no unit has been delivered yet"))
        }
        let asked = requested ?? returnable
        if let requested, requested <= 0 {
            failures.append(
                EligibilityFailure(code: .quantityNotPositive, explanation: "the quantity must be at least 1")
            )
        } else if asked > returnable || (requested == nil && returnable == 0 && line.deliveredQuantity > 0) {
            failures.append(
                EligibilityFailure(
                    code: .quantityExceedsReturnable,
                    explanation:
                        "only \(returnable) of \(line.deliveredQuantity) delivered units "
                        + "can still be returned"
                ))
        }
        var open: [ReturnResolution] = []
        if failures.isEmpty {
            for resolution in definition.allowedResolutions where !open.contains(resolution) {
                if resolution == .keepItem {
                    guard let threshold = keepItemThresholdMinor, line.unitPrice.minorUnits <= threshold,
                        line.unitPrice.currency == definition.currency
                    else { continue }
                }
                open.append(resolution)
            }
        }
        return EligibilityVerdict(
            line: line.id, requestedQuantity: asked, returnableQuantity: failures.isEmpty ? returnable : 0,
            eligibleUntil: deadline, windowName: windowName, failures: failures, openResolutions: open)
    }

    private var keepItemThresholdMinor: Int64? { definition.keepItemThreshold?.minorUnits }

    private static func day(_ date: Date) -> String {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let (year, month, day) = civil(fromDays: days)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Days since 1970-01-01 to a proleptic Gregorian (year, month, day) in UTC.
    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
