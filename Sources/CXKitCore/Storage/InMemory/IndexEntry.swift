/// One entry of an in-memory index: a record's sort key and identifier, ordered by sort key
/// then identifier so every position is unique.
struct IndexEntry: Comparable {
    /// The sort part of the key the record contributed.
    let sort: [IndexValue]
    /// The record's identifier.
    let id: Identifier

    /// Equal when neither orders first, so equality always agrees with `<` (even for keys
    /// holding NaN, which `IndexValue`'s synthesized equality would call unequal to itself).
    static func == (lhs: IndexEntry, rhs: IndexEntry) -> Bool {
        lhs.id == rhs.id && !(lhs < rhs) && !(rhs < lhs)
    }

    static func < (lhs: IndexEntry, rhs: IndexEntry) -> Bool {
        let shared = min(lhs.sort.count, rhs.sort.count)
        var index = 0
        while index < shared {
            let (a, b) = (lhs.sort[index], rhs.sort[index])
            if a < b { return true }
            if b < a { return false }
            index += 1
        }
        if lhs.sort.count != rhs.sort.count { return lhs.sort.count < rhs.sort.count }
        return lhs.id < rhs.id
    }

    /// Compares `sort` with a bound's values the way ``IndexBound`` does: on the bound's
    /// length, a shorter key counting as smaller. Returns -1, 0 or 1.
    static func compare(_ sort: [IndexValue], withPrefix values: [IndexValue]) -> Int {
        let shared = min(sort.count, values.count)
        var index = 0
        while index < shared {
            let (a, b) = (sort[index], values[index])
            if a < b { return -1 }
            if b < a { return 1 }
            index += 1
        }
        return sort.count >= values.count ? 0 : -1
    }
}
