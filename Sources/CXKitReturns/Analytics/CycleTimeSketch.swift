import Foundation

/// A mergeable, relative-error quantile sketch of durations in seconds (DDSketch-style,
/// α = 1 %), kept in the returns rollups for refund cycle times.
///
/// Values map to logarithmic buckets: bucket `i` holds the values in `(γ^(i-1), γ^i]` with
/// `γ = (1 + α) / (1 − α)` and reports them as `2γ^i / (γ + 1)`, so every quantile is within
/// 1 % of the exact lower quantile (the value of rank `⌊q · (n − 1)⌋`), clamped to the
/// observed minimum and maximum. Buckets are one dense array over the span in use, capped
/// at ``maximumBinCount``; past the cap the lowest buckets fold together, which keeps the
/// high quantiles exact to α. Merging adds counts bucket by bucket, so it is associative and
/// commutative: rollups of any periods combine into the sketch of their union.
///
/// The bucket mapping is the one CXKitMetrics' `DurationSketch` uses with its defaults, so
/// both report the same quantiles for the same durations. Returns keeps its own type
/// because domain modules never import each other and the core has no sketch yet.
///
/// ```swift
/// var sketch = CycleTimeSketch()
/// sketch.insert(seconds: 3 * 86_400)
/// sketch.p50  // 259 200 ± 1 %
/// ```
public struct CycleTimeSketch: Hashable, Sendable, Codable {
    /// The relative accuracy `α` of every quantile (1 %).
    public static let relativeAccuracy = 0.01
    /// The most buckets kept before the lowest ones fold together.
    public static let maximumBinCount = 1024
    /// Durations below this many seconds (and negative ones, from clock skew) count as zero.
    public static let minimumIndexableValue = 1e-9

