import Foundation

/// Student's t distribution, for confidence intervals of means from small samples.
enum StudentT {
    /// The two-sided critical value t with P(|T| ≤ t) = confidenceLevel for `degrees`
    /// degrees of freedom, found by bisection on the exact tail probability.
    static func criticalValue(confidenceLevel: Double, degrees: Double) -> Double {
        let tail = (1 - confidenceLevel) / 2
        if degrees > 1e7 { return -(StandardNormal.quantile(tail) ?? 0) }
        var low = 0.0
        var high = 1.0
        var steps = 0
        while upperTail(high, degrees) > tail, steps < 2000 {
            low = high
            high *= 2
            steps += 1
        }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if upperTail(middle, degrees) > tail { low = middle } else { high = middle }
            if high - low <= 1e-14 * high { break }
        }
        return (low + high) / 2
    }

    /// P(T > t) for t ≥ 0.
    static func upperTail(_ t: Double, _ degrees: Double) -> Double {
        let x = degrees / (degrees + t * t)
        return 0.5 * regularizedIncompleteBeta(x, degrees / 2, 0.5)
    }

    /// I_x(a, b) by the continued fraction of Numerical Recipes (modified Lentz).
    static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(x, a, b) / a
        }
        return 1 - exp(logFront) * continuedFraction(1 - x, b, a) / b
    }

    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...400 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return result
    }
}
