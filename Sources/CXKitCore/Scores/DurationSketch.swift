import Foundation

/// A mergeable, relative-error quantile sketch for durations (DDSketch-style).
///
/// Values are mapped to logarithmic buckets: bucket `i` holds the values in
/// `(γ^(i-1), γ^i]` with `γ = (1 + α) / (1 − α)`, and reports them as `2γ^i / (γ + 1)`.
/// Any quantile it returns is therefore within a relative error `α` of the exact
/// lower quantile of the inserted values (the value of rank `⌊q · (n − 1)⌋` in sorted
/// order), as long as the sketch has not collapsed its lowest buckets.
///
/// - **Storage.** Buckets live in one dense, contiguous array covering the span between the
///   smallest and largest bucket in use; a value inside that span is counted with one
///   increment and no allocation. The array grows when a value falls outside the span
///   and is capped at ``maximumBinCount`` buckets (1024 by default, 8 KB of counts): when a
///   value would widen it beyond that, the lowest buckets fold into the lowest kept one,
///   which keeps the high quantiles (p90 … p99, the ones service levels are judged by)
///   exact to `α`. The `Codable` form is sparse (index/count pairs of non-empty buckets)
///   when that is smaller, dense otherwise.
/// - **Zero.** Values below ``minimumIndexableValue`` (including 0) are counted apart and
///   reported as 0.
/// - **Merging** adds counts bucket by bucket, so merging is associative and commutative:
///   any merge order gives the same buckets, count, minimum and maximum (the floating-point
///   ``sum`` may differ in its last bits).
///
/// ```swift
/// var sketch = DurationSketch()
/// try sketch.insert(42.0)      // seconds
/// sketch.p95                   // 42.0 ± 1 %
/// ```
public struct DurationSketch: Sendable, Hashable, Codable {
    /// The relative accuracy `α` of every quantile (0.01 = 1 %).
    public let relativeAccuracy: Double
    /// The most buckets the sketch keeps before folding its lowest ones together.
    public let maximumBinCount: Int
    /// How many values were inserted.
    public private(set) var count: UInt64 = 0
    /// The sum of the inserted values.
    public private(set) var sum: Double = 0
    /// The smallest inserted value, `nil` when empty.
    public var minimum: Double? { count == 0 ? nil : storedMinimum }
    /// The largest inserted value, `nil` when empty.
    public var maximum: Double? { count == 0 ? nil : storedMaximum }
    /// How many inserted values were below ``minimumIndexableValue`` (reported as 0).
    public private(set) var zeroCount: UInt64 = 0

    /// Values below this (in the caller's unit, usually seconds) count as zero.
    public static let minimumIndexableValue = 1e-9
    /// The default relative accuracy, 1 %.
    public static let defaultRelativeAccuracy = 0.01
    /// The default bucket cap (1024 buckets, 8 KB of counts).
    public static let defaultMaximumBinCount = 1024

    private let gamma: Double
    private let multiplier: Double
    private var storedMinimum: Double = .infinity
    private var storedMaximum: Double = -.infinity
    private var offset = 0
    private var bins = ContiguousArray<UInt64>()

