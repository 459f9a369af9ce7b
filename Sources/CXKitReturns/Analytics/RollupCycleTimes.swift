import CXKitCore

/// The refund cycle-time sketches of a rollup, held behind one reference so a rollup
/// without refunds (most of them: reason, category and product rollups, imported history)
/// stays as small and cheap to copy as before.
indirect enum RollupCycleTimes: Hashable, Sendable, Codable {
    case sketches(submittedToRefunded: DurationSketch, receivedToRefunded: DurationSketch)

    static let empty = RollupCycleTimes.sketches(
        submittedToRefunded: DurationSketch(), receivedToRefunded: DurationSketch())

    var submittedToRefunded: DurationSketch {
        switch self {
        case .sketches(let submitted, _): submitted
        }
    }

    var receivedToRefunded: DurationSketch {
        switch self {
        case .sketches(_, let received): received
        }
    }

    /// Counts one refund's durations (received→refunded only when there was a reception).
    func adding(submittedToRefunded submitted: Double, receivedToRefunded received: Double?) -> Self {
        var first = submittedToRefunded
        var second = receivedToRefunded
        // Both durations are differences of recorded instants: finite, and clamped at zero
        // against clock skew, so the sketch accepts them.
        try? first.insert(Swift.max(0, submitted))
        if let received { try? second.insert(Swift.max(0, received)) }
        return .sketches(submittedToRefunded: first, receivedToRefunded: second)
    }

    /// The durations of both.
    func merging(_ other: Self) -> Self {
        var first = submittedToRefunded
        var second = receivedToRefunded
        // Every sketch here has the default accuracy, which is all `merge` checks.
        try? first.merge(other.submittedToRefunded)
        try? second.merge(other.receivedToRefunded)
        return .sketches(submittedToRefunded: first, receivedToRefunded: second)
    }
}
