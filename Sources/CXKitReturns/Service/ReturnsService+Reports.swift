import CXKitCore
import Foundation

extension ReturnsService {
    /// Return rates per key of a dimension over a range of order months, from rollups
    /// (O(keys × months), independent of how many returns there are).
    ///
    /// Attribution is by order date: a return counts in the month its order was placed.
    /// Reason rows use the overall units sold and orders placed as denominators.
    ///
    /// - Parameters:
    ///   - dimension: Overall, reason, category or product.
    ///   - from: The first month, `year × 100 + month` (e.g. `202601`).
    ///   - through: The last month, inclusive.
    ///   - principal: An analyst, supervisor, administrator or the system.
    /// - Returns: One row per key, by key.
    /// - Throws: ``ReturnsError``: `.validationFailed` (field `from` or `through`);
    ///   `.permissionDenied`.
    public func returnRates(
        by dimension: RollupDimension, from: Int, through: Int, by principal: Principal
    ) async throws -> [ReturnRateRow] {
        try await boundary {
            try Self.checkPeriods(from: from, through: through)
            try authorize(principal, ReturnsOperations.readReports, owner: nil)
            let rollups = try await loadRollups(
                dimension, from: from, through: through, tenant: principal.tenant)
            var totals: [String: ReturnRollup] = [:]
            for rollup in rollups {
                totals[rollup.key, default: ReturnRollup(dimension: dimension, key: rollup.key, period: from)]
                    .merge(rollup)
            }
            var overallSold: Int64 = 0
            var overallOrders: Int64 = 0
            if dimension == .reason {
                for rollup in try await loadRollups(
                    .overall, from: from, through: through, tenant: principal.tenant)
                {
                    overallSold += rollup.unitsSold
                    overallOrders += rollup.ordersPlaced
                }
            }
            return totals.keys.sorted().compactMap { key in
                guard let total = totals[key] else { return nil }
                return ReturnRateRow(
                    key: key, requests: total.requests, unitsReturned: total.unitsReturned,
                    unitsSold: dimension == .reason ? overallSold : total.unitsSold,
                    ordersWithReturn: total.ordersWithReturn,
                    ordersPlaced: dimension == .reason ? overallOrders : total.ordersPlaced,
                    refundedMinorUnits: total.refundedMinorUnits)
            }
        }
    }

    /// Tenant-wide analytics over a range of order months: return rates, refund cycle
    /// times (submitted→refunded, received→refunded), exchange share and retained value,
    /// disposition mix.
    ///
    /// - Parameters:
    ///   - from: The first month, `year × 100 + month`.
    ///   - through: The last month, inclusive.
    ///   - principal: An analyst, supervisor, administrator or the system.
    /// - Returns: The summary.
    /// - Throws: ``ReturnsError``: `.validationFailed` (field `from` or `through`);
    ///   `.permissionDenied`.
    public func summary(from: Int, through: Int, by principal: Principal) async throws -> ReturnsSummary {
        try await boundary {
            try Self.checkPeriods(from: from, through: through)
            try authorize(principal, ReturnsOperations.readReports, owner: nil)
            var total = ReturnRollup(dimension: .overall, key: "", period: from)
            for rollup in try await loadRollups(
                .overall, from: from, through: through, tenant: principal.tenant)
            {
                total.merge(rollup)
            }
            let resolved = total.refunds + total.exchanges
            var mix: [String: Int64] = [:]
            for (i, state) in DispositionState.allCases.enumerated() where state != .pending {
                mix[state.rawValue] = i < total.dispositions.count ? total.dispositions[i] : 0
            }
            return ReturnsSummary(
                overall: ReturnRateRow(
                    key: "", requests: total.requests, unitsReturned: total.unitsReturned,
                    unitsSold: total.unitsSold,
                    ordersWithReturn: total.ordersWithReturn, ordersPlaced: total.ordersPlaced,
                    refundedMinorUnits: total.refundedMinorUnits),
                meanSubmittedToRefundedSeconds: resolved == 0
                    ? nil : total.submittedToRefundedSeconds / Double(resolved),
                meanReceivedToRefundedSeconds: total.refundsAfterReception == 0
                    ? nil : total.receivedToRefundedSeconds / Double(total.refundsAfterReception),
                exchangeShare: resolved == 0 ? 0 : Double(total.exchanges) / Double(resolved),
                retainedMinorUnits: total.retainedMinorUnits, dispositionMix: mix,
                submittedToRefunded: total.submittedToRefunded, receivedToRefunded: total.receivedToRefunded)
        }
    }

    /// Refund cycle times per month (order-date attribution): one row per month of the
    /// range that has overall rollups, oldest first, each with mergeable sketches whose
    /// p50/p90 are within 1 %. Merge rows' sketches for the whole range.
    ///
    /// - Parameters:
    ///   - from: The first month, `yyyymm`.
    ///   - through: The last month, `yyyymm`.
    ///   - principal: An analyst, supervisor or administrator.
    /// - Returns: The rows.
    /// - Throws: ``ReturnsError``: `.validationFailed` naming `from` or
    ///   `through`; `.permissionDenied`.
    public func refundCycleTimes(from: Int, through: Int, by principal: Principal) async throws
        -> [RefundCycleTimeRow]
    {
        try await boundary {
            try Self.checkPeriods(from: from, through: through)
            try authorize(principal, ReturnsOperations.readReports, owner: nil)
            var byPeriod: [Int: ReturnRollup] = [:]
            for rollup in try await loadRollups(
                .overall, from: from, through: through, tenant: principal.tenant)
            {
                byPeriod[
                    rollup.period, default: ReturnRollup(dimension: .overall, key: "", period: rollup.period)
                ]
                .merge(rollup)
            }
            return byPeriod.keys.sorted().compactMap { period in
                guard let rollup = byPeriod[period] else { return nil }
                return RefundCycleTimeRow(
                    period: period, submittedToRefunded: rollup.submittedToRefunded,
                    receivedToRefunded: rollup.receivedToRefunded)
            }
        }
    }

    private func loadRollups(_ dimension: RollupDimension, from: Int, through: Int, tenant: TenantID)
        async throws
        -> [ReturnRollup]
    {
        var result: [ReturnRollup] = []
        var cursor: PageCursor?
        repeat {
            let page = try await store.query(
                RecordQuery<ReturnRollup>(
                    index: "byPeriod", partition: [.int(Int64(dimension.rawValue))],
                    lowerBound: .including(.int(Int64(from))), upperBound: .including(.int(Int64(through))),
                    limit: 1000, cursor: cursor),
                in: tenant)
            result += page.records.map(\.record)
            cursor = page.nextCursor
        } while cursor != nil
        return result
    }

    private static func checkPeriods(from: Int, through: Int) throws(ReturnsError) {
        for (field, value) in [("from", from), ("through", through)] {
            guard (1970_01...2100_12).contains(value), (1...12).contains(value % 100) else {
                throw ReturnsError.validation(field: field, reason: "must be a month written as yyyymm")
            }
        }
        guard from <= through else {
            throw ReturnsError.validation(field: "through", reason: "must not be before from")
        }
    }
}
