import CXKitCore

/// Rollup increments gathered during one command, applied to the stored rollups in the
/// command's commit.
///
/// A command touches a handful of rollups (overall, one per reason, category and product
/// of its items), so they are kept in a small array searched linearly — cheaper than
/// hashing for so few entries.
struct RollupChanges {
    private(set) var deltas: [ReturnRollup] = []

    mutating func update(
        _ dimension: RollupDimension, key: String, period: Int, _ change: (inout ReturnRollup) -> Void
    ) {
        let id = ReturnRollup.identifier(dimension, key: key, period: period)
        if let index = deltas.firstIndex(where: { $0.recordID == id }) {
            change(&deltas[index])
        } else {
            if deltas.isEmpty { deltas.reserveCapacity(8) }
            deltas.append(ReturnRollup(id: id, dimension: dimension, key: key, period: period))
            change(&deltas[deltas.count - 1])
        }
    }

    var isEmpty: Bool { deltas.isEmpty }

    /// Adds a merge of every delta to the transaction: the store adds each to the stored
    /// rollup, or inserts it when the rollup is new.
    func apply(to transaction: inout StoreTransaction) {
        for delta in deltas { transaction.merge(delta) }
    }
}
