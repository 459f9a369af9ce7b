import CXKitCore
import Foundation

/// A return request (RMA): its items, state, money and every recorded step.
public struct ReturnRequest: StoredRecord, Hashable {
    /// `"returns.request"`.
    public static let recordType: RecordType = "returns.request"

    /// Indexes: `byCustomer` (customer, created), `byOrder` (order, created), `byTracking`
    /// (tracking number), `byLabelExpiry` (open labels by expiry) and `byRefundDue` (open
    /// requests by refund due date).
    public static let indexes: [RecordIndex<ReturnRequest>] = [
        RecordIndex("byCustomer") {
            IndexKey(partition: [.identifier($0.customer.rawValue)], sort: [.date($0.createdAt)])
        },
        RecordIndex("byOrder") {
            IndexKey(partition: [.identifier($0.order.rawValue)], sort: [.date($0.createdAt)])
        },
        RecordIndex(
            "byTracking",
            sparseKey: { request in
                request.label.map { IndexKey(partition: [.string($0.trackingNumber)]) }
            }),
        RecordIndex(
            "byLabelExpiry",
            sparseKey: { request in
                guard request.state == .labelIssued || request.state == .approved,
                    let expiry = request.labelExpiresAt
                else { return nil }
                return IndexKey(sort: [.date(expiry)])
            }),
        RecordIndex(
            "byRefundDue",
            sparseKey: { request in
                guard let due = request.refundDueAt, !request.state.isTerminal, request.state != .resolved,
                    !request.overdueReported
                else { return nil }
                return IndexKey(sort: [.date(due)])
            }),
    ]

    /// The request's identity.
    public let id: ReturnRequestID
    /// Its human-readable RMA number.
    public let rmaNumber: RMANumber
    /// The order.
    public let order: OrderID
    /// The customer.
    public let customer: CustomerID
    /// Who created it (the customer, or an agent on their behalf).
    public let createdBy: ActorReference
    /// When it was created.
    public let createdAt: Date
    /// The state.
    public internal(set) var state: ReturnRequestState
    /// The items.
    public internal(set) var items: [ReturnItem]
    /// The resolution the customer chose.
    public let resolution: ReturnResolution
    /// Whether the replacement ships before the return arrives.
    public let isInstantExchange: Bool
    /// The quote shown at submission.
    public let quote: RefundQuote
    /// The settlement after inspection.
    public internal(set) var settlement: RefundQuote?
    /// The policy version applied and its fingerprint.
    public let policyVersion: Int
    /// The policy's fingerprint.
    public let policyFingerprint: String
    /// Why it went to review (rules, evidence, serial-returner figures), if it did.
    public internal(set) var reviewReasons: [String]
    /// The label, once issued.
    public internal(set) var label: ReturnLabel?
    /// When an unused label (or an approval without label) expires the request.
    public internal(set) var labelExpiresAt: Date?
    /// When the refund is due (business days), once known.
    public internal(set) var refundDueAt: Date?
    /// Whether the overdue event was emitted.
    public internal(set) var overdueReported: Bool
    /// The refund, once started.
    public internal(set) var refund: RefundID?
    /// How it ended, once resolved.
    public internal(set) var outcome: ReturnOutcome?
    /// Key instants.
    public internal(set) var submittedAt: Date?
    /// When it was approved.
    public internal(set) var approvedAt: Date?
    /// When the parcel was received.
    public internal(set) var receivedAt: Date?
    /// When it was inspected.
    public internal(set) var inspectedAt: Date?
    /// When it was resolved.
    public internal(set) var resolvedAt: Date?
    /// Every request-level transition.
    public internal(set) var history: [LifecycleStep<ReturnRequestState>]
    /// Every item-level transition.
    public internal(set) var itemHistory: [ItemHistoryEntry]
    /// The order's month key used by rollups (attribution by order date).
    let orderPeriod: Int

    /// The record's identity.
    public var recordID: Identifier { id.rawValue }

    init(
        id: ReturnRequestID, rmaNumber: RMANumber, order: OrderID, customer: CustomerID,
        createdBy: ActorReference,
        createdAt: Date, items: [ReturnItem], resolution: ReturnResolution, isInstantExchange: Bool,
        quote: RefundQuote, policyVersion: Int, policyFingerprint: String, orderPeriod: Int
    ) {
        self.id = id
        self.rmaNumber = rmaNumber
        self.order = order
        self.customer = customer
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.state = .draft
        self.items = items
        self.resolution = resolution
        self.isInstantExchange = isInstantExchange
        self.quote = quote
        self.settlement = nil
        self.policyVersion = policyVersion
        self.policyFingerprint = policyFingerprint
        self.reviewReasons = []
        self.label = nil
        self.labelExpiresAt = nil
        self.refundDueAt = nil
        self.overdueReported = false
        self.refund = nil
        self.outcome = nil
        self.history = []
        self.itemHistory = []
        self.orderPeriod = orderPeriod
    }

    /// Units in the request.
    public var unitCount: Int { items.reduce(0) { $0 + $1.quantity } }

    /// Whether the request was received but some item is still open (short-shipped, lost
    /// or wrong), so a later ``ReturnsService/receive(_:receipts:by:)`` may record the rest
    /// before inspection.
    public var awaitsFurtherReception: Bool {
        state == .received && items.contains { $0.reception != .received }
    }

    /// The quote→settlement difference, once settled.
    public var quoteDifference: RefundQuoteDifference? {
        settlement.map { RefundQuoteDifference(quote: quote, settlement: $0) }
    }
}
