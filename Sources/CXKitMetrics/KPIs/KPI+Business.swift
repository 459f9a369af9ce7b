import CXKitCore

extension KPI {
    /// Customer churn (Baremetrics): customers lost in the window ÷ customers active at its
    /// start, in percent. A customer more than 30 days delinquent counts as lost.
    ///
    /// - Parameters:
    ///   - lost: Customers active at the start and lost during the window.
    ///   - activeAtStart: Customers active at the start.
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The rate in percent, or `nil` when nobody was active.
    /// - Throws: ``MetricsError`` naming `lost` or `activeAtStart` when negative, or `lost`
    ///   when it exceeds `activeAtStart`.
    public static func customerChurn(lost: Int64, activeAtStart: Int64, confidenceLevel: Double = 0.95)
        throws(MetricsError) -> KPIValue?
    {
        try requireNonNegative([("lost", lost), ("activeAtStart", activeAtStart)])
        guard lost <= activeAtStart else {
            throw .validation(field: "lost", reason: "must not exceed the customers active at the start")
        }
        return try share(name: "churn.startingBase", successes: lost, trials: activeAtStart, confidenceLevel)
    }

    /// Customer churn (Stripe): churned ÷ (active at start + new in the window), in percent.
    /// A customer who joins and churns within the window counts in both; a reactivated
    /// customer can churn twice. Example: 100 at start, 20 new, 10 churned → 8.33 %.
    ///
    /// - Parameters:
    ///   - churned: Churn events in the window.
    ///   - activeAtStart: Customers active at the start.
    ///   - new: Customers who started in the window.
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The rate in percent, or `nil` when the denominator is 0.
    /// - Throws: ``MetricsError`` naming the negative count, or `churned` when it exceeds the
    ///   denominator.
    public static func customerChurnIncludingNew(
        churned: Int64, activeAtStart: Int64, new: Int64, confidenceLevel: Double = 0.95
    ) throws(MetricsError) -> KPIValue? {
        try requireNonNegative([("churned", churned), ("activeAtStart", activeAtStart), ("new", new)])
        let (base, overflow) = activeAtStart.addingReportingOverflow(new)
        guard !overflow else { throw .limit(field: "new", reason: "the counts add up to more than Int64") }
        guard churned <= base else {
            throw .validation(field: "churned", reason: "must not exceed active at start plus new")
        }
        return try share(name: "churn.includingNew", successes: churned, trials: base, confidenceLevel)
    }

    /// Gross revenue churn: MRR lost to downgrades and cancellations ÷ MRR at the start, in
    /// percent. Example: 10 000 at start, 500 lost → 5 %. A ratio of amounts has no
    /// sampling interval; its ``KPIValue/sampleSize`` is 1.
    ///
    /// - Parameters:
    ///   - startingRevenue: Recurring revenue at the start.
    ///   - lostRevenue: Revenue lost to downgrades and cancellations in the window.
    /// - Returns: The rate in percent, or `nil` when the starting revenue is 0.
    /// - Throws: ``MetricsError`` naming the negative amount, or with
    ///   `ErrorCode.currencyMismatch` naming `lostRevenue`.
    public static func grossRevenueChurn(startingRevenue: Money, lostRevenue: Money) throws(MetricsError)
        -> KPIValue?
    {
        try revenueChurn(
            name: "revenueChurn.gross", startingRevenue, lostRevenue, .zero(startingRevenue.currency))
    }

    /// Net revenue churn: (lost − expansion) ÷ MRR at the start, in percent; negative when
    /// expansion outgrows losses. Example: 10 000 at start, 500 lost, 200 expansion → 3 %.
    /// Its ``KPIValue/sampleSize`` is 1 (no sampling interval).
    ///
    /// - Parameters:
    ///   - startingRevenue: Recurring revenue at the start.
    ///   - lostRevenue: Revenue lost to downgrades and cancellations.
    ///   - expansionRevenue: Revenue gained from upgrades of existing customers.
    /// - Returns: The rate in percent, or `nil` when the starting revenue is 0.
    /// - Throws: ``MetricsError`` naming the negative amount, or with
    ///   `ErrorCode.currencyMismatch` naming the amount in another currency.
    public static func netRevenueChurn(startingRevenue: Money, lostRevenue: Money, expansionRevenue: Money)
        throws(MetricsError) -> KPIValue?
    {
        try revenueChurn(name: "revenueChurn.net", startingRevenue, lostRevenue, expansionRevenue)
    }

