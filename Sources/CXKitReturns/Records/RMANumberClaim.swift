import CXKitCore

/// Reserves an RMA number in a tenant: inserting a second claim for the same number fails,
/// so numbers are unique by construction.
struct RMANumberClaim: StoredRecord, Hashable {
    static let recordType: RecordType = "returns.rmaNumber"

    let number: RMANumber
    let request: ReturnRequestID
    var recordID: Identifier { number.claimIdentifier }
}
