import CXKitCore
import Foundation

/// One measured fact fed into metrics: a score, duration, outcome or quantity of a metric
/// kind, at an instant, for a tenant, tagged with dimensions and optionally pointing back at
/// the record it came from (for drill-down).
///
/// Metrics knows no other module's types: a feedback response, a solved ticket or a return
/// becomes an observation at the edge (usually in `CXKitPlatform`).
///
/// ```swift
/// let answer = try Observation(
///     kind: .netPromoterScore, value: .score(9, scale: .netPromoter), time: now,
///     tenant: tenant, dimensions: DimensionSet([.channel: "email"]))
/// ```
public struct Observation: Hashable, Sendable, Codable {
    /// The metric observed.
    public let kind: MetricKind
    /// The observed value.
    public let value: ObservedValue
    /// When it happened (answer submitted, reply sent, ticket solved).
    public let time: Date
    /// The tenant it belongs to.
    public let tenant: TenantID
    /// Its dimensions.
    public let dimensions: DimensionSet
    /// The record it came from, kept in rollups for drill-down.
    public let source: RecordReference?

    /// Creates a validated observation.
    ///
    /// - Parameters:
    ///   - kind: The metric observed.
    ///   - value: The value; its case must match `kind.measure`.
    ///   - time: When it happened; must be a finite instant.
    ///   - tenant: The tenant.
    ///   - dimensions: The dimensions (default none).
    ///   - source: The record it came from, if any.
    /// - Throws: ``MetricsError`` with `ErrorCode.validationFailed` naming
    ///   `value` when the case does not match the kind, `scale` when a built-in score kind
    ///   gets another family's scale (CSAT answers on the NPS scale), `score`, `duration`
    ///   or `quantity` for values out of range or not finite, `time` for a non-finite instant.
    public init(
        kind: MetricKind, value: ObservedValue, time: Date, tenant: TenantID,
        dimensions: DimensionSet = .empty, source: RecordReference? = nil
    ) throws(MetricsError) {
        self.kind = kind
        self.value = value
        self.time = time
        self.tenant = tenant
        self.dimensions = dimensions
        self.source = source
        try validate()
    }

    /// Checks the observation (also run by the initialiser and after decoding).
    ///
    /// - Throws: ``MetricsError`` as ``init(kind:value:time:tenant:dimensions:source:)`` does.
    public func validate() throws(MetricsError) {
        guard value.measure == kind.measure else {
            throw .validation(field: "value", reason: "\(kind.name) takes a \(kind.measure.rawValue) value")
        }
        if case .score(_, let scale) = value, let required = kind.requiredScoreMetric,
            scale.metric != required
        {
            throw .validation(field: "scale", reason: "\(scale.rawValue) is not a scale for \(kind.name)")
        }
        try value.validate()
        guard time.timeIntervalSince1970.isFinite else {
            throw .validation(field: "time", reason: "must be a finite instant")
        }
    }

    /// Looks up a score scale by its stable name (`"nps"`, `"csat5"`, `"csat10"`, `"ces5"`,
    /// `"ces7"`), for hosts that receive scale names as text.
    ///
    /// - Parameter name: The scale's name.
    /// - Returns: The scale.
    /// - Throws: ``MetricsError`` with `ErrorCode.validationFailed` naming
    ///   `scale` when no scale has that name.
    public static func scale(named name: String) throws(MetricsError) -> ScoreScale {
        guard let scale = ScoreScale(rawValue: name) else {
            throw .validation(field: "scale", reason: "is not a known scale")
        }
        return scale
    }

    private enum CodingKeys: String, CodingKey { case kind, value, time, tenant, dimensions, source }

    /// Decodes and validates an observation.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when it fails ``validate()``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(MetricKind.self, forKey: .kind)
        value = try container.decode(ObservedValue.self, forKey: .value)
        time = try container.decode(Date.self, forKey: .time)
        tenant = try container.decode(TenantID.self, forKey: .tenant)
        dimensions = try container.decodeIfPresent(DimensionSet.self, forKey: .dimensions) ?? .empty
        source = try container.decodeIfPresent(RecordReference.self, forKey: .source)
        do {
            try validate()
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .value, in: container, debugDescription: error.description)
        }
    }

    /// Encodes the observation.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(value, forKey: .value)
        try container.encode(time, forKey: .time)
        try container.encode(tenant, forKey: .tenant)
        try container.encode(dimensions, forKey: .dimensions)
        try container.encodeIfPresent(source, forKey: .source)
    }
}
