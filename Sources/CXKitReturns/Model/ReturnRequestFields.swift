import CXKitCore
import Foundation

/// The storage behind a ``ReturnRequest``: one heap object holding every field, so copying
/// a request (fetching it, boxing it as `any StoredRecord`, computing its index keys) copies
/// one reference instead of some thirty fields.
typealias ReturnRequestStorage = SharedFields<ReturnRequestFields>

/// The stored properties of a return request, documented on ``ReturnRequest``.
///
/// Their names, order and synthesized coding are the request's JSON (one flat object),
/// and their synthesized `Hashable` conformance is the request's equality and hash.
struct ReturnRequestFields: Codable, Hashable, Sendable {
    let id: ReturnRequestID
    let rmaNumber: RMANumber
    let order: OrderID
    let customer: CustomerID
    let createdBy: ActorReference
    let createdAt: Date
    var state: ReturnRequestState
    var items: [ReturnItem]
    let resolution: ReturnResolution
    let isInstantExchange: Bool
    let quote: RefundQuote
    var settlement: RefundQuote?
    let policyVersion: Int
    let policyFingerprint: String
    var reviewReasons: [String]
    var label: ReturnLabel?
    var labelExpiresAt: Date?
    var refundDueAt: Date?
    var overdueReported: Bool
    var refund: RefundID?
    var outcome: ReturnOutcome?
    var submittedAt: Date?
    var approvedAt: Date?
    var receivedAt: Date?
    var inspectedAt: Date?
    var resolvedAt: Date?
    var history: [LifecycleStep<ReturnRequestState>]
    var itemHistory: [ItemHistoryEntry]
    let orderPeriod: Int

    /// The fields of a new draft: no steps, no label, no money moved yet.
    init(
        id: ReturnRequestID, rmaNumber: RMANumber, order: OrderID, customer: CustomerID,
        createdBy: ActorReference, createdAt: Date, items: [ReturnItem], resolution: ReturnResolution,
        isInstantExchange: Bool, quote: RefundQuote, policyVersion: Int, policyFingerprint: String,
        orderPeriod: Int
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
}
