extension KPI {
    /// First contact resolution: resolved-on-first-contact ÷ **resolved** contacts (not
    /// created), in percent with a Wilson interval, under the named variant. Record one
    /// outcome per resolved contact (`true` = resolved on first contact by the variant's rule).
    ///
    /// - Parameters:
    ///   - aggregate: An outcome aggregate (e.g. of ``MetricKind/firstContactResolutionOneTouch``).
    ///   - variant: The definition the outcomes follow; it names the value.
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The share in percent, or `nil` with no resolved contacts.
    /// - Throws: ``MetricsError`` naming `aggregate`, `variant` (non-positive days) or `confidence`.
    public static func firstContactResolution(
        _ aggregate: MetricAggregate, variant: FirstContactResolutionVariant, confidenceLevel: Double = 0.95
    ) throws(MetricsError) -> KPIValue? {
        if case .noRepeatContact(let days) = variant, days <= 0 {
            throw .validation(field: "variant", reason: "the repeat-contact window must be at least one day")
        }
        guard let (resolved, total) = try outcomes(aggregate, kpi: "fcr") else { return nil }
        return try share(name: variant.name, successes: resolved, trials: total, confidenceLevel)
    }

    /// First response time: first public agent reply − creation (or − the bot hand-off, when
    /// a bot answered first), in calendar or business time.
    ///
    /// - Parameters:
    ///   - aggregate: A duration aggregate.
    ///   - basis: Calendar or business time (names the value).
    /// - Returns: The summary, or `nil` without durations.
    /// - Throws: ``MetricsError`` naming `aggregate` when it is not a duration aggregate.
    public static func firstResponseTime(_ aggregate: MetricAggregate, basis: TimeBasis = .calendar)
        throws(MetricsError) -> DurationSummary?
    {
        try durations(aggregate, name: "firstResponseTime" + suffix(basis))
    }

    /// Next reply time (average reply time): agent reply − the customer message it answers,
    /// over **every** exchange.
    ///
    /// - Parameters:
    ///   - aggregate: A duration aggregate.
    ///   - basis: Calendar or business time.
    /// - Returns: The summary, or `nil` without durations.
    /// - Throws: ``MetricsError`` naming `aggregate` when it is not a duration aggregate.
    public static func nextReplyTime(_ aggregate: MetricAggregate, basis: TimeBasis = .calendar)
        throws(MetricsError) -> DurationSummary?
    {
        try durations(aggregate, name: "nextReplyTime" + suffix(basis))
    }

    /// Resolution time: *first* = creation → first solved, *full* = creation → latest solved
    /// (one value per ticket, so a reopened ticket is counted once), calendar or business
    /// time. Read ``DurationSummary/median`` for Zendesk's default aggregation.
    ///
    /// - Parameters:
    ///   - aggregate: A duration aggregate.
    ///   - variant: First or full.
    ///   - basis: Calendar or business time.
    /// - Returns: The summary, or `nil` without durations.
    /// - Throws: ``MetricsError`` naming `aggregate` when it is not a duration aggregate.
    public static func resolutionTime(
        _ aggregate: MetricAggregate, variant: ResolutionVariant, basis: TimeBasis = .calendar
    ) throws(MetricsError) -> DurationSummary? {
        try durations(aggregate, name: "\(variant.rawValue)ResolutionTime" + suffix(basis))
    }

    /// The handle time of one interaction: talk + hold + after-contact work (for outbound
    /// calls add dialing to `talk`). Observe one value per handled interaction, filed in the
    /// interval where the after-contact work ends.
    ///
    /// - Parameters:
    ///   - talk: Talk (or active chat) seconds.
    ///   - hold: Hold seconds.
    ///   - afterContactWork: Wrap-up seconds.
    /// - Returns: The handle time in seconds.
    /// - Throws: ``MetricsError`` naming `talk`, `hold` or `afterContactWork` when negative
    ///   or not finite.
    public static func handleTime(talk: Double, hold: Double, afterContactWork: Double) throws(MetricsError)
        -> Double
    {
        for (field, value) in [("talk", talk), ("hold", hold), ("afterContactWork", afterContactWork)] {
            guard value.isFinite, value >= 0 else {
                throw .validation(field: field, reason: "must be a finite, non-negative duration")
            }
        }
        return talk + hold + afterContactWork
    }

    /// Average handle time (AHT): Σ handle time ÷ interactions handled (``DurationSummary/mean``).
    ///
    /// - Parameter aggregate: A duration aggregate of handle times.
    /// - Returns: The summary, or `nil` without interactions.
    /// - Throws: ``MetricsError`` naming `aggregate` when it is not a duration aggregate.
    public static func averageHandleTime(_ aggregate: MetricAggregate) throws(MetricsError)
        -> DurationSummary?
    {
        try durations(aggregate, name: "handleTime")
    }

    /// SLA compliance: achieved ÷ (achieved + breached), in percent with a Wilson interval.
    /// Active targets that have not breached are excluded; active breached ones count as
    /// breached.
    ///
    /// - Parameters:
    ///   - achieved: Targets met.
    ///   - breached: Targets breached.
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The share in percent, or `nil` when both are 0.
    /// - Throws: ``MetricsError`` naming `achieved` or `breached` when negative.
    public static func slaCompliance(achieved: Int64, breached: Int64, confidenceLevel: Double = 0.95)
        throws(MetricsError) -> KPIValue?
    {
        try requireNonNegative([("achieved", achieved), ("breached", breached)])
        let (total, overflow) = achieved.addingReportingOverflow(breached)
        guard !overflow else {
            throw .limit(field: "breached", reason: "the counts add up to more than Int64")
        }
        return try share(name: "sla", successes: achieved, trials: total, confidenceLevel)
    }

    /// SLA compliance from an outcome aggregate (`true` = achieved).
    ///
    /// - Parameters:
    ///   - aggregate: An outcome aggregate of one SLA target metric.
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The share in percent, or `nil` without outcomes.
    /// - Throws: ``MetricsError`` naming `aggregate` when it is not an outcome aggregate.
    public static func slaCompliance(_ aggregate: MetricAggregate, confidenceLevel: Double = 0.95)
        throws(MetricsError) -> KPIValue?
    {
        guard let (achieved, total) = try outcomes(aggregate, kpi: "sla") else { return nil }
        return try share(name: "sla", successes: achieved, trials: total, confidenceLevel)
    }

    /// Reopen rate: tickets reopened at least once ÷ solved tickets, in percent.
    ///
    /// - Parameters:
    ///   - aggregate: An outcome aggregate, one per solved ticket (`true` = reopened).
    ///   - confidenceLevel: The interval's level.
    /// - Returns: The share in percent, or `nil` without solved tickets.
    /// - Throws: ``MetricsError`` naming `aggregate` when it is not an outcome aggregate.
    public static func reopenRate(_ aggregate: MetricAggregate, confidenceLevel: Double = 0.95)
        throws(MetricsError) -> KPIValue?
    {
        guard let (reopened, solved) = try outcomes(aggregate, kpi: "reopenRate") else { return nil }
        return try share(name: "reopenRate", successes: reopened, trials: solved, confidenceLevel)
    }

    static func suffix(_ basis: TimeBasis) -> String {
        basis == .business ? ".business" : ""
    }
}
