import CXKitCore
import CXKitTesting
import Foundation

/// Runs the demo: builds a seeded shop and puts it through CXKit's public API.
struct DemoRun {
    let options: DemoOptions

    func run() async throws -> DemoReport {
        let fixtures = FixtureGenerator(seed: options.seed)
        let clock = ManualClock(start: fixtures.referenceDate)
        let random = SeededRandomSource(seed: options.seed)
        let ids = TimeOrderedIdentifierSource(timestamps: clock, random: random)
        let tenant = try TenantID("demo-shop")
        let shop = try fixtures.makeTenant(tenant, customers: options.customers, ordersPerCustomer: 0...4)
        let lira = try CurrencyCode(shop.currency)
        let locale = Locale(identifier: options.language == .turkish ? "tr_TR" : "en_GB")

        // 1. Store every order with its event, one atomic commit per order.
        let store = InMemoryRecordStore()
        for order in shop.orders {
            var transaction = StoreTransaction()
            transaction.insert(DemoOrder(order: order))
            transaction.append(
                EventEnvelope(
                    id: ids.make(), tenant: tenant, kind: "demo.order.placed",
                    aggregate: AggregateReference(type: DemoOrder.recordType, id: order.id.rawValue),
                    occurredAt: order.placedAt,
                    actor: ActorReference(Principal.customer(order.customer, in: tenant)),
                    payload: Payload(
                        OrderPlaced(
                            order: order.id, customer: order.customer, totalMinorUnits: order.totalMinorUnits)
                    )))
            _ = try await store.commit(transaction, in: tenant)
        }

        // 2. Deliver the events: a counting sink and a live subscriber through the hub.
        let sink = CountingSink()
        let hub = EventStreamHub()
        let stream = try hub.subscribe(to: ["demo.order"], in: tenant, bufferingNewest: 100_000)
        let relay = try OutboxRelay(store: store, sinks: [sink, hub], clock: clock, random: random)
        let summary = try await relay.deliverPending()
        hub.finish()
        var streamed = 0
        for await _ in stream { streamed += 1 }
        let deadLetters = try await relay.deadLetteredEntries(in: tenant)
        let counts = sink.counts

        let revenue = try Money.sum(
            shop.orders.map { Money(minorUnits: $0.totalMinorUnits, currency: lira) }, currency: lira)
        var report = DemoReport(
            seed: options.seed,
            shop: .init(
                tenant: tenant.rawValue, customers: shop.customers.count, products: shop.products.count,
                orders: shop.orders.count, deliveredOrders: shop.orders.filter(\.isDelivered).count,
                revenue: revenue.formatted(locale: locale)),
            delivery: .init(
                eventsCommitted: shop.orders.count, eventsDelivered: counts.deliveries,
                uniqueEventsDelivered: counts.unique, streamedToSubscriber: streamed,
                deadLettered: deadLetters.count,
                rounds: summary.batches),
            queries: try await queries(
                store: store, tenant: tenant, shop: shop, currency: lira, locale: locale),
            search: try searchExamples(fixtures: fixtures, tenant: tenant, ids: ids),
            deadlines: try deadlines(),
            allocation: try allocation(shop: shop, currency: lira, locale: locale),
            eligibility: try eligibility(shop: shop, currency: lira, now: clock.now()),
            scores: try scores(shop: shop, random: SeededRandomSource(seed: options.seed &+ 1)))
        // 3. One return from eligibility check to refund and restock (moves the clock on).
        report.returns = try await DemoReturns(
            fixtures: fixtures, shop: shop, store: store, clock: clock, ids: ids, seed: options.seed,
            locale: locale
        ).run()
        return report
    }

    /// Index queries over the stored orders.
    private func queries(
        store: InMemoryRecordStore, tenant: TenantID, shop: TenantFixture, currency: CurrencyCode,
        locale: Locale
    ) async throws -> [DemoReport.Query] {
        let largest = try await store.query(
            RecordQuery<DemoOrder>(index: "byTotal", order: .descending, limit: 3), in: tenant)
        let busiest = Dictionary(grouping: shop.orders, by: \.customer).max { a, b in
            a.value.count != b.value.count ? a.value.count < b.value.count : a.key > b.key
        }
        var result = [
            DemoReport.Query(
                description: "Largest orders (index \"byTotal\", descending)",
                results: largest.records.map { stored in
                    let order = stored.record.order
                    return
                        "\(order.id.description.prefix(8)) \(Money(minorUnits: order.totalMinorUnits, currency: currency).formatted(locale: locale)) — \(order.lines.count) lines"
                })
        ]
        if let busiest, let customer = shop.customers.first(where: { $0.id == busiest.key }) {
            let page = try await store.query(
                RecordQuery<DemoOrder>(
                    index: "byCustomer", partition: [.id(customer.id)], order: .descending, limit: 5),
                in: tenant)
            let formatter = Self.dateFormatter(zone: "Europe/Istanbul")
            result.append(
                DemoReport.Query(
                    description: "Orders of \(customer.fullName), newest first (index \"byCustomer\")",
                    results: page.records.map { stored in
                        let order = stored.record.order
                        return
                            "\(formatter.string(from: order.placedAt)) \(Money(minorUnits: order.totalMinorUnits, currency: currency).formatted(locale: locale)) \(order.isDelivered ? "delivered" : "not delivered")"
                    }))
        }
        return result
    }

