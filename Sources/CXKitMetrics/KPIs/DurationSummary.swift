import CXKitCore

/// A duration KPI (first response, next reply, resolution, handle, refund cycle time):
/// n, mean, median and the high percentiles, in seconds, from a core `DurationSketch`
/// (percentiles within its 1 % relative error; the mean is exact).
public struct DurationSummary: Hashable, Sendable, Codable {
    /// The KPI and variant (`"fullResolutionTime.business"`).
    public let name: String
    /// How many durations.
    public let sampleSize: Int64
    /// The exact mean.
    public let mean: Double
    /// The median (Zendesk's default aggregation for resolution times).
    public let median: Double
    /// The 90th percentile.
    public let p90: Double
    /// The 95th percentile.
    public let p95: Double
    /// The 99th percentile.
    public let p99: Double
    /// The shortest duration.
    public let minimum: Double
    /// The longest duration.
    public let maximum: Double

    /// Creates a summary.
    ///
    /// - Parameters:
    ///   - name: The KPI and variant.
    ///   - sampleSize: n.
    ///   - mean: The mean.
    ///   - median: The median.
    ///   - p90: The 90th percentile.
    ///   - p95: The 95th percentile.
    ///   - p99: The 99th percentile.
    ///   - minimum: The minimum.
    ///   - maximum: The maximum.
    public init(
        name: String, sampleSize: Int64, mean: Double, median: Double, p90: Double, p95: Double, p99: Double,
        minimum: Double, maximum: Double
    ) {
        self.name = name
        self.sampleSize = sampleSize
        self.mean = mean
        self.median = median
        self.p90 = p90
        self.p95 = p95
        self.p99 = p99
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Summarises a sketch, or returns `nil` when it is empty.
    ///
    /// - Parameters:
    ///   - name: The KPI and variant.
    ///   - sketch: The durations.
    public init?(name: String, sketch: DurationSketch) {
        guard let mean = sketch.mean, let median = sketch.p50, let p90 = sketch.p90, let p95 = sketch.p95,
            let p99 = sketch.p99, let minimum = sketch.minimum, let maximum = sketch.maximum
        else { return nil }
        self.init(
            name: name, sampleSize: Int64(clamping: sketch.count), mean: mean, median: median, p90: p90,
            p95: p95,
            p99: p99, minimum: minimum, maximum: maximum)
    }
}
