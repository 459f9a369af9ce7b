/// What one ``MetricsRecorder/record(_:in:)`` call did.
public struct RecordingSummary: Hashable, Sendable, Codable {
    /// How many observations were recorded.
    public let observationCount: Int
    /// How many rollup records the commit inserted or updated.
    public let rollupCount: Int
    /// How many commit attempts it took (more than 1 after version conflicts).
    public let attempts: Int
    /// Metrics whose cardinality cap redirected observations to the overflow bucket in this
    /// call; empty when no cap was hit.
    public let overflows: [CardinalityOverflow]

    /// Creates a summary.
    ///
    /// - Parameters:
    ///   - observationCount: Observations recorded.
    ///   - rollupCount: Rollups written.
    ///   - attempts: Commit attempts.
    ///   - overflows: Cardinality caps hit.
    public init(observationCount: Int, rollupCount: Int, attempts: Int, overflows: [CardinalityOverflow]) {
        self.observationCount = observationCount
        self.rollupCount = rollupCount
        self.attempts = attempts
        self.overflows = overflows
    }
}
