/// One entry of an in-memory index: a record's sort key and identifier, ordered by sort key
/// then identifier so every position is unique.
struct IndexEntry: Comparable {
    /// The sort part of the key the record contributed.
    let sort: [IndexValue]
    /// The record's identifier.
    let id: Identifier

    /// Equal when neither orders first, so equality always agrees with `<` (even for keys
    /// holding NaN, which `IndexValue`'s synthesized equality would call unequal to itself).
    static func == (lhs: IndexEntry, rhs: IndexEntry) -> Bool { compare(lhs, rhs) == 0 }

    static func < (lhs: IndexEntry, rhs: IndexEntry) -> Bool { compare(lhs, rhs) < 0 }

    /// Three-way comparison by sort key, then identifier: -1, 0 or 1.
    static func compare(_ lhs: IndexEntry, _ rhs: IndexEntry) -> Int {
        let shared = min(lhs.sort.count, rhs.sort.count)
        var index = 0
        while index < shared {
            let order = order(lhs.sort[index], rhs.sort[index])
            if order != 0 { return order }
            index += 1
        }
        if lhs.sort.count != rhs.sort.count { return lhs.sort.count < rhs.sort.count ? -1 : 1 }
        return lhs.id < rhs.id ? -1 : (lhs.id == rhs.id ? 0 : 1)
    }

    /// Three-way comparison of two key components in ``IndexValue``'s order, comparing each
    /// pair once: -1, 0 or 1.
    @inline(__always)
    static func order(_ a: IndexValue, _ b: IndexValue) -> Int {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.date(let x), .date(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.identifier(let x), .identifier(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)):
            var left = x.utf8.makeIterator()
            var right = y.utf8.makeIterator()
            while true {
                switch (left.next(), right.next()) {
                case (nil, nil): return 0
                case (nil, _): return -1
                case (_, nil): return 1
                case (let l?, let r?) where l != r: return l < r ? -1 : 1
                default: continue
                }
            }
        default: return a < b ? -1 : (b < a ? 1 : 0)
        }
    }

    /// Compares `sort` with a bound's values the way ``IndexBound`` does: on the bound's
    /// length, a shorter key counting as smaller. Returns -1, 0 or 1.
    static func compare(_ sort: [IndexValue], withPrefix values: [IndexValue]) -> Int {
        let shared = min(sort.count, values.count)
        var index = 0
        while index < shared {
            let order = order(sort[index], values[index])
            if order != 0 { return order }
            index += 1
        }
        return sort.count >= values.count ? 0 : -1
    }
}
