/// The port to the carrier or returns network that issues labels and QR codes.
///
/// The host implements it over its carrier integration; ``InMemoryReturnShippingProvider``
/// is the reference. Tracking updates come back through
/// `ReturnsService.applyCarrierUpdate(_:by:)`.
public protocol ReturnShippingProvider: Sendable {
    /// Issues a label for a return.
    ///
    /// Called at most once per successful approval; implementations should be idempotent
    /// per `request.request` because a retry after an ambiguous failure may repeat the call.
    ///
    /// - Parameter request: What to ship.
    /// - Returns: The label.
    /// - Throws: Any error; the service reports it as `.dependencyFailure` and
    ///   leaves the request approved without a label.
    func issueLabel(for request: ReturnLabelRequest) async throws -> ReturnLabel
}
