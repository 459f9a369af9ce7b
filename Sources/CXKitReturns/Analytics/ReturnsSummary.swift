import CXKitCore

/// Tenant-wide return analytics over a range of order months: rates, cycle times,
/// exchange share and disposition mix.
public struct ReturnsSummary: Hashable, Sendable, Codable {
    /// The overall row.
    public let overall: ReturnRateRow
    /// Mean submitted→refunded time in seconds, if any refund happened.
    public let meanSubmittedToRefundedSeconds: Double?
    /// Mean received→refunded time in seconds, if any refund followed a reception.
    public let meanReceivedToRefundedSeconds: Double?
    /// Exchanges ÷ (refunds + exchanges).
    public let exchangeShare: Double
    /// Replacement value kept by exchanges, in minor units.
    public let retainedMinorUnits: Int64
    /// Units per disposition, keyed by ``DispositionState`` raw value (pending excluded).
    public let dispositionMix: [String: Int64]
    /// Submitted→refunded durations over the range, in seconds (p50/p90 within 1 %).
    public let submittedToRefunded: DurationSketch
    /// Received→refunded durations over the range, in seconds.
    public let receivedToRefunded: DurationSketch

    /// Creates a summary.
    ///
    /// - Parameters:
    ///   - overall: The overall row.
    ///   - meanSubmittedToRefundedSeconds: Mean submitted→refunded seconds.
    ///   - meanReceivedToRefundedSeconds: Mean received→refunded seconds.
    ///   - exchangeShare: Exchange share.
    ///   - retainedMinorUnits: Retained value.
    ///   - dispositionMix: Units per disposition.
    ///   - submittedToRefunded: Submitted→refunded durations; empty by default.
    ///   - receivedToRefunded: Received→refunded durations; empty by default.
    public init(
        overall: ReturnRateRow, meanSubmittedToRefundedSeconds: Double?,
        meanReceivedToRefundedSeconds: Double?,
        exchangeShare: Double, retainedMinorUnits: Int64, dispositionMix: [String: Int64],
        submittedToRefunded: DurationSketch = DurationSketch(),
        receivedToRefunded: DurationSketch = DurationSketch()
    ) {
        self.submittedToRefunded = submittedToRefunded
        self.receivedToRefunded = receivedToRefunded
        self.overall = overall
        self.meanSubmittedToRefundedSeconds = meanSubmittedToRefundedSeconds
        self.meanReceivedToRefundedSeconds = meanReceivedToRefundedSeconds
        self.exchangeShare = exchangeShare
        self.retainedMinorUnits = retainedMinorUnits
        self.dispositionMix = dispositionMix
    }
}
