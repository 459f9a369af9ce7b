import CXKitCore
import Foundation

/// A small mergeable aggregate of returns for one dimension key and one month, merged into
/// in the same commit as the change it counts (never read first, so concurrent commits do
/// not conflict on it), so reports cost O(buckets).
///
/// Attribution is by **order date**: every count lands in the month the order was placed
/// (UTC), so a return rate compares returns with the sales they came from.
public struct ReturnRollup: MergeableRecord, Hashable {
    /// `"returns.rollup"`.
    public static let recordType: RecordType = "returns.rollup"

    /// Index `byPeriod`: partition (dimension), sort (period); the rollups of one period
    /// follow each other in identifier order.
    ///
    /// Reports read whole periods, so the key is not part of the sort: the index key stays
    /// two integers, cheap to build on each of the several rollup merges a command makes.
    public static let indexes: [RecordIndex<ReturnRollup>] = [
        RecordIndex("byPeriod") {
            IndexKey(partition: .int(Int64($0.dimension.rawValue)), sort: .int(Int64($0.period)))
        }
    ]

    /// The dimension.
    public let dimension: RollupDimension
    /// The key within it (`""` overall, a reason code, a category, a product identifier).
    public let key: String
    /// The month, as `year × 100 + month` of the order date in UTC.
    public let period: Int
    /// Orders placed (overall, category and product rollups).
    public internal(set) var ordersPlaced: Int64 = 0
    /// Units sold.
    public internal(set) var unitsSold: Int64 = 0
    /// Orders with at least one return request.
    public internal(set) var ordersWithReturn: Int64 = 0
    /// Return requests (per reason: requests with an item of that reason).
    public internal(set) var requests: Int64 = 0
    /// Units requested for return.
    public internal(set) var unitsReturned: Int64 = 0
    /// Refunds that succeeded.
    public internal(set) var refunds: Int64 = 0
    /// Money refunded, in minor units.
    public internal(set) var refundedMinorUnits: Int64 = 0
    /// Requests resolved by exchange.
    public internal(set) var exchanges: Int64 = 0
    /// Value kept by exchanges (replacement value), in minor units.
    public internal(set) var retainedMinorUnits: Int64 = 0
    /// Units per disposition, indexed like `DispositionState.allCases` (trailing zeros may
    /// be omitted).
    public internal(set) var dispositions: [Int64] = []
    /// Sum of submitted→refunded durations, in seconds.
    public internal(set) var submittedToRefundedSeconds: Double = 0
    /// Sum of received→refunded durations, in seconds.
    public internal(set) var receivedToRefundedSeconds: Double = 0
    /// Refunds with a reception instant (the count behind the received→refunded sum).
    public internal(set) var refundsAfterReception: Int64 = 0
    /// Refund cycle-time sketches, `nil` until a refund is recorded.
    var cycleTimes: RollupCycleTimes?

    /// The distribution of submitted→refunded durations in seconds (overall rollups), for
    /// p50/p90 per period; empty for imported rollups.
    public var submittedToRefunded: DurationSketch { cycleTimes?.submittedToRefunded ?? DurationSketch() }
    /// The distribution of received→refunded durations in seconds (overall rollups).
    public var receivedToRefunded: DurationSketch { cycleTimes?.receivedToRefunded ?? DurationSketch() }

    /// The record's identity, derived from dimension, period and key.
    public let recordID: Identifier

    init(dimension: RollupDimension, key: String, period: Int) {
        self.init(
            id: Self.identifier(dimension, key: key, period: period), dimension: dimension, key: key,
            period: period)
    }

    init(id: Identifier, dimension: RollupDimension, key: String, period: Int) {
        self.dimension = dimension
        self.key = key
        self.period = period
        self.recordID = id
    }

    /// Counts one unit with a disposition.
    mutating func addDisposition(at slot: Int) {
        if dispositions.count <= slot {
            dispositions += Array(repeating: 0, count: slot + 1 - dispositions.count)
        }
        dispositions[slot] += 1
    }

    /// Creates a rollup with given counts, for importing history from another system
    /// (commit it with the store directly; the service keeps rollups up to date itself
    /// from then on).
    ///
    /// - Parameters:
    ///   - dimension: The dimension.
    ///   - key: The key within it.
    ///   - period: The order month, `year × 100 + month`.
    ///   - ordersPlaced: Orders placed.
    ///   - unitsSold: Units sold.
    ///   - ordersWithReturn: Orders with a return.
    ///   - requests: Return requests.
    ///   - unitsReturned: Units returned.
    ///   - refunds: Successful refunds.
    ///   - refundedMinorUnits: Money refunded.
    public init(
        importing dimension: RollupDimension, key: String, period: Int, ordersPlaced: Int64 = 0,
        unitsSold: Int64 = 0, ordersWithReturn: Int64 = 0, requests: Int64 = 0, unitsReturned: Int64 = 0,
        refunds: Int64 = 0, refundedMinorUnits: Int64 = 0
    ) {
        self.init(dimension: dimension, key: key, period: period)
        self.ordersPlaced = ordersPlaced
        self.unitsSold = unitsSold
        self.ordersWithReturn = ordersWithReturn
        self.requests = requests
        self.unitsReturned = unitsReturned
        self.refunds = refunds
        self.refundedMinorUnits = refundedMinorUnits
    }

    static func identifier(_ dimension: RollupDimension, key: String, period: Int) -> Identifier {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Identifier(high: UInt64(period) << 8 | UInt64(dimension.rawValue), low: hash)
    }

    /// `year × 100 + month` of an instant in UTC.
    static func period(of date: Date) -> Int {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0)) * 100 + month
    }

    /// `true`: the one index reads the dimension and the period, which are constants of a
    /// rollup's identity, so a merge never moves its entry.
    public static var mergeKeepsIndexKeys: Bool { true }

    /// Adds another rollup's counts, sums and cycle-time sketches to this one's (the store
    /// calls it when a commit merges a delta into this rollup).
    ///
    /// - Parameter delta: A rollup of the same dimension, key and period.
    public mutating func merge(_ delta: ReturnRollup) {
        ordersPlaced += delta.ordersPlaced
        unitsSold += delta.unitsSold
        ordersWithReturn += delta.ordersWithReturn
        requests += delta.requests
        unitsReturned += delta.unitsReturned
        refunds += delta.refunds
        refundedMinorUnits += delta.refundedMinorUnits
        exchanges += delta.exchanges
        retainedMinorUnits += delta.retainedMinorUnits
        if dispositions.count < delta.dispositions.count {
            dispositions += Array(repeating: 0, count: delta.dispositions.count - dispositions.count)
        }
        for i in delta.dispositions.indices {
            dispositions[i] += delta.dispositions[i]
        }
        submittedToRefundedSeconds += delta.submittedToRefundedSeconds
        receivedToRefundedSeconds += delta.receivedToRefundedSeconds
        refundsAfterReception += delta.refundsAfterReception
        if let times = delta.cycleTimes {
            cycleTimes = cycleTimes.map { $0.merging(times) } ?? times
        }
    }

    /// Records one refund's cycle times: submitted→refunded and, when the parcel was
    /// received, received→refunded.
    mutating func addCycleTimes(submittedToRefunded: Double, receivedToRefunded: Double?) {
        submittedToRefundedSeconds += submittedToRefunded
        if let receivedToRefunded {
            receivedToRefundedSeconds += receivedToRefunded
            refundsAfterReception += 1
        }
        cycleTimes = (cycleTimes ?? .empty).adding(
            submittedToRefunded: submittedToRefunded, receivedToRefunded: receivedToRefunded)
    }
}