    private static let gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy)
    private static let multiplier = 1 / Foundation.log(gamma)

    /// How many durations were inserted.
    public private(set) var count: Int64 = 0
    /// The sum of the inserted durations, in seconds.
    public private(set) var sum: Double = 0
    /// How many durations counted as zero.
    public private(set) var zeroCount: Int64 = 0
    private var low: Double = .infinity
    private var high: Double = -.infinity
    private var offset = 0
    private var bins: [Int64] = []

    /// Creates an empty sketch.
    public init() {}

    /// Whether no duration was inserted.
    public var isEmpty: Bool { count == 0 }
    /// The shortest duration inserted, `nil` when empty.
    public var minimum: Double? { count == 0 ? nil : low }
    /// The longest duration inserted, `nil` when empty.
    public var maximum: Double? { count == 0 ? nil : high }
    /// The mean duration, `nil` when empty.
    public var mean: Double? { count == 0 ? nil : sum / Double(count) }
    /// The median, within 1 %; `nil` when empty.
    public var p50: Double? { quantile(0.5) }
    /// The 90th percentile, within 1 %; `nil` when empty.
    public var p90: Double? { quantile(0.9) }

    /// Counts one duration. Non-finite values are ignored; negative ones count as zero.
    ///
    /// - Parameter seconds: The duration in seconds.
    public mutating func insert(seconds: Double) {
        guard seconds.isFinite else { return }
        let value = Swift.max(0, seconds)
        count += 1
        sum += value
        low = Swift.min(low, value)
        high = Swift.max(high, value)
        guard value >= Self.minimumIndexableValue else {
            zeroCount += 1
            return
        }
        let index = Int((Foundation.log(value) * Self.multiplier).rounded(.up))
        let kept = reserve(index)
        bins[kept - offset] += 1
    }

    /// Adds another sketch's durations to this one.
    ///
    /// - Parameter other: The other sketch.
    public mutating func merge(_ other: CycleTimeSketch) {
        guard other.count > 0 else { return }
        count += other.count
        sum += other.sum
        zeroCount += other.zeroCount
        low = Swift.min(low, other.low)
        high = Swift.max(high, other.high)
        guard let first = other.bins.firstIndex(where: { $0 != 0 }),
            let last = other.bins.lastIndex(where: { $0 != 0 })
        else { return }
        _ = reserve(other.offset + last)
        _ = reserve(other.offset + first)
        for position in first...last where other.bins[position] != 0 {
            let index = Swift.max(other.offset + position, offset)
            bins[index - offset] += other.bins[position]
        }
    }

    /// The lower quantile `q`, within 1 %.
    ///
    /// - Parameter q: The quantile, 0 … 1 (clamped).
    /// - Returns: The duration in seconds, or `nil` when the sketch is empty or `q` is NaN.
    public func quantile(_ q: Double) -> Double? {
        guard count > 0, !q.isNaN else { return nil }
        let clamped = Swift.min(1, Swift.max(0, q))
        let rank = Int64((clamped * Double(count - 1)).rounded(.down))
        if rank < zeroCount { return Swift.max(0, low) }
        var seen = zeroCount
        for position in bins.indices {
            seen += bins[position]
            if seen > rank {
                let value = 2 * Foundation.pow(Self.gamma, Double(offset + position)) / (Self.gamma + 1)
                return Swift.min(Swift.max(value, low), high)
            }
        }
        return high
    }

    /// Makes `index` part of the bucket span and returns the bucket that counts it (the
    /// lowest kept bucket when the span is full and `index` is below it).
    private mutating func reserve(_ index: Int) -> Int {
        if bins.isEmpty {
            offset = index
            bins.append(0)
            return index
        }
        let top = offset + bins.count - 1
        if index >= offset && index <= top { return index }
        let newLow = Swift.min(offset, index)
        let newHigh = Swift.max(top, index)
        if newHigh - newLow + 1 <= Self.maximumBinCount {
            if index > top {
                bins.append(contentsOf: repeatElement(0, count: index - top))
            } else {
                bins.insert(contentsOf: repeatElement(0, count: offset - index), at: 0)
                offset = index
            }
            return index
        }
        // Fold the lowest buckets so the span ends at newHigh with maximumBinCount buckets.
        let keptLow = newHigh - Self.maximumBinCount + 1
        if index > top { bins.append(contentsOf: repeatElement(0, count: index - top)) }
        if keptLow > offset {
            let dropped = Swift.min(keptLow - offset, bins.count)
            let folded = bins[0..<dropped].reduce(0, +)
            bins.removeFirst(dropped)
            if bins.isEmpty { bins.append(0) }
            offset = keptLow
            bins[0] += folded
        } else if index < offset {
            bins.insert(contentsOf: repeatElement(0, count: offset - keptLow), at: 0)
            offset = keptLow
        }
        return Swift.max(index, keptLow)
    }

    /// The non-empty buckets as (bucket index, count), lowest first.
    var nonEmptyBuckets: [(index: Int, count: Int64)] {
        bins.indices.compactMap { bins[$0] == 0 ? nil : (offset + $0, bins[$0]) }
    }

    /// Whether two sketches hold the same counts in the same buckets, the same extremes and
    /// (to rounding) the same sum.
    ///
    /// - Parameters:
    ///   - lhs: A sketch.
    ///   - rhs: Another sketch.
    /// - Returns: `true` when they describe the same durations.
    public static func == (lhs: CycleTimeSketch, rhs: CycleTimeSketch) -> Bool {
        guard lhs.count == rhs.count, lhs.zeroCount == rhs.zeroCount, lhs.minimum == rhs.minimum,
            lhs.maximum == rhs.maximum
        else { return false }
        let tolerance = 1e-9 * Swift.max(1, Swift.abs(lhs.sum), Swift.abs(rhs.sum))
        guard Swift.abs(lhs.sum - rhs.sum) <= tolerance else { return false }
        let left = lhs.nonEmptyBuckets
        let right = rhs.nonEmptyBuckets
        return left.count == right.count
            && zip(left, right).allSatisfy { $0.index == $1.index && $0.count == $1.count }
    }

    /// Hashes the counts and buckets.
    ///
    /// - Parameter hasher: The hasher.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(zeroCount)
        for bucket in nonEmptyBuckets {
            hasher.combine(bucket.index)
            hasher.combine(bucket.count)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case count, sum, zeroCount, minimum, maximum, offset, bins
    }

    /// Decodes a sketch.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when a member is missing or malformed, or the counts do
    ///   not add up.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        count = try container.decode(Int64.self, forKey: .count)
        sum = try container.decode(Double.self, forKey: .sum)
        zeroCount = try container.decode(Int64.self, forKey: .zeroCount)
        low = try container.decodeIfPresent(Double.self, forKey: .minimum) ?? .infinity
        high = try container.decodeIfPresent(Double.self, forKey: .maximum) ?? -.infinity
        offset = try container.decode(Int.self, forKey: .offset)
        bins = try container.decode([Int64].self, forKey: .bins)
        guard count >= 0, zeroCount >= 0, bins.allSatisfy({ $0 >= 0 }), bins.count <= Self.maximumBinCount,
            bins.reduce(zeroCount, { $0 &+ $1 }) == count
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .bins, in: container, debugDescription: "bucket counts must add up to count")
        }
    }

    /// Encodes the sketch.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encode(sum, forKey: .sum)
        try container.encode(zeroCount, forKey: .zeroCount)
        try container.encode(minimum, forKey: .minimum)
        try container.encode(maximum, forKey: .maximum)
        try container.encode(offset, forKey: .offset)
        try container.encode(bins, forKey: .bins)
    }
}
