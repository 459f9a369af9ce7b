import CXKitCore

/// The value one observation carries: a score with its scale, a duration, an outcome or a
/// quantity. The case must match the metric kind's ``MetricMeasure``.
public enum ObservedValue: Hashable, Sendable, Codable {
    /// A score on a bounded scale; the scale is stored with every score.
    case score(Int, scale: ScoreScale)
    /// A non-negative, finite duration in seconds.
    case duration(seconds: Double)
    /// A yes/no outcome (`true` = success: resolved, achieved, answered, returned).
    case outcome(Bool)
    /// A finite quantity.
    case quantity(Double)

    /// The measure this value belongs to.
    public var measure: MetricMeasure {
        switch self {
        case .score: .score
        case .duration: .duration
        case .outcome: .outcome
        case .quantity: .quantity
        }
    }

    /// Checks the value on its own: scores on their scale, finite numbers, non-negative
    /// durations.
    ///
    /// - Throws: ``MetricsError`` with `ErrorCode.validationFailed` naming
    ///   `score`, `duration` or `quantity`.
    public func validate() throws(MetricsError) {
        switch self {
        case .score(let score, let scale):
            guard scale.range.contains(score) else {
                throw .validation(
                    field: "score",
                    reason: "must lie within \(scale.range.lowerBound)...\(scale.range.upperBound) "
                        + "on the \(scale.rawValue) scale")
            }
        case .duration(let seconds):
            guard seconds.isFinite else {
                throw .validation(field: "duration", reason: "must be a finite number")
            }
            guard seconds >= 0 else { throw .validation(field: "duration", reason: "must not be negative") }
        case .outcome:
            return
        case .quantity(let amount):
            guard amount.isFinite else {
                throw .validation(field: "quantity", reason: "must be a finite number")
            }
        }
    }
}
