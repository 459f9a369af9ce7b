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
            IndexKey(partition: .identifier($0.customer.rawValue), sort: .date($0.createdAt))
        },
        RecordIndex("byOrder") {
            IndexKey(partition: .identifier($0.order.rawValue), sort: .date($0.createdAt))
        },
        RecordIndex(
            "byTracking",
            sparseKey: { request in
                request.label.map { IndexKey(partition: .string($0.trackingNumber)) }
            }),
        RecordIndex(
            "byLabelExpiry",
            sparseKey: { request in
                guard request.state == .labelIssued || request.state == .approved,
                    let expiry = request.labelExpiresAt
                else { return nil }
                return IndexKey(sort: .date(expiry))
            }),
        RecordIndex(
            "byRefundDue",
            sparseKey: { request in
                guard let due = request.refundDueAt, !request.state.isTerminal, request.state != .resolved,
                    !request.overdueReported
                else { return nil }
                return IndexKey(sort: .date(due))
            }),
    ]

    /// Every field, shared between copies until one of them is mutated (copy-on-write).
    private var storage: ReturnRequestStorage

    /// The request's identity.
    public var id: ReturnRequestID { storage.fields.id }
    /// Its human-readable RMA number.
    public var rmaNumber: RMANumber { storage.fields.rmaNumber }
    /// The order.
    public var order: OrderID { storage.fields.order }
    /// The customer.
    public var customer: CustomerID { storage.fields.customer }
    /// Who created it (the customer, or an agent on their behalf).
    public var createdBy: ActorReference { storage.fields.createdBy }
    /// When it was created.
    public var createdAt: Date { storage.fields.createdAt }
    /// The state.
    public internal(set) var state: ReturnRequestState {
        get { storage.fields.state }
        _modify {
            makeStorageUnique()
            yield &storage.fields.state
        }
    }
    /// The items.
    public internal(set) var items: [ReturnItem] {
        get { storage.fields.items }
        _modify {
            makeStorageUnique()
            yield &storage.fields.items
        }
    }
    /// The resolution the customer chose.
    public var resolution: ReturnResolution { storage.fields.resolution }
    /// Whether the replacement ships before the return arrives.
    public var isInstantExchange: Bool { storage.fields.isInstantExchange }
    /// The quote shown at submission.
    public var quote: RefundQuote { storage.fields.quote }
    /// The settlement after inspection.
    public internal(set) var settlement: RefundQuote? {
        get { storage.fields.settlement }
        _modify {
            makeStorageUnique()
            yield &storage.fields.settlement
        }
    }
    /// The policy version applied and its fingerprint.
    public var policyVersion: Int { storage.fields.policyVersion }
    /// The policy's fingerprint.
    public var policyFingerprint: String { storage.fields.policyFingerprint }
    /// Why it went to review (rules, evidence, serial-returner figures), if it did.
    public internal(set) var reviewReasons: [String] {
        get { storage.fields.reviewReasons }
        _modify {
            makeStorageUnique()
            yield &storage.fields.reviewReasons
        }
    }
    /// The label, once issued.
    public internal(set) var label: ReturnLabel? {
        get { storage.fields.label }
        _modify {
            makeStorageUnique()
            yield &storage.fields.label
        }
    }
    /// When an unused label (or an approval without label) expires the request.
    public internal(set) var labelExpiresAt: Date? {
        get { storage.fields.labelExpiresAt }
        _modify {
            makeStorageUnique()
            yield &storage.fields.labelExpiresAt
        }
    }
    /// When the refund is due (business days), once known.
    public internal(set) var refundDueAt: Date? {
        get { storage.fields.refundDueAt }
        _modify {
            makeStorageUnique()
            yield &storage.fields.refundDueAt
        }
    }
    /// Whether the overdue event was emitted.
    public internal(set) var overdueReported: Bool {
        get { storage.fields.overdueReported }
        _modify {
            makeStorageUnique()
            yield &storage.fields.overdueReported
        }
    }
    /// The refund, once started.
    public internal(set) var refund: RefundID? {
        get { storage.fields.refund }
        _modify {
            makeStorageUnique()
            yield &storage.fields.refund
        }
    }
    /// How it ended, once resolved.
    public internal(set) var outcome: ReturnOutcome? {
        get { storage.fields.outcome }
        _modify {
            makeStorageUnique()
            yield &storage.fields.outcome
        }
    }
    /// Key instants.
    public internal(set) var submittedAt: Date? {
        get { storage.fields.submittedAt }
        _modify {
            makeStorageUnique()
            yield &storage.fields.submittedAt
        }
    }
    /// When it was approved.
    public internal(set) var approvedAt: Date? {
        get { storage.fields.approvedAt }
        _modify {
            makeStorageUnique()
            yield &storage.fields.approvedAt
        }
    }
    /// When the parcel was received.
    public internal(set) var receivedAt: Date? {
        get { storage.fields.receivedAt }
        _modify {
            makeStorageUnique()
            yield &storage.fields.receivedAt
        }
    }
    /// When it was inspected.
    public internal(set) var inspectedAt: Date? {
        get { storage.fields.inspectedAt }
        _modify {
            makeStorageUnique()
            yield &storage.fields.inspectedAt
        }
    }
    /// When it was resolved.
    public internal(set) var resolvedAt: Date? {
        get { storage.fields.resolvedAt }
        _modify {
            makeStorageUnique()
            yield &storage.fields.resolvedAt
        }
    }
    /// Every request-level transition.
    public internal(set) var history: [LifecycleStep<ReturnRequestState>] {
        get { storage.fields.history }
        _modify {
            makeStorageUnique()
            yield &storage.fields.history
        }
    }
    /// Every item-level transition.
    public internal(set) var itemHistory: [ItemHistoryEntry] {
        get { storage.fields.itemHistory }
        _modify {
            makeStorageUnique()
            yield &storage.fields.itemHistory
        }
    }
    /// The order's month key used by rollups (attribution by order date).
    var orderPeriod: Int { storage.fields.orderPeriod }

    /// The record's identity.
    public var recordID: Identifier { id.rawValue }

    init(
        id: ReturnRequestID, rmaNumber: RMANumber, order: OrderID, customer: CustomerID,
        createdBy: ActorReference,
        createdAt: Date, items: [ReturnItem], resolution: ReturnResolution, isInstantExchange: Bool,
        quote: RefundQuote, policyVersion: Int, policyFingerprint: String, orderPeriod: Int
    ) {
        storage = ReturnRequestStorage(
            ReturnRequestFields(
                id: id, rmaNumber: rmaNumber, order: order, customer: customer, createdBy: createdBy,
                createdAt: createdAt, items: items, resolution: resolution,
                isInstantExchange: isInstantExchange, quote: quote, policyVersion: policyVersion,
                policyFingerprint: policyFingerprint, orderPeriod: orderPeriod))
    }

    /// Decodes a request from one flat JSON object with a key per field (the format
    /// requests have always been stored in).
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when a required field is missing or a value has the wrong
    ///   type.
    public init(from decoder: any Decoder) throws {
        storage = ReturnRequestStorage(try ReturnRequestFields(from: decoder))
    }

    /// Encodes the request as one flat JSON object with a key per field; optional fields
    /// that are `nil` are left out.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        try storage.fields.encode(to: encoder)
    }

    /// Whether two requests are equal in every field (trivially so when they share storage).
    ///
    /// - Parameters:
    ///   - lhs: A request.
    ///   - rhs: Another request.
    /// - Returns: `true` when every field is equal.
    public static func == (lhs: ReturnRequest, rhs: ReturnRequest) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    /// Hashes every field, in declaration order.
    ///
    /// - Parameter hasher: The hasher to feed.
    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    /// The identity of the storage this value reads from: copies share it until one of
    /// them is mutated.
    var storageIdentity: ObjectIdentifier { ObjectIdentifier(storage) }

    /// Gives this value storage of its own before a mutation, copying the fields only when
    /// another value still refers to the current storage.
    private mutating func makeStorageUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = ReturnRequestStorage(storage.fields)
        }
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
