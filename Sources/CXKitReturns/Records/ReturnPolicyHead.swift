import CXKitCore

/// Points at the tenant's current return policy version (one record per tenant).
struct ReturnPolicyHead: StoredRecord, Hashable {
    static let recordType: RecordType = "returns.policyHead"
    static let fixedID = Identifier(high: 0x5245_5448_4541_4400, low: 1)

    var version: Int
    var recordID: Identifier { Self.fixedID }
}
