import CXKitCore

/// A refund prepared by settlement, with its first attempt started, and the transaction
/// that will record it once the gateway has answered.
struct PendingRefund {
    var refund: Refund
    var transaction: StoreTransaction
    let requestVersion: UInt64
}