    private static func revenueChurn(name: String, _ start: Money, _ lost: Money, _ expansion: Money)
        throws(MetricsError) -> KPIValue?
    {
        for (field, amount) in [
            ("startingRevenue", start), ("lostRevenue", lost), ("expansionRevenue", expansion),
        ] {
            guard amount.currency == start.currency else {
                throw MetricsError(
                    code: .currencyMismatch, field: field, reason: "must be in the starting currency")
            }
            guard !amount.isNegative else { throw .validation(field: field, reason: "must not be negative") }
        }
        guard start.isPositive else { return nil }
        let value = 100 * (Double(lost.minorUnits) - Double(expansion.minorUnits)) / Double(start.minorUnits)
        return KPIValue(name: name, value: value, unit: .percent, sampleSize: 1)
    }

    /// Retention by cohort: for a signup cohort, the share still active in each following
    /// period (period 0 is the signup period), in percent with Wilson intervals.
    ///
    /// - Parameters:
    ///   - cohortSize: Customers in the cohort.
    ///   - activeByPeriod: How many of them were active in each period since signup.
    ///   - confidenceLevel: The intervals' level.
    /// - Returns: One value per period, empty when the cohort is empty.
    /// - Throws: ``MetricsError`` naming `cohortSize` or `activeByPeriod[i]` when negative or
    ///   larger than the cohort.
    public static func cohortRetention(
        cohortSize: Int64, activeByPeriod: [Int64], confidenceLevel: Double = 0.95
    )
        throws(MetricsError) -> [KPIValue]
    {
        try requireNonNegative([("cohortSize", cohortSize)])
        var values: [KPIValue] = []
        for (period, active) in activeByPeriod.enumerated() {
            guard active >= 0, active <= cohortSize else {
                throw .validation(
                    field: "activeByPeriod[\(period)]", reason: "must be between 0 and the cohort size")
            }
            if let value = try share(
                name: "retention.period\(period)", successes: active, trials: cohortSize, confidenceLevel)
            {
                values.append(value)
            }
        }
        return values
    }

    /// Order-based return rate: orders with at least one return ÷ orders, in percent.
    /// Attribute returns to the **order** date (as AfterShip does) so the rate of a period
    /// settles as its return window closes.
    ///
    /// - Parameters:
    ///   - aggregate: An outcome aggregate, one per order (`true` = has a return).
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The rate in percent, or `nil` without orders.
    /// - Throws: ``MetricsError`` naming `aggregate` when it is not an outcome aggregate.
    public static func orderReturnRate(_ aggregate: MetricAggregate, confidenceLevel: Double = 0.95)
        throws(MetricsError) -> KPIValue?
    {
        guard let (returned, orders) = try outcomes(aggregate, kpi: "returnRate") else { return nil }
        return try share(name: "returnRate.orders", successes: returned, trials: orders, confidenceLevel)
    }

    /// Unit-based return rate: units returned ÷ units sold, in percent.
    ///
    /// - Parameters:
    ///   - unitsReturned: Units returned (from sales in the period).
    ///   - unitsSold: Units sold in the period.
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The rate in percent, or `nil` when nothing was sold.
    /// - Throws: ``MetricsError`` naming the negative count, or `unitsReturned` when it
    ///   exceeds `unitsSold`.
    public static func unitReturnRate(unitsReturned: Int64, unitsSold: Int64, confidenceLevel: Double = 0.95)
        throws(MetricsError) -> KPIValue?
    {
        try requireNonNegative([("unitsReturned", unitsReturned), ("unitsSold", unitsSold)])
        guard unitsReturned <= unitsSold else {
            throw .validation(field: "unitsReturned", reason: "must not exceed the units sold")
        }
        return try share(
            name: "returnRate.units", successes: unitsReturned, trials: unitsSold, confidenceLevel)
    }

    /// Unit-based return rate from quantity aggregates of units returned and sold.
    ///
    /// - Parameters:
    ///   - returned: A quantity aggregate of units returned.
    ///   - sold: A quantity aggregate of units sold.
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The rate in percent, or `nil` when nothing was sold.
    /// - Throws: ``MetricsError`` naming `aggregate` for non-quantity aggregates or non-whole
    ///   unit totals, and as ``unitReturnRate(unitsReturned:unitsSold:confidenceLevel:)``.
    public static func unitReturnRate(
        returned: MetricAggregate, sold: MetricAggregate, confidenceLevel: Double = 0.95
    ) throws(MetricsError) -> KPIValue? {
        guard returned.measure == .quantity, sold.measure == .quantity else {
            throw .validation(field: "aggregate", reason: "unit return rate needs quantity aggregates")
        }
        let units = [returned.sum, sold.sum]
        guard units.allSatisfy({ $0.rounded() == $0 && Swift.abs($0) < 9e18 }) else {
            throw .validation(field: "aggregate", reason: "unit totals must be whole numbers")
        }
        return try unitReturnRate(
            unitsReturned: Int64(units[0]), unitsSold: Int64(units[1]), confidenceLevel: confidenceLevel)
    }

