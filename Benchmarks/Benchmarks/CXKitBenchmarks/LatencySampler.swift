import Foundation

/// Measures single operations one by one, so percentiles describe one operation rather
/// than the average of a batch. The clock read costs about 20 ns and is included.
struct LatencySampler {
    private(set) var samples: [UInt64] = []

    init(capacity: Int) { samples.reserveCapacity(capacity) }

    mutating func measure<T>(_ operation: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try operation()
        samples.append(DispatchTime.now().uptimeNanoseconds &- start)
        return result
    }

    mutating func measure<T>(_ operation: () async throws -> T) async rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try await operation()
        samples.append(DispatchTime.now().uptimeNanoseconds &- start)
        return result
    }

    /// The given percentile (0...100) in nanoseconds.
    func percentile(_ p: Double) -> Int {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let rank = min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.down)))
        return Int(sorted[rank])
    }
}
