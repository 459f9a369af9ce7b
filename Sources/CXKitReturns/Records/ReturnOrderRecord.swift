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
            IndexKey(partition: .identifier($0.order.customer.rawValue), sort: .date($0.order.placedAt))
        }
    ]

    /// Every field, shared between copies until one of them is mutated (copy-on-write):
    /// every return command reads the order and most write it back.
    private var storage: SharedFields<ReturnOrderRecordFields>

    /// The order.
    public internal(set) var order: ReturnableOrder {
        get { storage.fields.order }
        _modify {
            makeStorageUnique()
            yield &storage.fields.order
        }
    }
    /// The policy version in force at purchase.
    public var policyVersion: Int { storage.fields.policyVersion }
    /// That policy's fingerprint.
    public var policyFingerprint: String { storage.fields.policyFingerprint }
    /// Units in open or settled requests, per line.
    public internal(set) var requested: [OrderLineID: Int] {
        get { storage.fields.requested }
        _modify {
            makeStorageUnique()
            yield &storage.fields.requested
        }
    }
    /// What has been settled for refund.
    public internal(set) var ledger: RefundLedger {
        get { storage.fields.ledger }
        _modify {
            makeStorageUnique()
            yield &storage.fields.ledger
        }
    }
    /// Whether any request was ever submitted for the order (for order-based return rates).
    public internal(set) var hasReturn: Bool {
        get { storage.fields.hasReturn }
        _modify {
            makeStorageUnique()
            yield &storage.fields.hasReturn
        }
    }

    /// The record's identity (the order's).
    public var recordID: Identifier { storage.fields.order.id.rawValue }

    init(order: ReturnableOrder, policyVersion: Int, policyFingerprint: String) {
        storage = SharedFields(
            ReturnOrderRecordFields(
                order: order, policyVersion: policyVersion, policyFingerprint: policyFingerprint,
                requested: [:],
                ledger: RefundLedger(currency: order.currency), hasReturn: false))
    }

    /// Decodes a record from one flat JSON object with a key per field (the format order
    /// records have always been stored in).
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when a required field is missing or a value has the wrong
    ///   type.
    public init(from decoder: any Decoder) throws {
        storage = SharedFields(try ReturnOrderRecordFields(from: decoder))
    }

    /// Encodes the record as one flat JSON object with a key per field.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        try storage.fields.encode(to: encoder)
    }

    /// Whether two records are equal in every field (trivially so when they share storage).
    ///
    /// - Parameters:
    ///   - lhs: A record.
    ///   - rhs: Another record.
    /// - Returns: `true` when every field is equal.
    public static func == (lhs: ReturnOrderRecord, rhs: ReturnOrderRecord) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    /// Hashes every field, in declaration order.
    ///
    /// - Parameter hasher: The hasher to feed.
    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    /// Gives this value storage of its own before a mutation, copying the fields only when
    /// another value still refers to the current storage.
    private mutating func makeStorageUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = SharedFields(storage.fields)
        }
    }
}