    /// Refund cycle time: return received → refund issued.
    ///
    /// - Parameter aggregate: A duration aggregate.
    /// - Returns: The summary, or `nil` without refunds.
    /// - Throws: ``MetricsError`` naming `aggregate` when it is not a duration aggregate.
    public static func refundCycleTime(_ aggregate: MetricAggregate) throws(MetricsError) -> DurationSummary?
    {
        try durations(aggregate, name: "refundCycleTime")
    }

    /// Community stickiness, DAU/MAU: the mean of the daily active member counts of a month
    /// ÷ the month's distinct active members, as a ratio (0.25 = 25 %).
    ///
    /// - Parameters:
    ///   - dailyActiveCounts: Distinct active members per day of the month.
    ///   - monthlyActive: Distinct active members over the month.
    /// - Returns: The ratio, or `nil` when there are no days or no monthly actives.
    /// - Throws: ``MetricsError`` naming `dailyActiveCounts[i]` when negative or above the
    ///   monthly count, `monthlyActive` when negative.
    public static func dailyToMonthlyActiveRatio(dailyActiveCounts: [Int64], monthlyActive: Int64)
        throws(MetricsError) -> KPIValue?
    {
        try requireNonNegative([("monthlyActive", monthlyActive)])
        for (day, count) in dailyActiveCounts.enumerated() where count < 0 || count > monthlyActive {
            throw .validation(
                field: "dailyActiveCounts[\(day)]", reason: "must be between 0 and the monthly actives")
        }
        guard monthlyActive > 0, !dailyActiveCounts.isEmpty else { return nil }
        let meanDaily = dailyActiveCounts.reduce(0.0) { $0 + Double($1) } / Double(dailyActiveCounts.count)
        return KPIValue(
            name: "community.dauMau", value: meanDaily / Double(monthlyActive), unit: .ratio,
            sampleSize: monthlyActive)
    }

    /// Community time to first response: question posted → first reply by someone else.
    ///
    /// - Parameter aggregate: A duration aggregate.
    /// - Returns: The summary, or `nil` without answered questions.
    /// - Throws: ``MetricsError`` naming `aggregate` when it is not a duration aggregate.
    public static func communityTimeToFirstResponse(_ aggregate: MetricAggregate) throws(MetricsError)
        -> DurationSummary?
    {
        try durations(aggregate, name: "community.timeToFirstResponse")
    }

    /// Community answered share: questions with an accepted or staff answer ÷ questions, in
    /// percent.
    ///
    /// - Parameters:
    ///   - aggregate: An outcome aggregate, one per question (`true` = answered).
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The share in percent, or `nil` without questions.
    /// - Throws: ``MetricsError`` naming `aggregate` when it is not an outcome aggregate.
    public static func answeredShare(_ aggregate: MetricAggregate, confidenceLevel: Double = 0.95)
        throws(MetricsError) -> KPIValue?
    {
        guard let (answered, questions) = try outcomes(aggregate, kpi: "answeredShare") else { return nil }
        return try share(name: "community.answered", successes: answered, trials: questions, confidenceLevel)
    }

    /// Conversion rate: conversions ÷ opportunities, in percent.
    ///
    /// - Parameters:
    ///   - conversions: Converted opportunities.
    ///   - opportunities: All opportunities.
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The rate in percent, or `nil` without opportunities.
    /// - Throws: ``MetricsError`` naming the negative count, or `conversions` when it exceeds
    ///   `opportunities`.
    public static func conversionRate(
        conversions: Int64, opportunities: Int64, confidenceLevel: Double = 0.95
    )
        throws(MetricsError) -> KPIValue?
    {
        try requireNonNegative([("conversions", conversions), ("opportunities", opportunities)])
        guard conversions <= opportunities else {
            throw .validation(field: "conversions", reason: "must not exceed the opportunities")
        }
        return try share(
            name: "conversionRate", successes: conversions, trials: opportunities, confidenceLevel)
    }
}
