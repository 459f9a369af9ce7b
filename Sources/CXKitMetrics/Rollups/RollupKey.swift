import CXKitCore

/// Identifies one rollup: a metric, one local day (in the configured zone) and one exact
/// dimension combination.
public struct RollupKey: Hashable, Comparable, Sendable, Codable {
    /// The metric.
    public let kind: MetricKind
    /// The local day.
    public let day: ReportingPeriod
    /// The exact dimension combination of the observations it holds.
    public let dimensions: DimensionSet

    /// Creates a key.
    ///
    /// - Parameters:
    ///   - kind: The metric.
    ///   - day: A day period.
    ///   - dimensions: The dimension combination.
    public init(kind: MetricKind, day: ReportingPeriod, dimensions: DimensionSet) {
        self.kind = kind
        self.day = day
        self.dimensions = dimensions
    }

    /// The rollup's stored identifier: a stable 128-bit hash of the key, so every writer
    /// computes the same ID without a lookup.
    public var identifier: Identifier {
        var high = StableHash(seed: 0x6A09_E667_F3BC_C908)
        var low = StableHash()
        for hash in [0, 1] {
            var part = hash == 0 ? high : low
            part.combine(kind.name)
            part.combine(kind.measure.rawValue)
            part.combine(day.timeZone.identifier)
            part.combine(day.key)
            part.combine(dimensions.fingerprint)
            if hash == 0 { high = part } else { low = part }
        }
        return Identifier(high: high.value, low: low.value)
    }

    /// Orders keys by metric, day, then dimensions.
    ///
    /// - Parameters:
    ///   - lhs: A key.
    ///   - rhs: Another key.
    /// - Returns: Whether `lhs` sorts first.
    public static func < (lhs: RollupKey, rhs: RollupKey) -> Bool {
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        if lhs.day != rhs.day { return lhs.day < rhs.day }
        return lhs.dimensions.pairs.lexicographicallyPrecedes(rhs.dimensions.pairs)
    }
}
