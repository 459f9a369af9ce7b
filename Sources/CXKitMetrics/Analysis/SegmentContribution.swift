/// One segment's share of a KPI's movement between two periods, split into a mix effect
/// (the segment's weight changed) and a rate effect (the segment's own KPI changed).
public struct SegmentContribution: Hashable, Sendable, Codable {
    /// The segment's dimension values.
    public let dimensions: DimensionSet
    /// The segment's weight (share of n) before and after.
    public let previousWeight: Double
    /// The segment's weight after.
    public let currentWeight: Double
    /// The segment's KPI before (`nil` when it was absent).
    public let previousValue: Double?
    /// The segment's KPI after (`nil` when it is absent).
    public let currentValue: Double?
    /// (w₁ − w₀)·(r₀ + r₁)/2: movement caused by the segment's weight changing.
    public let mixEffect: Double
    /// (r₁ − r₀)·(w₀ + w₁)/2: movement caused by the segment's KPI changing.
    public let rateEffect: Double

    /// mix + rate: this segment's part of the total movement.
    public var total: Double { mixEffect + rateEffect }

    /// Creates a contribution.
    ///
    /// - Parameters:
    ///   - dimensions: The segment.
    ///   - previousWeight: Weight before.
    ///   - currentWeight: Weight after.
    ///   - previousValue: KPI before.
    ///   - currentValue: KPI after.
    ///   - mixEffect: The mix effect.
    ///   - rateEffect: The rate effect.
    public init(
        dimensions: DimensionSet, previousWeight: Double, currentWeight: Double, previousValue: Double?,
        currentValue: Double?, mixEffect: Double, rateEffect: Double
    ) {
        self.dimensions = dimensions
        self.previousWeight = previousWeight
        self.currentWeight = currentWeight
        self.previousValue = previousValue
        self.currentValue = currentValue
        self.mixEffect = mixEffect
        self.rateEffect = rateEffect
    }
}
