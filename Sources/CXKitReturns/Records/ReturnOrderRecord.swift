import CXKitCore
import Foundation

/// An order registered with the returns module: the order, the pinned policy version, the
/// units already requested per line and the refund ledger.
public struct ReturnOrderRecord: StoredRecord, Hashable {
    /// `"returns.order"`.
    public static let recordType: RecordType = "returns.order"

    /// Index `byCustomer` (customer, placed).
    public static let indexes: [RecordIndex<ReturnOrderRecord>] = [
        RecordIndex("byCustomer") {
            IndexKey(partition: [.identifier($0.order.customer.rawValue)], sort: [.date($0.order.placedAt)])
        }
    ]

    /// The order.
    public internal(set) var order: ReturnableOrder
    /// The policy version in force at purchase.
    public let policyVersion: Int
    /// That policy's fingerprint.
    public let policyFingerprint: String
    /// Units in open or settled requests, per line.
    public internal(set) var requested: [OrderLineID: Int]
    /// What has been settled for refund.
    public internal(set) var ledger: RefundLedger
    /// Whether any request was ever submitted for the order (for order-based return rates).
    public internal(set) var hasReturn: Bool

    /// The record's identity (the order's).
    public var recordID: Identifier { order.id.rawValue }

    init(order: ReturnableOrder, policyVersion: Int, policyFingerprint: String) {
        self.order = order
        self.policyVersion = policyVersion
        self.policyFingerprint = policyFingerprint
        self.requested = [:]
        self.ledger = RefundLedger(currency: order.currency)
        self.hasReturn = false
    }
}
