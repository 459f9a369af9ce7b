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
        if deltas[id] == nil { order.append(id) }
        change(&deltas[id, default: ReturnRollup(id: id, dimension: dimension, key: key, period: period)])
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
                transaction.insert(delta)
            }
        }
    }
}