    /// Community-style posts in Turkish and English, indexed and searched.
    private func searchExamples(fixtures: FixtureGenerator, tenant: TenantID, ids: any IdentifierSource)
        throws
        -> [DemoReport.SearchResult]
    {
        let index = InMemorySearchIndex()
        let posts =
            try fixtures.sampleSentences(language: .turkish, count: 1_500)
            + fixtures.sampleSentences(language: .english, count: 1_500)
        try index.add(
            contentsOf: posts.map { SearchDocument(id: ids.nextIdentifier(), fields: [.body($0)]) },
            in: tenant)
        let queries =
            options.language == .turkish
            ? ["musteri iade", "ISTANBUL teslimat", "kargo*", "\"iade kargosu\"", "iade -kodunu"]
            : ["refund", "exchange size", "deliver*", "\"tracking number\"", "return -label"]
        return try queries.map { text in
            let results = try index.search(
                SearchQuery(text: text, limit: 20, snippets: SearchSnippetOptions(length: 90)), in: tenant)
            var distinct: [String] = []
            for snippet in results.hits.compactMap({ $0.snippets.first?.marked() })
            where !distinct.contains(snippet) {
                distinct.append(snippet)
            }
            return DemoReport.SearchResult(
                query: text, totalHits: results.totalHitCount, topSnippets: Array(distinct.prefix(2)))
        }
    }

    /// First-response deadlines of four business hours on a Turkish working calendar.
    private func deadlines() throws -> [DemoReport.Deadline] {
        let calendar = try Self.istanbulCalendar()
        let formatter = Self.dateFormatter(zone: "Europe/Istanbul")
        let parser = ISO8601DateFormatter()
        let created = ["2026-01-02T17:30:00+03:00", "2026-01-03T13:00:00+03:00", "2026-03-19T11:00:00+03:00"]
        return try created.compactMap { text in
            guard let instant = parser.date(from: text) else { return nil }
            let due = try calendar.addingBusinessTime(4 * 3_600, to: instant)
            return DemoReport.Deadline(
                createdAt: formatter.string(from: instant), firstResponseDue: formatter.string(from: due))
        }
    }

    /// The largest order's discount spread over its lines by largest remainder.
    private func allocation(shop: TenantFixture, currency: CurrencyCode, locale: Locale) throws -> DemoReport
        .Allocation?
    {
        guard
            let order = shop.orders.filter({ $0.discountMinorUnits > 0 && $0.lines.count > 1 })
                .max(by: { $0.lines.count < $1.lines.count })
        else { return nil }
        let discount = Money(minorUnits: order.discountMinorUnits, currency: currency)
        let shares = try discount.allocate(order.lines.map(\.grossMinorUnits))
        return DemoReport.Allocation(
            order: String(order.id.description.prefix(8)), discount: discount.formatted(locale: locale),
            shares: shares.map { $0.formatted(locale: locale) },
            sumMatches: try Money.sum(shares, currency: currency) == discount)
    }

