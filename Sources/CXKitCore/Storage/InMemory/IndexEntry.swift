/// One entry of an in-memory secondary index: a record's encoded key (partition and sort
/// values) and identifier, ordered by key then identifier so every position is unique.
///
/// The entry also carries the record's row slot, so a page read goes from the index
/// straight to the row without a hash lookup. The slot is payload: it takes no part in
/// comparisons.
struct IndexEntry: Comparable {
    /// The record's partition and sort values, encoded.
    let key: EncodedIndexKey
    /// The record's identifier.
    let id: Identifier
    /// Where the record's row sits in its table.
    let slot: Int

    /// An entry for `id` under `key`.
    @inline(__always)
    init(key: EncodedIndexKey, id: Identifier, slot: Int = 0) {
        self.key = key
        self.id = id
        self.slot = slot
    }

    /// The smallest entry under `key`: every entry with that key follows it.
    static func first(under key: EncodedIndexKey) -> IndexEntry {
        IndexEntry(key: key, id: .zero)
    }

    @inline(__always)
    static func == (lhs: IndexEntry, rhs: IndexEntry) -> Bool { compare(lhs, rhs) == 0 }

    @inline(__always)
    static func < (lhs: IndexEntry, rhs: IndexEntry) -> Bool { compare(lhs, rhs) < 0 }

    /// Three-way comparison by key, then identifier: -1, 0 or 1.
    @inline(__always)
    static func compare(_ lhs: IndexEntry, _ rhs: IndexEntry) -> Int {
        let order = EncodedIndexKey.compare(lhs.key, rhs.key)
        if order != 0 { return order }
        if lhs.id.high != rhs.id.high { return lhs.id.high < rhs.id.high ? -1 : 1 }
        if lhs.id.low != rhs.id.low { return lhs.id.low < rhs.id.low ? -1 : 1 }
        return 0
    }
}
