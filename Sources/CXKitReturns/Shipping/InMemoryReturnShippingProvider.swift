import CXKitCore

/// The reference ``ReturnShippingProvider``: issues a return code and a tracking number per
/// request (the same ones again for a repeated request), thread-safe.
public final class InMemoryReturnShippingProvider: ReturnShippingProvider {
    private struct State {
        var labels: [ReturnRequestID: ReturnLabel] = [:]
        var sequence: UInt64 = 0
        var failuresLeft = 0
    }

    private let state = Locked(State())
    /// The carrier name put on labels.
    public let carrier: String

    /// Creates a provider.
    ///
    /// - Parameter carrier: The carrier name put on labels.
    public init(carrier: String = "in-memory") { self.carrier = carrier }

    /// Issues (or re-issues) the label of a request.
    ///
    /// - Parameter request: What to ship.
    /// - Returns: The label.
    /// - Throws: ``ReturnsError`` with `.dependencyFailure` while failures are
    ///   injected with ``failNext(_:)``.
    public func issueLabel(for request: ReturnLabelRequest) async throws -> ReturnLabel {
        try state.withLock { state throws(ReturnsError) in
            if state.failuresLeft > 0 {
                state.failuresLeft -= 1
                throw ReturnsError(code: .dependencyFailure, reason: "carrier unavailable")
            }
            if let existing = state.labels[request.request] { return existing }
            state.sequence += 1
            let tracking = "TRK" + String(state.sequence + 100_000_000)
            let label = ReturnLabel(
                carrier: carrier, trackingNumber: tracking, returnCode: "QR-" + request.rmaNumber.description,
                labelReference: "label-" + tracking, issuedAt: request.issuedAt, expiresAt: request.expiresAt)
            state.labels[request.request] = label
            return label
        }
    }

    /// Makes the next `count` calls fail, to test carrier outages.
    ///
    /// - Parameter count: How many calls fail.
    public func failNext(_ count: Int) { state.withLock { $0.failuresLeft = max(0, count) } }

    /// The labels issued so far.
    public var issuedLabels: [ReturnLabel] { state.withLock { Array($0.labels.values) } }
}
