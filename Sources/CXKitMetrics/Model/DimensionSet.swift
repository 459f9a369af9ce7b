/// The dimensions of one observation: at most ``maximumCount`` pairs with distinct keys,
/// kept sorted by key so equal sets hash and compare equal whatever order they were given in.
///
/// A rollup is kept per dimension set; breakdowns by one dimension or a combination merge
/// the rollups whose sets contain the wanted values.
public struct DimensionSet: Hashable, Sendable, Codable, RandomAccessCollection, CustomStringConvertible {
    /// The pairs, sorted by key.
    public let pairs: [Dimension]

    /// The most pairs one observation may carry.
    public static let maximumCount = 8

    /// No dimensions.
    public static let empty = DimensionSet(sorted: [])

    /// The set overflowed observations are counted under once a cardinality cap is reached.
    public static let overflow = DimensionSet(sorted: [Dimension(unchecked: .overflow, "other")])

    /// Creates a set from pairs.
    ///
    /// - Parameter pairs: Pairs with distinct keys, in any order.
    /// - Throws: ``MetricsError`` with `ErrorCode.limitExceeded` naming
    ///   `dimensions` for more than ``maximumCount`` pairs, or
    ///   `ErrorCode.validationFailed` naming `dimensions.<key>` for a repeated key.
    public init(_ pairs: [Dimension]) throws(MetricsError) {
        guard pairs.count <= Self.maximumCount else {
            throw .limit(field: "dimensions", reason: "must have at most \(Self.maximumCount) pairs")
        }
        let sorted = pairs.sorted()
        for index in sorted.indices.dropFirst() where sorted[index].key == sorted[index - 1].key {
            throw .validation(field: "dimensions.\(sorted[index].key.name)", reason: "must not repeat a key")
        }
        self.pairs = sorted
    }

    /// Creates a set from a dictionary of raw values.
    ///
    /// - Parameter values: The value per key.
    /// - Throws: ``MetricsError`` as ``init(_:)-([Dimension])`` and
    ///   ``Dimension/init(_:_:)`` do.
    public init(_ values: [DimensionKey: String]) throws(MetricsError) {
        var pairs: [Dimension] = []
        pairs.reserveCapacity(values.count)
        for (key, value) in values { pairs.append(try Dimension(key, value)) }
        try self.init(pairs)
    }

    init(sorted pairs: [Dimension]) { self.pairs = pairs }

    /// The value of `key`, if the set has it.
    ///
    /// - Parameter key: A dimension.
    public subscript(key: DimensionKey) -> String? {
        pairs.first { $0.key == key }?.value
    }

    /// The position of the first pair.
    public var startIndex: Int { pairs.startIndex }
    /// The position after the last pair.
    public var endIndex: Int { pairs.endIndex }
    /// The pair at `position`.
    ///
    /// - Parameter position: A valid index.
    public subscript(position: Int) -> Dimension { pairs[position] }

    /// Whether every pair of `filter` is in this set (an empty filter matches every set).
    ///
    /// - Parameter filter: The pairs to look for.
    /// - Returns: `true` when this set contains all of them.
    public func matches(_ filter: DimensionSet) -> Bool {
        filter.pairs.allSatisfy { wanted in pairs.contains(wanted) }
    }

    /// The subset of pairs whose keys are in `keys`.
    ///
    /// - Parameter keys: The keys to keep.
    /// - Returns: The projected set.
    public func projected(onto keys: Set<DimensionKey>) -> DimensionSet {
        DimensionSet(sorted: pairs.filter { keys.contains($0.key) })
    }

    /// `channel=chat,team=t1`, or `(all)` for the empty set.
    public var description: String {
        pairs.isEmpty ? "(all)" : pairs.map { "\($0.key.name)=\($0.value)" }.joined(separator: ",")
    }

    /// A 64-bit fingerprint stable across processes and platforms (FNV-1a over the pairs),
    /// used for cardinality ledgers and rollup identifiers.
    public var fingerprint: UInt64 {
        var hash = StableHash()
        for pair in pairs {
            hash.combine(pair.key.name)
            hash.combine(pair.value)
        }
        return hash.value
    }

    /// Decodes and validates a set.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for repeated keys or too many pairs.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let pairs = try container.decode([Dimension].self)
        if pairs == Self.overflow.pairs {
            self = .overflow
            return
        }
        do {
            try self.init(pairs)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the pairs as an array.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(pairs)
    }
}
