import CXKitCore

/// The stored list of dimension combinations one metric has used, which enforces the
/// cardinality cap across writers, and the running count of observations that arrived with
/// a new combination after the cap was reached.
public struct MetricCardinalityLedger: StoredRecord, Hashable {
    /// `"metrics.cardinality"`.
    public static let recordType: RecordType = "metrics.cardinality"

    /// The metric.
    public let kind: MetricKind
    /// Fingerprints (``DimensionSet/fingerprint``) of the combinations in use, sorted.
    public private(set) var fingerprints: [UInt64]
    /// Observations counted under ``DimensionSet/overflow`` because the cap was reached.
    public private(set) var overflowCount: Int64

    /// The ledger's identifier, derived from the metric.
    public var recordID: Identifier { Self.identifier(for: kind) }

    /// An empty ledger.
    ///
    /// - Parameter kind: The metric.
    public init(kind: MetricKind) {
        self.kind = kind
        self.fingerprints = []
        self.overflowCount = 0
    }

    /// The identifier of the ledger for `kind`.
    ///
    /// - Parameter kind: The metric.
    /// - Returns: A stable identifier.
    public static func identifier(for kind: MetricKind) -> Identifier {
        var high = StableHash(seed: 0xBB67_AE85_84CA_A73B)
        var low = StableHash(seed: 0x3C6E_F372_FE94_F82B)
        high.combine(kind.name)
        high.combine(kind.measure.rawValue)
        low.combine(kind.name)
        low.combine(kind.measure.rawValue)
        return Identifier(high: high.value, low: low.value)
    }

    /// Whether the combination is already in use.
    ///
    /// - Parameter dimensions: A combination.
    /// - Returns: `true` when it was admitted before.
    public func contains(_ dimensions: DimensionSet) -> Bool {
        binarySearch(dimensions.fingerprint).found
    }

    /// Admits a combination if it is known or there is room under `cap`.
    ///
    /// - Parameters:
    ///   - dimensions: The combination.
    ///   - cap: The cardinality cap.
    /// - Returns: `true` when the combination may be used.
    public mutating func admit(_ dimensions: DimensionSet, cap: Int) -> Bool {
        if dimensions == .overflow { return true }
        let (found, position) = binarySearch(dimensions.fingerprint)
        if found { return true }
        guard fingerprints.count < cap else { return false }
        fingerprints.insert(dimensions.fingerprint, at: position)
        return true
    }

    /// Counts observations redirected to the overflow bucket.
    ///
    /// - Parameter count: How many.
    public mutating func recordOverflow(_ count: Int64) {
        overflowCount += count
    }

    private func binarySearch(_ value: UInt64) -> (found: Bool, position: Int) {
        var low = 0
        var high = fingerprints.count
        while low < high {
            let middle = (low + high) / 2
            if fingerprints[middle] < value { low = middle + 1 } else { high = middle }
        }
        return (low < fingerprints.count && fingerprints[low] == value, low)
    }
}
