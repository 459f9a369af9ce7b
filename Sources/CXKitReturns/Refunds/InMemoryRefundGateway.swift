import CXKitCore

/// The reference ``RefundGateway``: remembers each idempotency key's outcome, totals what
/// each order got back, and can be scripted to refuse or time out.
public final class InMemoryRefundGateway: RefundGateway {
    /// A scripted behaviour for the next call with a new key.
    public enum ScriptedFault: Sendable, Hashable {
        /// Refuse the attempt with a code.
        case refuse(code: String, isRetryable: Bool)
        /// Pay, then throw as if the answer were lost (the ambiguous case).
        case payThenTimeOut
        /// Throw without paying.
        case unavailable
    }

    private struct State {
        var outcomes: [HashedReference: RefundGatewayOutcome] = [:]
        var refundedByOrder: [OrderID: Int64] = [:]
        var script: [ScriptedFault] = []
        var calls = 0
        var sequence: UInt64 = 0
    }

    private let state = Locked(State())

    /// Creates a gateway.
    public init() {}

    /// Sends one attempt: a known key returns its first outcome, a new key pays unless a
    /// fault is scripted.
    ///
    /// - Parameter attempt: The attempt.
    /// - Returns: The outcome.
    /// - Throws: ``ReturnsError`` with `.dependencyFailure` for scripted timeouts
    ///   and outages.
    public func submit(_ attempt: RefundAttemptRequest) async throws -> RefundGatewayOutcome {
        try state.withLock { state throws(ReturnsError) in
            state.calls += 1
            let key = HashedReference(attempt.idempotencyKey)
            if let known = state.outcomes[key] { return known }
            let fault = state.script.isEmpty ? nil : state.script.removeFirst()
            switch fault {
            case .refuse(let code, let retryable):
                let outcome = RefundGatewayOutcome.failed(code: code, isRetryable: retryable)
                state.outcomes[key] = outcome
                return outcome
            case .unavailable:
                throw ReturnsError(code: .dependencyFailure, reason: "payment provider unavailable")
            case .payThenTimeOut, nil:
                state.sequence += 1
                let outcome = RefundGatewayOutcome.succeeded(reference: "rf_" + String(state.sequence))
                state.outcomes[key] = outcome
                state.refundedByOrder[attempt.order, default: 0] += attempt.amount.minorUnits
                if fault == .payThenTimeOut {
                    throw ReturnsError(code: .dependencyFailure, reason: "payment provider timed out")
                }
                return outcome
            }
        }
    }

    /// Queues faults for the next calls with new keys.
    ///
    /// - Parameter faults: The faults, in order.
    public func script(_ faults: ScriptedFault...) { state.withLock { $0.script.append(contentsOf: faults) } }

    /// What an order got back in total, in minor units.
    ///
    /// - Parameter order: The order.
    public func refundedMinorUnits(for order: OrderID) -> Int64 {
        state.withLock { $0.refundedByOrder[order, default: 0] }
    }

    /// How many calls were made.
    public var callCount: Int { state.withLock { $0.calls } }

    /// The keys seen so far.
    public var idempotencyKeys: Set<String> { state.withLock { Set($0.outcomes.keys.map(\.text)) } }
}
