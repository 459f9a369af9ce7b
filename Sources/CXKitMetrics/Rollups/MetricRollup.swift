import CXKitCore
import Foundation

/// A stored rollup: the aggregate of one metric for one local day and one dimension
/// combination, with references to (some of) the records that contributed.
///
/// Rollups are updated in the same commit as the observations that change them (see
/// ``MetricsRecorder``), so dashboards read O(days × combinations) small records and never
/// scan raw data.
public struct MetricRollup: StoredRecord, Hashable {
    /// `"metrics.rollup"`.
    public static let recordType: RecordType = "metrics.rollup"
    /// `byKindDay`: partition by metric name, sorted by the day's start.
    public static let indexes: [RecordIndex<MetricRollup>] = [
        RecordIndex("byKindDay") { rollup in
            IndexKey(partition: .string(rollup.key.kind.name), sort: .date(rollup.key.day.start))
        }
    ]

    /// The rollup's identity (metric, day, dimensions).
    public let key: RollupKey
    /// The aggregate of its observations.
    public private(set) var aggregate: MetricAggregate
    /// References to contributing records, oldest first, at most the configured limit.
    public private(set) var sources: [RecordReference]
    /// How many contributing records were not kept in ``sources``.
    public private(set) var omittedSourceCount: Int64

    /// The stored identifier, derived from the key.
    public var recordID: Identifier { key.identifier }

    /// An empty rollup.
    ///
    /// - Parameter key: Its identity.
    public init(key: RollupKey) {
        self.key = key
        self.aggregate = MetricAggregate(measure: key.kind.measure)
        self.sources = []
        self.omittedSourceCount = 0
    }

    /// Adds one observation's value and source.
    ///
    /// - Parameters:
    ///   - value: The observed value.
    ///   - source: The contributing record, if any.
    ///   - sourceLimit: How many references to keep at most.
    /// - Throws: ``MetricsError`` as ``MetricAggregate/add(_:)`` does; the rollup is unchanged.
    public mutating func add(_ value: ObservedValue, source: RecordReference?, sourceLimit: Int)
        throws(MetricsError)
    {
        try aggregate.add(value)
        if let source {
            if sources.count < sourceLimit { sources.append(source) } else { omittedSourceCount += 1 }
        }
    }

    /// Adds every observation of another rollup with the same key.
    ///
    /// - Parameters:
    ///   - other: A rollup of the same key.
    ///   - sourceLimit: How many references to keep at most.
    /// - Throws: ``MetricsError`` naming `key` when the keys differ, or what
    ///   ``MetricAggregate/merge(_:)`` throws; the rollup is unchanged.
    public mutating func merge(_ other: MetricRollup, sourceLimit: Int) throws(MetricsError) {
        guard other.key == key else {
            throw .validation(field: "key", reason: "rollups of different keys cannot merge")
        }
        try aggregate.merge(other.aggregate)
        let room = Swift.max(0, sourceLimit - sources.count)
        sources.append(contentsOf: other.sources.prefix(room))
        omittedSourceCount += other.omittedSourceCount + Int64(Swift.max(0, other.sources.count - room))
    }

    /// Takes over the aggregate and sources of `other` (used when re-keying into overflow).
    mutating func replaceContents(with other: MetricRollup) {
        aggregate = other.aggregate
        sources = other.sources
        omittedSourceCount = other.omittedSourceCount
    }
}
