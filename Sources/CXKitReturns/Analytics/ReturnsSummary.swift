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

    /// Creates a summary.
    ///
    /// - Parameters:
    ///   - overall: The overall row.
    ///   - meanSubmittedToRefundedSeconds: Mean submitted→refunded seconds.
    ///   - meanReceivedToRefundedSeconds: Mean received→refunded seconds.
    ///   - exchangeShare: Exchange share.
    ///   - retainedMinorUnits: Retained value.
    ///   - dispositionMix: Units per disposition.
    public init(
        overall: ReturnRateRow, meanSubmittedToRefundedSeconds: Double?,
        meanReceivedToRefundedSeconds: Double?,
        exchangeShare: Double, retainedMinorUnits: Int64, dispositionMix: [String: Int64]
    ) {
        self.overall = overall
        self.meanSubmittedToRefundedSeconds = meanSubmittedToRefundedSeconds
        self.meanReceivedToRefundedSeconds = meanReceivedToRefundedSeconds
        self.exchangeShare = exchangeShare
        self.retainedMinorUnits = retainedMinorUnits
        self.dispositionMix = dispositionMix
    }
}
