/// Thrown by a ``NotificationSink`` that accepted only part of a batch: it lists the events
/// that failed and why. Every event of the batch that is not listed counts as accepted and
/// is not handed to that sink again.
///
/// Reasons are stored as the outbox entry's last error, so they must not contain personal
/// data: say `"mailbox unavailable (550)"`, never the address.
public struct SinkDeliveryError: CXKitError, Equatable {
    /// The events the sink did not accept, each with a personal-data-free reason.
    public let failed: [EventID: String]

    /// Creates a partial-failure report.
    ///
    /// - Parameter failed: The rejected events and why each one failed.
    public init(failed: [EventID: String]) {
        self.failed = failed
    }

    /// Always ``ErrorCode/dependencyFailure``.
    public var code: ErrorCode { .dependencyFailure }

    /// Always `nil`: this is not a validation failure.
    public var field: String? { nil }

    /// How many events of the batch failed.
    public var reason: String {
        failed.count == 1 ? "1 event was not accepted" : "\(failed.count) events were not accepted"
    }

    /// `dependencyFailure: N events were not accepted`.
    public var description: String { "\(code.rawValue): \(reason)" }
}
