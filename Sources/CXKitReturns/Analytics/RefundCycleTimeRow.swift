import CXKitCore

/// Refund cycle times of one month, from the overall rollups: how long requests took from
/// submission (and from reception) to their refund or exchange, as mergeable sketches.
///
/// Attribution is by order date, like every returns rollup: a row's period is the month
/// the orders were placed, not the month they were refunded.
public struct RefundCycleTimeRow: Hashable, Sendable, Codable {
    /// The month, `year × 100 + month`.
    public let period: Int
    /// Submitted→refunded durations in seconds (every resolution with a payout or exchange).
    public let submittedToRefunded: DurationSketch
    /// Received→refunded durations in seconds (resolutions that followed a reception).
    public let receivedToRefunded: DurationSketch

    /// Creates a row.
    ///
    /// - Parameters:
    ///   - period: The month, `year × 100 + month`.
    ///   - submittedToRefunded: Submitted→refunded durations.
    ///   - receivedToRefunded: Received→refunded durations.
    public init(period: Int, submittedToRefunded: DurationSketch, receivedToRefunded: DurationSketch) {
        self.period = period
        self.submittedToRefunded = submittedToRefunded
        self.receivedToRefunded = receivedToRefunded
    }

    /// The median submitted→refunded time in seconds (within 1 %), `nil` without refunds.
    public var submittedToRefundedP50: Double? { submittedToRefunded.p50 }
    /// The 90th percentile submitted→refunded time in seconds, `nil` without refunds.
    public var submittedToRefundedP90: Double? { submittedToRefunded.p90 }
    /// The median received→refunded time in seconds, `nil` without refunds after reception.
    public var receivedToRefundedP50: Double? { receivedToRefunded.p50 }
    /// The 90th percentile received→refunded time in seconds.
    public var receivedToRefundedP90: Double? { receivedToRefunded.p90 }
}
