/// What a deadline sweep did.
public struct DeadlineSweepReport: Hashable, Sendable, Codable {
    /// Requests expired because their label went unused.
    public let expired: [ReturnRequestID]
    /// Requests whose refund became overdue.
    public let overdue: [ReturnRequestID]

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - expired: Expired requests.
    ///   - overdue: Overdue requests.
    public init(expired: [ReturnRequestID], overdue: [ReturnRequestID]) {
        self.expired = expired
        self.overdue = overdue
    }
}
