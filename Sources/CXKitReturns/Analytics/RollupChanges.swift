import CXKitCore

/// Rollup increments gathered during one command, applied to the stored rollups in the
/// command's commit.
struct RollupChanges {
    private(set) var deltas: [Identifier: ReturnRollup] = [:]
    private(set) var order: [Identifier] = []

    mutating func update(
        _ dimension: RollupDimension, key: String, period: Int, _ change: (inout ReturnRollup) -> Void
    ) {
        let id = ReturnRollup.identifier(dimension, key: key, period: period)
        if deltas[id] == nil {
            deltas[id] = ReturnRollup(dimension: dimension, key: key, period: period)
            order.append(id)
        }
        if var delta = deltas[id] {
            change(&delta)
            deltas[id] = delta
        }
    }

    var isEmpty: Bool { deltas.isEmpty }

    /// Loads the affected rollups and adds their inserts or updates to the transaction.
    func apply(to transaction: inout StoreTransaction, store: any RecordStore, tenant: TenantID) async throws
    {
        guard !order.isEmpty else { return }
        let existing = try await store.fetch(ReturnRollup.self, ids: order, in: tenant)
        var byID: [Identifier: Versioned<ReturnRollup>] = [:]
        for versioned in existing { byID[versioned.record.recordID] = versioned }
        for id in order {
            guard let delta = deltas[id] else { continue }
            if var stored = byID[id] {
                stored.record.merge(delta)
                transaction.update(stored)
            } else {
                var fresh = ReturnRollup(dimension: delta.dimension, key: delta.key, period: delta.period)
                fresh.merge(delta)
                transaction.insert(fresh)
            }
        }
    }
}
