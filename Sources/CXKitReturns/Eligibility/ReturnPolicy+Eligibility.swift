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
        let subject = LineRuleSubject(order: order, now: now)
        var verdicts: [EligibilityVerdict] = []
        verdicts.reserveCapacity(order.lines.count)
        let hasQuantities = !quantities.isEmpty
        let hasRequested = !alreadyRequested.isEmpty
        for line in order.lines {
            verdicts.append(
                verdict(
                    for: line, subject: subject, requested: hasQuantities ? quantities[line.id] : nil,
                    alreadyRequested: hasRequested ? alreadyRequested[line.id, default: 0] : 0))
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
        for line: ReturnableOrderLine, subject: LineRuleSubject, requested: Int?, alreadyRequested: Int
    ) -> EligibilityVerdict {
        // Core facts, built only when a rule is not specialised for lines.
        var facts: RuleFacts? = nil
        var failures: [EligibilityFailure] = []
        // Window: the first matching rule, else the default.
        var window = definition.defaultWindow
        var windowName = "default"
        for i in 0..<windowPrograms.count where windowPrograms.holds(i, line, subject, facts: &facts) {
            window = definition.windowRules[i].window
            windowName = definition.windowRules[i].name
            break
        }
        let start: Date
        let startText: EligibilityFailure.WindowStartText
        switch window.start {
        case .purchase:
            start = subject.placedAtDate
            startText = .purchase
        case .delivery:
            if let delivered = subject.deliveredAtDate {
                start = delivered
                startText = .delivery
            } else {
                start = subject.placedAtDate.addingTimeInterval(
                    Double(window.undeliveredFallbackDays) * 86_400)
                startText = .expectedDelivery
            }
        }
        let deadline = start.addingTimeInterval(Double(window.days) * 86_400)
        if subject.now > deadline {
            failures.append(
                EligibilityFailure(
                    code: .windowClosed,
                    detail: .windowClosed(
                        days: window.days, start: startText, deadline: deadline,
                        rule: windowName == "default" ? nil : windowName)))
        }
        if let productClass = line.productClass, nonReturnableClasses.contains(productClass) {
            failures.append(
                EligibilityFailure(code: .nonReturnableClass, detail: .nonReturnableClass(productClass)))
        }
        if definition.excludesFinalSale && line.isFinalSale {
            failures.append(EligibilityFailure(code: .finalSale, detail: .finalSale))
        }
        for i in 0..<exclusionPrograms.count where exclusionPrograms.holds(i, line, subject, facts: &facts) {
            failures.append(
                EligibilityFailure(
                    code: .excluded,
                    detail: .excluded(
                        EligibilityFailure.ExclusionMatch(
                            index: i, name: definition.exclusions[i].name, rule: exclusions[i], line: line,
                            subject: subject))))
        }
        let returnable = max(0, line.deliveredQuantity - alreadyRequested)
        if line.deliveredQuantity == 0 {
            failures.append(EligibilityFailure(code: .notDelivered, detail: .notDelivered))
        }
        let asked = requested ?? returnable
        if let requested, requested <= 0 {
            failures.append(EligibilityFailure(code: .quantityNotPositive, detail: .quantityNotPositive))
        } else if asked > returnable || (requested == nil && returnable == 0 && line.deliveredQuantity > 0) {
            failures.append(
                EligibilityFailure(
                    code: .quantityExceedsReturnable,
                    detail: .quantityExceedsReturnable(
                        returnable: returnable, delivered: line.deliveredQuantity)))
        }
        var open: [ReturnResolution] = []
        if failures.isEmpty {
            if let threshold = keepItemThresholdMinor, line.unitPrice.minorUnits <= threshold,
                line.unitPrice.currency == definition.currency
            {
                open = openResolutionsWithKeepItem
            } else {
                open = openResolutions
            }
        }
        return EligibilityVerdict(
            line: line.id, requestedQuantity: asked, returnableQuantity: failures.isEmpty ? returnable : 0,
            eligibleUntil: deadline, windowName: windowName, failures: failures, openResolutions: open)
    }

    private var keepItemThresholdMinor: Int64? { definition.keepItemThreshold?.minorUnits }
}
