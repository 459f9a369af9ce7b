import Foundation

/// Root-cause aid for a moved metric: which segments explain the movement, ranked.
///
/// For KPIs that are n-weighted means over segments (NPS, shares such as CSAT/CES/FCR/SLA,
/// mean durations), the overall value is Σ wᵢ·rᵢ with weight wᵢ = nᵢ/N and segment value
/// rᵢ. The change splits exactly (symmetric shift-share):
/// Δ = Σ (w₁ᵢ − w₀ᵢ)·(r₀ᵢ + r₁ᵢ)/2 + Σ (r₁ᵢ − r₀ᵢ)·(w₀ᵢ + w₁ᵢ)/2, the first sum being mix
/// effects and the second rate effects. A segment that appears or disappears contributes
/// only mix (its missing value is taken equal to its present one).
public struct ContributionAnalysis: Hashable, Sendable, Codable {
    /// The KPI analysed.
    public let kpi: KPIDefinition
    /// The overall KPI before, `nil` when n = 0.
    public let previousValue: Double?
    /// The overall KPI after, `nil` when n = 0.
    public let currentValue: Double?
    /// The segments, by descending |contribution|.
    public let segments: [SegmentContribution]

    /// The overall movement (current − previous), when both exist.
    public var change: Double? {
        guard let previousValue, let currentValue else { return nil }
        return currentValue - previousValue
    }

    /// Decomposes a KPI's change over breakdown rows of two periods.
    ///
    /// - Parameters:
    ///   - kpi: A weighted-mean KPI (NPS, a share, a duration mean).
    ///   - current: The breakdown of the current period.
    ///   - previous: The breakdown of the previous period.
    /// - Throws: ``MetricsError`` naming `kpi` for a KPI that is not a weighted mean
    ///   (duration quantiles, CSAT mean is fine), `aggregate` when the KPI does not fit.
    public init(kpi: KPIDefinition, current: [DimensionAggregate], previous: [DimensionAggregate])
        throws(MetricsError)
    {
        if case .durationQuantile = kpi {
            throw .validation(field: "kpi", reason: "quantiles do not decompose into segment contributions")
        }
        self.kpi = kpi
        var rows: [DimensionSet: (then: (Double, Double)?, now: (Double, Double)?)] = [:]
        var totalThen = 0.0
        var totalNow = 0.0
        for row in previous {
            if let value = try kpi.value(of: row.aggregate) {
                rows[row.dimensions, default: (nil, nil)].then = (Double(value.sampleSize), value.value)
                totalThen += Double(value.sampleSize)
            }
        }
        for row in current {
            if let value = try kpi.value(of: row.aggregate) {
                rows[row.dimensions, default: (nil, nil)].now = (Double(value.sampleSize), value.value)
                totalNow += Double(value.sampleSize)
            }
        }
        var segments: [SegmentContribution] = []
        var overallThen = 0.0
        var overallNow = 0.0
        for (dimensions, row) in rows {
            let w0 = totalThen > 0 ? (row.then?.0 ?? 0) / totalThen : 0
            let w1 = totalNow > 0 ? (row.now?.0 ?? 0) / totalNow : 0
            let r0 = row.then?.1 ?? row.now?.1 ?? 0
            let r1 = row.now?.1 ?? row.then?.1 ?? 0
            overallThen += w0 * r0
            overallNow += w1 * r1
            segments.append(
                SegmentContribution(
                    dimensions: dimensions, previousWeight: w0, currentWeight: w1, previousValue: row.then?.1,
                    currentValue: row.now?.1, mixEffect: (w1 - w0) * (r0 + r1) / 2,
                    rateEffect: (r1 - r0) * (w0 + w1) / 2))
        }
        self.previousValue = totalThen > 0 ? overallThen : nil
        self.currentValue = totalNow > 0 ? overallNow : nil
        self.segments = segments.sorted {
            Swift.abs($0.total) != Swift.abs($1.total)
                ? Swift.abs($0.total) > Swift.abs($1.total)
                : $0.dimensions.description < $1.dimensions.description
        }
    }
}
