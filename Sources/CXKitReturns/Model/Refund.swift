import CXKitCore
import Foundation

/// A refund (or store credit) of a return request, with every attempt.
public struct Refund: StoredRecord, Hashable {
    /// `"returns.refund"`.
    public static let recordType: RecordType = "returns.refund"

    /// The refund's identity.
    public let id: RefundID
    /// The request.
    public let request: ReturnRequestID
    /// The order.
    public let order: OrderID
    /// The customer.
    public let customer: CustomerID
    /// The amount.
    public let amount: Money
    /// Original payment or store credit.
    public let method: ReturnResolution
    /// The state.
    public internal(set) var state: RefundState
    /// The attempts, oldest first.
    public internal(set) var attempts: [RefundAttempt]
    /// Every transition.
    public internal(set) var history: [LifecycleStep<RefundState>]
    /// The gateway's reference once it succeeded.
    public internal(set) var reference: String?
    /// When it was created.
    public let createdAt: Date

    /// The record's identity.
    public var recordID: Identifier { id.rawValue }

    init(
        id: RefundID, request: ReturnRequestID, order: OrderID, customer: CustomerID, amount: Money,
        method: ReturnResolution, createdAt: Date
    ) {
        self.id = id
        self.request = request
        self.order = order
        self.customer = customer
        self.amount = amount
        self.method = method
        self.state = .pending
        self.attempts = []
        self.history = []
        self.reference = nil
        self.createdAt = createdAt
    }
}
