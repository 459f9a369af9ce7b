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

    /// Loads the affected rollups and adds their inserts or updates to the transaction.
    func apply(to transaction: inout StoreTransaction, store: any RecordStore, tenant: TenantID) async throws
    {
        guard !deltas.isEmpty else { return }
        let existing = try await store.fetch(ReturnRollup.self, ids: deltas.map(\.recordID), in: tenant)
        for delta in deltas {
            if var stored = existing.first(where: { $0.record.recordID == delta.recordID }) {
                stored.record.merge(delta)
                transaction.update(stored)
            } else {
                transaction.insert(delta)
            }
        }
    }
}