    /// Creates an empty sketch with α = 1 % and at most 1024 buckets.
    public init() {
        self.relativeAccuracy = Self.defaultRelativeAccuracy
        self.maximumBinCount = Self.defaultMaximumBinCount
        self.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy)
        self.multiplier = 1 / Foundation.log(gamma)
    }

    /// Creates an empty sketch with the given accuracy and bucket cap.
    ///
    /// - Parameters:
    ///   - relativeAccuracy: `α`, greater than 0 and at most 0.5.
    ///   - maximumBinCount: The bucket cap, 16 … 65 536.
    /// - Throws: ``CoreError`` with `ErrorCode.validationFailed` naming
    ///   `relativeAccuracy` or `maximumBinCount` when out of range.
    public init(relativeAccuracy: Double, maximumBinCount: Int) throws(CoreError) {
        guard relativeAccuracy.isFinite, relativeAccuracy > 0, relativeAccuracy <= 0.5 else {
            throw .validation(field: "relativeAccuracy", reason: "must be greater than 0 and at most 0.5")
        }
        guard (16...65_536).contains(maximumBinCount) else {
            throw .validation(field: "maximumBinCount", reason: "must be between 16 and 65536")
        }
        self.relativeAccuracy = relativeAccuracy
        self.maximumBinCount = maximumBinCount
        self.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy)
        self.multiplier = 1 / Foundation.log(gamma)
    }

    /// Whether nothing was inserted.
    public var isEmpty: Bool { count == 0 }

    /// The number of buckets currently held in memory (the dense span).
    public var binCount: Int { bins.count }

    /// The mean of the inserted values, `nil` when empty.
    public var mean: Double? { count == 0 ? nil : sum / Double(count) }

    // MARK: - Insertion

    /// Adds one duration.
    ///
    /// Within the current bucket span this is a logarithm, a few comparisons and one
    /// increment: no allocation.
    ///
    /// - Parameter value: A finite, non-negative duration (in the sketch's unit).
    /// - Throws: ``CoreError`` with `ErrorCode.validationFailed` naming
    ///   `duration` when the value is negative, NaN or infinite; the sketch is unchanged.
    public mutating func insert(_ value: Double) throws(CoreError) {
        guard value.isFinite else {
            throw .validation(field: "duration", reason: "must be a finite number")
        }
        guard value >= 0 else {
            throw .validation(field: "duration", reason: "must not be negative")
        }
        count &+= 1
        sum += value
        if value < storedMinimum { storedMinimum = value }
        if value > storedMaximum { storedMaximum = value }
        if value < Self.minimumIndexableValue {
            zeroCount &+= 1
            return
        }
        let index = Int((Foundation.log(value) * multiplier).rounded(.up))
        let position = index &- offset
        if position >= 0, position < bins.count {
            bins[position] &+= 1
        } else {
            let kept = reserveBucket(index)
            bins[kept &- offset] &+= 1
        }
    }

    /// Adds every duration of a sequence.
    ///
    /// - Parameter values: Finite, non-negative durations.
    /// - Throws: ``CoreError`` naming `duration[i]` for the first invalid value; the
    ///   values before it stay inserted.
    public mutating func insert(contentsOf values: some Sequence<Double>) throws(CoreError) {
        var position = 0
        for value in values {
            do {
                try insert(value)
            } catch {
                throw .validation(field: "duration[\(position)]", reason: error.reason)
            }
            position += 1
        }
    }

    // MARK: - Merging

    /// Adds every value of `other` to this sketch.
    ///
    /// - Parameter other: A sketch with the same relative accuracy.
    /// - Throws: ``CoreError`` with `ErrorCode.validationFailed` naming
    ///   `relativeAccuracy` when the accuracies differ; this sketch is unchanged.
    public mutating func merge(_ other: DurationSketch) throws(CoreError) {
        guard other.relativeAccuracy == relativeAccuracy else {
            throw .validation(
                field: "relativeAccuracy", reason: "sketches with different accuracies cannot merge")
        }
        guard other.count > 0 else { return }
        count &+= other.count
        sum += other.sum
        zeroCount &+= other.zeroCount
        storedMinimum = Swift.min(storedMinimum, other.storedMinimum)
        storedMaximum = Swift.max(storedMaximum, other.storedMaximum)
        guard let otherLow = other.bins.firstIndex(where: { $0 != 0 }),
            let otherHigh = other.bins.lastIndex(where: { $0 != 0 })
        else { return }
        _ = reserveBucket(other.offset + otherHigh)
        _ = reserveBucket(other.offset + otherLow)
        for position in otherLow...otherHigh {
            let amount = other.bins[position]
            if amount == 0 { continue }
            let index = Swift.max(other.offset + position, offset)
            bins[index - offset] &+= amount
        }
    }

    /// Returns a sketch holding the values of both.
    ///
    /// - Parameter other: A sketch with the same relative accuracy.
    /// - Returns: The merged sketch.
    /// - Throws: ``CoreError`` naming `relativeAccuracy` when the accuracies differ.
    public func merging(_ other: DurationSketch) throws(CoreError) -> DurationSketch {
        var copy = self
        try copy.merge(other)
        return copy
    }

    // MARK: - Quantiles

    /// The lower `q`-quantile: the value of rank `⌊q · (n − 1)⌋` within relative error `α`,
    /// clamped to the exact minimum and maximum.
    ///
    /// - Parameter q: The quantile, 0 … 1 (0.5 is the median).
    /// - Returns: The estimate, or `nil` when the sketch is empty.
    /// - Throws: ``CoreError`` naming `quantile` when `q` is outside 0 … 1 or NaN.
    public func quantile(_ q: Double) throws(CoreError) -> Double? {
        guard q.isFinite, q >= 0, q <= 1 else {
            throw .validation(field: "quantile", reason: "must be between 0 and 1")
        }
        return estimate(q)
    }

    /// The median, `nil` when empty.
    public var p50: Double? { estimate(0.5) }
    /// The 90th percentile, `nil` when empty.
    public var p90: Double? { estimate(0.9) }
    /// The 95th percentile, `nil` when empty.
    public var p95: Double? { estimate(0.95) }
    /// The 99th percentile, `nil` when empty.
    public var p99: Double? { estimate(0.99) }

    /// How many values are at most `threshold` (within the bucket resolution: values in the
    /// bucket that contains `threshold` count as below it).
    ///
    /// - Parameter threshold: A duration.
    /// - Returns: The estimated count, 0 for an empty sketch.
    public func count(atMost threshold: Double) -> UInt64 {
        guard count > 0, !threshold.isNaN else { return 0 }
        if threshold >= storedMaximum { return count }
        if threshold < storedMinimum { return 0 }
        var total = zeroCount
        guard threshold >= Self.minimumIndexableValue else { return total }
        let limit = Int((Foundation.log(threshold) * multiplier).rounded(.up))
        for position in bins.indices where offset + position <= limit {
            total &+= bins[position]
        }
        return total
    }

    private func estimate(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = UInt64((q * Double(count - 1)).rounded(.down))
        if rank < zeroCount { return Swift.max(0, storedMinimum) }
        var seen = zeroCount
        for position in bins.indices {
            seen &+= bins[position]
            if seen > rank {
                let value = 2 * Foundation.pow(gamma, Double(offset + position)) / (gamma + 1)
                return Swift.min(Swift.max(value, storedMinimum), storedMaximum)
            }
        }
        return storedMaximum
    }

    // MARK: - Bucket span

    /// Makes room for bucket `index` and returns the bucket it must be counted in (the
    /// lowest kept bucket when the lowest buckets were folded together).
    private mutating func reserveBucket(_ index: Int) -> Int {
        if bins.isEmpty {
            offset = index
            bins.append(0)
            return index
        }
        let low = offset
        let high = offset + bins.count - 1
        if index >= low, index <= high { return index }
        let newLow = Swift.min(low, index)
        let newHigh = Swift.max(high, index)
        if newHigh - newLow + 1 <= maximumBinCount {
            if index > high {
                bins.append(contentsOf: repeatElement(0, count: index - high))
            } else {
                bins.insert(contentsOf: repeatElement(0, count: low - index), at: 0)
                offset = index
            }
            return index
        }
        // Fold the lowest buckets so the span ends at newHigh and holds maximumBinCount buckets.
        let keptLow = newHigh - maximumBinCount + 1
        if index > high { bins.append(contentsOf: repeatElement(0, count: index - high)) }
        if keptLow > offset {
            let dropped = keptLow - offset
            var folded: UInt64 = 0
            for position in 0..<Swift.min(dropped, bins.count) { folded &+= bins[position] }
            if dropped < bins.count {
                bins.removeFirst(dropped)
            } else {
                bins.removeAll(keepingCapacity: true)
                bins.append(0)
            }
            offset = keptLow
            bins[0] &+= folded
        } else if index < offset {
            bins.insert(contentsOf: repeatElement(0, count: offset - keptLow), at: 0)
            offset = keptLow
        }
        return Swift.max(index, keptLow)
    }

    /// The non-empty buckets as (index, count) pairs in ascending order.
    public var nonEmptyBuckets: [(index: Int, count: UInt64)] {
        bins.indices.compactMap { bins[$0] == 0 ? nil : (offset + $0, bins[$0]) }
    }

    // MARK: - Equality

    /// Two sketches are equal when they have the same accuracy, counts, extremes and
    /// non-empty buckets, and sums equal to within floating-point rounding of merges.
    public static func == (lhs: DurationSketch, rhs: DurationSketch) -> Bool {
        guard lhs.relativeAccuracy == rhs.relativeAccuracy, lhs.count == rhs.count,
            lhs.zeroCount == rhs.zeroCount, lhs.minimum == rhs.minimum, lhs.maximum == rhs.maximum
        else { return false }
        let tolerance = 1e-9 * Swift.max(1, Swift.abs(lhs.sum), Swift.abs(rhs.sum))
        guard Swift.abs(lhs.sum - rhs.sum) <= tolerance else { return false }
        let left = lhs.nonEmptyBuckets
        let right = rhs.nonEmptyBuckets
        return left.count == right.count
            && zip(left, right).allSatisfy { $0.index == $1.index && $0.count == $1.count }
    }

    /// Hashes the accuracy, counts and non-empty buckets.
    ///
    /// - Parameter hasher: The hasher.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(relativeAccuracy)
        hasher.combine(count)
        hasher.combine(zeroCount)
        for bucket in nonEmptyBuckets {
            hasher.combine(bucket.index)
            hasher.combine(bucket.count)
        }
    }

    // MARK: - Codable

    private enum CodingKeys: String, CodingKey {
        case relativeAccuracy, maximumBinCount, count, sum, minimum, maximum, zeroCount
        case offset, counts, sparse
    }

    /// Encodes the sketch: dense (`offset` + `counts`) or sparse (`[[index, count], …]`),
    /// whichever is smaller.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(relativeAccuracy, forKey: .relativeAccuracy)
        try container.encode(maximumBinCount, forKey: .maximumBinCount)
        try container.encode(count, forKey: .count)
        try container.encode(sum, forKey: .sum)
        try container.encode(zeroCount, forKey: .zeroCount)
        try container.encodeIfPresent(minimum, forKey: .minimum)
        try container.encodeIfPresent(maximum, forKey: .maximum)
        let buckets = nonEmptyBuckets
        guard let first = buckets.first, let last = buckets.last else { return }
        if buckets.count * 2 < last.index - first.index + 1 {
            try container.encode(
                buckets.map { [Int64($0.index), Int64(bitPattern: $0.count)] }, forKey: .sparse)
        } else {
            try container.encode(first.index, forKey: .offset)
            let lower = first.index - offset
            let upper = last.index - offset
            try container.encode(Array(bins[lower...upper]), forKey: .counts)
        }
    }

    /// Decodes and validates a sketch.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the accuracy or cap is out of range, the
    ///   buckets exceed the cap, or the bucket counts do not add up to `count`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let accuracy = try container.decode(Double.self, forKey: .relativeAccuracy)
        let cap = try container.decode(Int.self, forKey: .maximumBinCount)
        do {
            try self.init(relativeAccuracy: accuracy, maximumBinCount: cap)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .relativeAccuracy, in: container, debugDescription: error.description)
        }
        count = try container.decode(UInt64.self, forKey: .count)
        sum = try container.decode(Double.self, forKey: .sum)
        zeroCount = try container.decode(UInt64.self, forKey: .zeroCount)
        var pairs: [(Int, UInt64)] = []
        if let sparse = try container.decodeIfPresent([[Int64]].self, forKey: .sparse) {
            for pair in sparse {
                guard pair.count == 2, pair[1] >= 0 else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .sparse, in: container,
                        debugDescription: "bucket pairs must be [index, count]")
                }
                pairs.append((Int(pair[0]), UInt64(pair[1])))
            }
        } else if let dense = try container.decodeIfPresent([UInt64].self, forKey: .counts) {
            let start = try container.decode(Int.self, forKey: .offset)
            pairs = dense.enumerated().map { (start + $0.offset, $0.element) }
        }
        let indices = pairs.map(\.0)
        guard indices == indices.sorted(), Set(indices).count == indices.count,
            (indices.last ?? 0) - (indices.first ?? 0) < cap
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .counts, in: container,
                debugDescription: "buckets must be ascending and within the cap")
        }
        var total = zeroCount
        for (_, amount) in pairs {
            let (sum, overflow) = total.addingReportingOverflow(amount)
            guard !overflow else {
                throw DecodingError.dataCorruptedError(
                    forKey: .count, in: container, debugDescription: "bucket counts overflow")
            }
            total = sum
        }
        guard total == count, sum.isFinite else {
            throw DecodingError.dataCorruptedError(
                forKey: .count, in: container, debugDescription: "bucket counts must add up to count")
        }
        if count > 0 {
            let low = try container.decode(Double.self, forKey: .minimum)
            let high = try container.decode(Double.self, forKey: .maximum)
            guard low.isFinite, high.isFinite, low >= 0, low <= high else {
                throw DecodingError.dataCorruptedError(
                    forKey: .minimum, in: container, debugDescription: "minimum and maximum must be ordered")
            }
            storedMinimum = low
            storedMaximum = high
        }
        if let first = pairs.first, let last = pairs.last {
            offset = first.0
            bins = ContiguousArray(repeating: 0, count: last.0 - first.0 + 1)
            for (index, amount) in pairs { bins[index - offset] = amount }
        }
    }
}
