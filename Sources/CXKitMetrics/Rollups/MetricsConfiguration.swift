import Foundation

/// How metrics are bucketed and bounded for a tenant: the time zone whose local days the
/// rollups use, the cardinality cap on dimension combinations per metric, how many
/// contributing record references each rollup keeps for drill-down, and how often a
/// conflicting rollup commit is retried.
public struct MetricsConfiguration: Sendable, Hashable {
    /// The zone whose local days bucket the rollups; every coarser period (ISO week, month,
    /// quarter, year) in this zone is a union of these days.
    public let timeZone: TimeZone
    /// The most distinct dimension combinations one metric may have; observations with a
    /// new combination beyond it are counted under ``DimensionSet/overflow`` and reported.
    public let cardinalityCap: Int
    /// The most contributing record references one daily rollup keeps (the rest are
    /// counted as omitted).
    public let sourceLimit: Int
    /// How many times a rollup commit is attempted when it meets a version conflict.
    public let maximumCommitAttempts: Int

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - timeZoneIdentifier: An IANA zone identifier (`"Europe/Istanbul"`).
    ///   - cardinalityCap: Distinct dimension combinations per metric, 1 … 100 000
    ///     (default 1000).
    ///   - sourceLimit: Record references kept per daily rollup, 0 … 10 000 (default 50).
    ///   - maximumCommitAttempts: Attempts per commit, 1 … 100 (default 8).
    /// - Throws: ``MetricsError`` with `ErrorCode.validationFailed` naming
    ///   `timeZone` for an identifier that does not exist, or the out-of-range parameter.
    public init(
        timeZoneIdentifier: String, cardinalityCap: Int = 1000, sourceLimit: Int = 50,
        maximumCommitAttempts: Int = 8
    ) throws(MetricsError) {
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else {
            throw .validation(field: "timeZone", reason: "is not a known IANA time zone identifier")
        }
        try self.init(
            timeZone: zone, cardinalityCap: cardinalityCap, sourceLimit: sourceLimit,
            maximumCommitAttempts: maximumCommitAttempts)
    }

    /// Creates a configuration for a zone value.
    ///
    /// - Parameters:
    ///   - timeZone: The zone whose local days bucket the rollups.
    ///   - cardinalityCap: Distinct dimension combinations per metric, 1 … 100 000.
    ///   - sourceLimit: Record references kept per daily rollup, 0 … 10 000.
    ///   - maximumCommitAttempts: Attempts per commit, 1 … 100.
    /// - Throws: ``MetricsError`` with `ErrorCode.validationFailed` naming the
    ///   out-of-range parameter.
    public init(
        timeZone: TimeZone, cardinalityCap: Int = 1000, sourceLimit: Int = 50, maximumCommitAttempts: Int = 8
    ) throws(MetricsError) {
        guard (1...100_000).contains(cardinalityCap) else {
            throw .validation(field: "cardinalityCap", reason: "must be between 1 and 100000")
        }
        guard (0...10_000).contains(sourceLimit) else {
            throw .validation(field: "sourceLimit", reason: "must be between 0 and 10000")
        }
        guard (1...100).contains(maximumCommitAttempts) else {
            throw .validation(field: "maximumCommitAttempts", reason: "must be between 1 and 100")
        }
        self.timeZone = timeZone
        self.cardinalityCap = cardinalityCap
        self.sourceLimit = sourceLimit
        self.maximumCommitAttempts = maximumCommitAttempts
    }
}
