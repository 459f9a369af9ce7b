/// How changes are judged: the confidence level of intervals and tests, and the minimum n
/// below which a number is shown as unreliable and never called significant.
public struct ComparisonPolicy: Hashable, Sendable, Codable {
    /// The confidence level (0.95 = 95 %).
    public let confidenceLevel: Double
    /// The minimum sample size of each side for a reliable number.
    public let minimumSampleSize: Int64

    /// 95 % confidence, n ≥ 30.
    public static let standard = ComparisonPolicy(uncheckedConfidence: 0.95, minimumSampleSize: 30)

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - confidenceLevel: Strictly between 0 and 1.
    ///   - minimumSampleSize: At least 1.
    /// - Throws: ``MetricsError`` naming `confidenceLevel` or `minimumSampleSize` when out of range.
    public init(confidenceLevel: Double, minimumSampleSize: Int64) throws(MetricsError) {
        guard confidenceLevel.isFinite, confidenceLevel > 0, confidenceLevel < 1 else {
            throw .validation(field: "confidenceLevel", reason: "must be strictly between 0 and 1")
        }
        guard minimumSampleSize >= 1 else {
            throw .validation(field: "minimumSampleSize", reason: "must be at least 1")
        }
        self.init(uncheckedConfidence: confidenceLevel, minimumSampleSize: minimumSampleSize)
    }

    private init(uncheckedConfidence: Double, minimumSampleSize: Int64) {
        self.confidenceLevel = uncheckedConfidence
        self.minimumSampleSize = minimumSampleSize
    }
}
