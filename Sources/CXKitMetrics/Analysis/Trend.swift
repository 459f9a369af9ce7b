import CXKitCore
import Foundation

/// Trend arithmetic over a series of KPI values (one per period, `nil` for periods with
/// n = 0): moving averages, period-over-period deltas, a least-squares slope with its
/// confidence interval, trailing baselines and same-weekday comparisons. Pure functions.
public enum Trend {
    /// The trailing moving average: each point is the mean of the values present among it
    /// and the `window − 1` points before it; `nil` when none is present.
    ///
    /// - Parameters:
    ///   - values: The series.
    ///   - window: Points per average, at least 1.
    /// - Returns: One average per point.
    /// - Throws: ``MetricsError`` naming `window` when it is below 1.
    public static func movingAverage(_ values: [Double?], window: Int) throws(MetricsError) -> [Double?] {
        guard window >= 1 else { throw .validation(field: "window", reason: "must be at least 1") }
        var result: [Double?] = []
        result.reserveCapacity(values.count)
        var sum = 0.0
        var present = 0
        for index in values.indices {
            if let value = values[index] {
                sum += value
                present += 1
            }
            if index >= window, let leaving = values[index - window] {
                sum -= leaving
                present -= 1
            }
            result.append(present > 0 ? sum / Double(present) : nil)
        }
        return result
    }

    /// Period-over-period deltas: `values[i] − values[i − 1]`, `nil` for the first point
    /// and where either value is missing.
    ///
    /// - Parameter values: The series.
    /// - Returns: One delta per point.
    public static func deltas(_ values: [Double?]) -> [Double?] {
        values.indices.map { index in
            guard index > 0, let now = values[index], let then = values[index - 1] else { return nil }
            return now - then
        }
    }

    /// The mean of the `window` points before `index` that have a value (the baseline of a
    /// relative alert: 7 for daily series, 4 weekly points for a 28-day baseline).
    ///
    /// - Parameters:
    ///   - values: The series.
    ///   - index: The point whose baseline is wanted.
    ///   - window: How many earlier points to consider, at least 1.
    /// - Returns: The baseline, or `nil` when no earlier point in the window has a value.
    /// - Throws: ``MetricsError`` naming `window` or `index` when out of range.
    public static func trailingMean(_ values: [Double?], before index: Int, window: Int) throws(MetricsError)
        -> Double?
    {
        guard window >= 1 else { throw .validation(field: "window", reason: "must be at least 1") }
        guard index >= 0, index <= values.count else {
            throw .validation(field: "index", reason: "is out of range")
        }
        let earlier = values[Swift.max(0, index - window)..<index].compactMap { $0 }
        return earlier.isEmpty ? nil : earlier.reduce(0, +) / Double(earlier.count)
    }

    /// The least-squares line through the present points (x = position in the series) with
    /// a t interval on its slope: SE = √(SSE/(n − 2) / Sxx), slope ± t₍ₙ₋₂₎·SE.
    ///
    /// - Parameters:
    ///   - values: The series.
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The trend, or `nil` with fewer than three present points.
    /// - Throws: ``MetricsError`` naming `confidence` for a level outside (0, 1).
    public static func slope(_ values: [Double?], confidenceLevel: Double = 0.95) throws(MetricsError)
        -> TrendSlope?
    {
        let z = try KPI.core { try StandardNormal.criticalValue(confidenceLevel: confidenceLevel) }
        var xs: [Double] = []
        var ys: [Double] = []
        for (index, value) in values.enumerated() {
            if let value {
                xs.append(Double(index))
                ys.append(value)
            }
        }
        let n = xs.count
        guard n >= 3 else { return nil }
        let meanX = xs.reduce(0, +) / Double(n)
        let meanY = ys.reduce(0, +) / Double(n)
        var sxx = 0.0
        var sxy = 0.0
        for (x, y) in zip(xs, ys) {
            sxx += (x - meanX) * (x - meanX)
            sxy += (x - meanX) * (y - meanY)
        }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        let intercept = meanY - slope * meanX
        var sse = 0.0
        for (x, y) in zip(xs, ys) {
            let residual = y - (intercept + slope * x)
            sse += residual * residual
        }
        let standardError = (sse / Double(n - 2) / sxx).squareRoot()
        let t = studentCritical(z: z, confidenceLevel: confidenceLevel, degrees: n - 2)
        return TrendSlope(
            slope: slope, intercept: intercept, standardError: standardError,
            confidenceLevel: confidenceLevel,
            lowerBound: slope - t * standardError, upperBound: slope + t * standardError, sampleSize: n)
    }

    /// Compares the last day of a daily series with the same weekday in the `weeks` weeks
    /// before it.
    ///
    /// - Parameters:
    ///   - series: A daily series (from ``RollupCollection/series(of:by:covering:matching:)``).
    ///   - kpi: The KPI.
    ///   - weeks: Previous weeks to average, at least 1.
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The comparison, or `nil` for an empty series.
    /// - Throws: ``MetricsError`` naming `weeks` when below 1, `series` when it is not daily,
    ///   `aggregate` when the KPI does not fit.
    public static func sameWeekday(
        _ series: [PeriodAggregate], kpi: KPIDefinition, weeks: Int = 4, confidenceLevel: Double = 0.95
    ) throws(MetricsError) -> SameWeekdayComparison? {
        guard weeks >= 1 else { throw .validation(field: "weeks", reason: "must be at least 1") }
        guard let last = series.last else { return nil }
        guard series.allSatisfy({ $0.period.granularity == .day }) else {
            throw .validation(field: "series", reason: "must be a daily series")
        }
        var byDay: [LocalDate: MetricAggregate] = [:]
        for point in series { byDay[point.period.firstDay] = point.aggregate }
        var baseline: [Double] = []
        for week in 1...weeks {
            guard let day = try? last.period.firstDay.adding(days: -7 * week), let aggregate = byDay[day],
                let value = try kpi.value(of: aggregate, confidenceLevel: confidenceLevel)
            else { continue }
            baseline.append(value.value)
        }
        return SameWeekdayComparison(
            day: last.period, value: try kpi.value(of: last.aggregate, confidenceLevel: confidenceLevel),
            baseline: baseline.isEmpty ? nil : baseline.reduce(0, +) / Double(baseline.count),
            baselineWeeks: baseline.count)
    }

    /// The two-sided Student t critical value: exact for 1 and 2 degrees of freedom, the
    /// Cornish–Fisher expansion around the normal quantile above (error < 0.001 from 3).
    static func studentCritical(z: Double, confidenceLevel: Double, degrees: Int) -> Double {
        let q = 1 - (1 - confidenceLevel) / 2
        switch degrees {
        case ...0: return .infinity
        case 1: return Foundation.tan(Double.pi * (q - 0.5))
        case 2: return (2 * q - 1) / (2 * q * (1 - q)).squareRoot()
        default:
            let v = Double(degrees)
            let z2 = z * z
            let g1 = (z2 + 1) * z / 4
            let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
            let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
            let g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92_160
            return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v)
        }
    }
}