    /// A return-eligibility rule evaluated with explanations.
    private func eligibility(shop: TenantFixture, currency: CurrencyCode, now: Date) throws -> [DemoReport
        .Eligibility]
    {
        let schema = try RuleSchema([
            AttributeDescriptor("order.delivered_at", type: .date, displayName: "Delivery date"),
            AttributeDescriptor("order.total", type: .money, displayName: "Order total"),
            AttributeDescriptor("order.categories", type: .list(.string), displayName: "Categories"),
        ])
        let rule = try schema.compile(
            Rule.all([
                .attribute("order.delivered_at", .withinLast(.days(14))),
                .attribute(
                    "order.total", .greaterThanOrEqual(.money(Money(minorUnits: 5_000, currency: currency)))),
                .not(.attribute("order.categories", .contains(.string("food")))),
            ]))
        let recent = shop.orders.last(where: \.isDelivered)
        let old = shop.orders.first(where: \.isDelivered)
        let pending = shop.orders.last(where: { !$0.isDelivered })
        return try [recent, old, pending].compactMap { $0 }.map { order in
            var facts = RuleFacts(schema: schema)
            try facts.set(order.deliveredAt.map(RuleValue.date), for: "order.delivered_at")
            try facts.set(
                .money(Money(minorUnits: order.totalMinorUnits, currency: currency)), for: "order.total")
            try facts.set(.list(order.lines.map { .string($0.category.rawValue) }), for: "order.categories")
            let evaluation = rule.evaluate(against: facts, now: now)
            return DemoReport.Eligibility(
                order: String(order.id.description.prefix(8)), eligible: evaluation.isSatisfied,
                reasons: evaluation.reasons)
        }
    }

    /// NPS and CSAT from seeded survey answers of customers with a delivered order.
    private func scores(shop: TenantFixture, random: SeededRandomSource) throws -> [DemoReport.Score] {
        let respondents = Set(shop.orders.filter(\.isDelivered).map(\.customer))
        var nps = ScoreDistribution(scale: .netPromoter)
        var csat = ScoreDistribution(scale: .satisfaction5)
        let npsWeights: [UInt64] = [2, 1, 1, 2, 2, 4, 6, 10, 16, 22, 20]
        let csatWeights: [UInt64] = [6, 8, 14, 34, 38]
        func draw(_ weights: [UInt64]) -> Int {
            var ticket = random.next(below: weights.reduce(0, +))
            for (index, weight) in weights.enumerated() {
                if ticket < weight { return index }
                ticket -= weight
            }
            return weights.count - 1
        }
        for _ in respondents where random.next(below: 3) != 0 {
            try nps.add(draw(npsWeights))
            try csat.add(1 + draw(csatWeights))
        }
        var result: [DemoReport.Score] = []
        if let estimate = try nps.netScore() {
            result.append(
                DemoReport.Score(
                    name: "NPS", responses: estimate.sampleSize,
                    value: String(format: "%.1f", estimate.value),
                    interval: Self.interval(estimate)))
        }
        if let estimate = try csat.positiveShare() {
            result.append(
                DemoReport.Score(
                    name: "CSAT (top-2-box %)", responses: estimate.sampleSize,
                    value: String(format: "%.1f", estimate.value), interval: Self.interval(estimate)))
        }
        return result
    }

    private static func interval(_ estimate: ScoreEstimate) -> String {
        guard let lower = estimate.lowerBound, let upper = estimate.upperBound else { return "" }
        return String(format: "[%.1f, %.1f]", lower, upper)
    }

    static func dateFormatter(zone: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: zone)
        formatter.dateFormat = "EEE d MMM yyyy HH:mm"
        return formatter
    }

    /// Mon–Fri 09:00–18:00 and Saturday 10:00–14:00 in Istanbul with the 2026 public
    /// holidays (half days on the eves of the religious holidays and Republic Day).
    static func istanbulCalendar() throws -> BusinessCalendar {
        let weekday = [WorkingInterval(from: (hour: 9, minute: 0), to: (hour: 18, minute: 0))]
        var week: [Weekday: [WorkingInterval]] = [:]
        for day in [Weekday.monday, .tuesday, .wednesday, .thursday, .friday] { week[day] = weekday }
        week[.saturday] = [WorkingInterval(from: (hour: 10, minute: 0), to: (hour: 14, minute: 0))]
        let halfDay = [WorkingInterval(from: (hour: 9, minute: 0), to: (hour: 13, minute: 0))]
        let fullDays = [
            "2026-01-01", "2026-03-20", "2026-03-21", "2026-03-22", "2026-04-23", "2026-05-01", "2026-05-19",
            "2026-05-27", "2026-05-28", "2026-05-29", "2026-05-30", "2026-07-15", "2026-08-30", "2026-10-29",
        ]
        var holidays = try fullDays.map { BusinessHoliday(date: try LocalDate(iso8601: $0)) }
        for eve in ["2026-03-19", "2026-05-26", "2026-10-28"] {
            holidays.append(BusinessHoliday(date: try LocalDate(iso8601: eve), workingIntervals: halfDay))
        }
        return try BusinessCalendar(timeZoneIdentifier: "Europe/Istanbul", week: week, holidays: holidays)
    }
}
