/// The unit a KPI value is expressed in.
public enum KPIUnit: String, Hashable, Sendable, Codable {
    /// NPS-style points, −100 … 100.
    case points
    /// A percentage, 0 … 100.
    case percent
    /// A mean on the answer scale (CSAT 1–5, CES 1–7 …).
    case scaleUnits
    /// Seconds.
    case seconds
    /// A plain ratio (0.25 = 25 %), used where the denominator is not a count of trials.
    case ratio
}
