/// What one observation of a metric carries, and so how its rollups aggregate it.
public enum MetricMeasure: String, Hashable, Sendable, Codable, CaseIterable {
    /// A score on a bounded scale (NPS 0–10, CSAT 1–5 or 1–10, CES 1–5 or 1–7), counted
    /// exactly in a fixed array per score.
    case score
    /// A non-negative duration in seconds (first response, resolution, handle time),
    /// summarised in a core `DurationSketch`.
    case duration
    /// A yes/no outcome (resolved on first contact, SLA achieved, reopened, answered),
    /// counted as successes out of trials.
    case outcome
    /// A finite quantity (units sold, revenue in minor units, active members), summed.
    case quantity
}
