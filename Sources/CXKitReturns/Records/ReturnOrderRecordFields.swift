import CXKitCore
import Foundation

/// The stored properties of an order record, documented on ``ReturnOrderRecord``.
///
/// Their names, order and synthesized coding are the record's JSON (one flat object), and
/// their synthesized `Hashable` conformance is the record's equality and hash.
struct ReturnOrderRecordFields: Codable, Hashable, Sendable {
    var order: ReturnableOrder
    let policyVersion: Int
    let policyFingerprint: String
    var requested: [OrderLineID: Int]
    var ledger: RefundLedger
    var hasReturn: Bool
}
