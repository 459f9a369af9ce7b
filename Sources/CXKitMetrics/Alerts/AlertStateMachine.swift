import Foundation

/// The pure alert transition `(state, evaluation, now) → (state, [transition])`.
///
/// - **Breach.** With n ≥ the rule's minimum, the KPI is beyond the threshold; for a
///   significance-aware rule the interval's near end must be beyond it too (an upward rule
///   needs the lower bound above the threshold), so noise at small n never fires.
/// - **Trigger.** While normal, `consecutiveBreaches` breaches in a row trigger — unless
///   the last trigger is less than `cooldown` ago, in which case the breach is counted as
///   suppressed and nothing is emitted.
/// - **Resolve.** While firing, the alert resolves once the value is back past the
///   threshold by the hysteresis margin (an upward rule needs value ≤ threshold −
///   hysteresis), so a value hovering at the threshold does not flap.
/// - An evaluation with n = 0 or without the baseline a relative rule needs changes nothing.
public enum AlertStateMachine {
    /// Advances an alert by one evaluation.
    ///
    /// - Parameters:
    ///   - state: The alert's state.
    ///   - evaluation: This tick's KPI (and baseline).
    ///   - rule: The rule.
    ///   - now: The tick's time.
    /// - Returns: The new state and the transitions (at most one) to deliver.
    public static func step(
        _ state: AlertState, evaluation: AlertEvaluation, rule: AlertRule, now: Date
    ) -> (state: AlertState, transitions: [AlertTransition]) {
        guard let value = evaluation.value,
            let threshold = rule.condition.threshold(baseline: evaluation.baseline)
        else { return (state, []) }
        let upward = rule.condition.isUpward
        var next = state
        switch state.status {
        case .normal:
            guard value.sampleSize >= rule.minimumSampleSize else { return (state, []) }
            let edge =
                rule.isSignificanceAware
                ? (upward ? value.lowerBound : value.upperBound) ?? value.value : value.value
            let breached =
                upward
                ? value.value > threshold && edge > threshold : value.value < threshold && edge < threshold
            guard breached else {
                next.breachStreak = 0
                return (next, [])
            }
            next.breachStreak += 1
            guard next.breachStreak >= rule.consecutiveBreaches else { return (next, []) }
            if let last = state.lastTriggeredAt, now.timeIntervalSince(last) < rule.cooldown {
                next.suppressedCount += 1
                return (next, [])
            }
            next.status = .firing
            next.breachStreak = 0
            next.lastTriggeredAt = now
            return (
                next,
                [
                    AlertTransition(
                        rule: rule.name, kind: rule.kind, change: .triggered, at: now, value: value,
                        threshold: threshold)
                ]
            )
        case .firing:
            let cleared =
                upward
                ? value.value <= threshold - rule.hysteresis : value.value >= threshold + rule.hysteresis
            guard cleared else { return (state, []) }
            next.status = .normal
            next.breachStreak = 0
            next.lastResolvedAt = now
            return (
                next,
                [
                    AlertTransition(
                        rule: rule.name, kind: rule.kind, change: .resolved, at: now, value: value,
                        threshold: threshold)
                ]
            )
        }
    }
}
