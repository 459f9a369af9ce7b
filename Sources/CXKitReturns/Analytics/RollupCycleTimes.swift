/// The refund cycle-time sketches of a rollup, held behind one reference so a rollup
/// without refunds (most of them: reason, category and product rollups, imported history)
/// stays as small and cheap to copy as before.
indirect enum RollupCycleTimes: Hashable, Sendable, Codable {
    case sketches(submittedToRefunded: CycleTimeSketch, receivedToRefunded: CycleTimeSketch)

    static let empty = RollupCycleTimes.sketches(
        submittedToRefunded: CycleTimeSketch(), receivedToRefunded: CycleTimeSketch())

    var submittedToRefunded: CycleTimeSketch {
        switch self { case .sketches(let submitted, _): submitted }
    }

    var receivedToRefunded: CycleTimeSketch {
        switch self { case .sketches(_, let received): received }
    }

    /// Counts one refund's durations (received→refunded only when there was a reception).
    func adding(submittedToRefunded submitted: Double, receivedToRefunded received: Double?) -> Self {
        var first = submittedToRefunded
        var second = receivedToRefunded
        first.insert(seconds: submitted)
        if let received { second.insert(seconds: received) }
        return .sketches(submittedToRefunded: first, receivedToRefunded: second)
    }

    /// The durations of both.
    func merging(_ other: Self) -> Self {
        var first = submittedToRefunded
        var second = receivedToRefunded
        first.merge(other.submittedToRefunded)
        second.merge(other.receivedToRefunded)
        return .sketches(submittedToRefunded: first, receivedToRefunded: second)
    }
}
