/// The keys one record contributes to one index, collected without a heap allocation for
/// the usual none or one.
struct CollectedIndexKeys: Equatable {
    private var first: IndexKey?
    private var rest: [IndexKey] = []

    /// The keys the record at `record` contributes through `functions`.
    init(of record: UnsafeRawPointer, through functions: IndexKeyFunctions) {
        functions.forEachKey(of: record) { key in
            if first == nil { first = key } else { rest.append(key) }
        }
    }

    /// Whether `key` is among the keys.
    func contains(_ key: IndexKey) -> Bool { first == key || rest.contains(key) }

    /// Calls `body` with each key, in the order the index gave them.
    func forEach(_ body: (IndexKey) -> Void) {
        guard let first else { return }
        body(first)
        for key in rest { body(key) }
    }
}
