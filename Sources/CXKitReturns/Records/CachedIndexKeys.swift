import CXKitCore

/// Index keys a record value carries once computed, so the store's index maintenance
/// (which asks every index for the old and the new value's keys on each update) reuses
/// them instead of building fresh arrays each time.
///
/// Not part of the record's data: it never encodes (records list it outside their
/// `CodingKeys`), always compares equal and hashes nothing. A decoded record has no
/// cached keys and its indexes compute them, with the same result.
struct CachedIndexKeys: Hashable, Sendable {
    /// The keys, or `nil` when not computed.
    var keys: [IndexKey]?

    init(_ keys: [IndexKey]? = nil) {
        self.keys = keys
    }

    /// The cached keys, or `compute()` when there are none.
    @inline(__always)
    func or(_ compute: () -> [IndexKey]) -> [IndexKey] {
        keys ?? compute()
    }

    static func == (lhs: CachedIndexKeys, rhs: CachedIndexKeys) -> Bool { true }

    func hash(into hasher: inout Hasher) {}
}
