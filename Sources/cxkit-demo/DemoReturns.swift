import CXKitCore
import CXKitReturns
import CXKitTesting
import Foundation

/// Takes one delivered order of the seeded shop through CXKitReturns: policy, order,
/// explained eligibility, quote, submission, label, reception, inspection, refund and
/// restock, then delivers the events the steps committed.
struct DemoReturns {
    let fixtures: FixtureGenerator
    let shop: TenantFixture
    let store: InMemoryRecordStore
    let clock: ManualClock
    let ids: TimeOrderedIdentifierSource
    let seed: UInt64
    let locale: Locale

    func run() async throws -> DemoReport.Return? {
        let tenant = shop.tenant
        let definition = try fixtures.returnPolicy(currency: shop.currency)
        let policy = try ReturnPolicy(definition, version: 1)
        let requests = try fixtures.returnRequests(for: shop.orders, policy: definition, percent: 100)
        let orders = Dictionary(uniqueKeysWithValues: shop.orders.map { ($0.id, $0) })
        // The most recent request still eligible when the demo's clock allows it.
        var chosen: (request: ReturnRequestFixture, order: OrderFixture, at: Date)?
        for request in requests.sorted(by: { $0.requestedAt > $1.requestedAt }) {
            guard let order = orders[request.order] else { continue }
            let at = max(clock.now(), request.requestedAt)
            let quantities = Dictionary(
                uniqueKeysWithValues: request.draft.items.map { ($0.line, $0.quantity) })
            let report = policy.eligibility(of: try order.returnableOrder(), quantities: quantities, at: at)
            if request.draft.items.allSatisfy({ report.verdict(for: $0.line)?.isEligible == true }) {
                chosen = (request, order, at)
                break
            }
        }
        guard let chosen else { return nil }
        let (request, order, at) = chosen
        clock.advance(to: at)
        let names = Dictionary(uniqueKeysWithValues: order.lines.map { ($0.id, $0.productName) })
        let dates = DemoRun.dateFormatter(zone: "Europe/Istanbul")
        let customer = Principal.customer(order.customer, in: tenant)
        let admin = Principal.admin(ids.make(), in: tenant)
        let agent = Principal.staff(ids.make(), roles: [.agent], in: tenant)
        let warehouse = Principal.staff(ids.make(), roles: [.warehouse], in: tenant)
        let finance = Principal.staff(ids.make(), roles: [.finance], in: tenant)
        let inventory = InMemoryInventoryGateway()
        let service = ReturnsService(
            store: store, clock: clock, ids: ids, random: SeededRandomSource(seed: seed &+ 3),
            shipping: InMemoryReturnShippingProvider(carrier: "demo-kargo"), refunds: InMemoryRefundGateway(),
            inventory: inventory, calendar: try DemoRun.istanbulCalendar())

        // Admin publishes the policy; the order is registered and pins version 1.
        let published = try await service.publishPolicy(definition, by: admin)
        _ = try await service.recordOrder(try order.returnableOrder(), by: .system(in: tenant))

        // The customer sees what is returnable, and why not, then the exact quote.
        let report = try await service.eligibility(of: order.id, by: customer)
        let eligibility = report.lines.map { verdict in
            let name = names[verdict.line] ?? "?"
            guard verdict.isEligible else {
                return DemoReport.ReturnLine(
                    product: name, eligible: false,
                    detail: verdict.failures.map(\.explanation).joined(separator: "; "))
            }
            let until = verdict.eligibleUntil.map { dates.string(from: $0) } ?? "-"
            return DemoReport.ReturnLine(
                product: name, eligible: true,
                detail:
                    "\(verdict.returnableQuantity) returnable until \(until) (\(verdict.windowName)) as "
                    + verdict.openResolutions.map(\.rawValue).joined(separator: ", "))
        }
        let quote = try await service.quote(request.draft, by: customer)
        let currency = quote.currency
        func money(_ minor: Int64) -> String {
            Money(minorUnits: minor, currency: currency).formatted(locale: locale)
        }
        var breakdown: [String] = []
        for (line, quantity, total) in quote.totalsByLine {
            let units = quote.units.filter { $0.line == line }
            func sum(_ part: (RefundUnitBreakdown) -> Money) -> Int64 {
                units.reduce(0) { $0 + part($1).minorUnits }
            }
            let fees = sum(\.restockingFee) + sum(\.conditionDeduction)
            breakdown.append(
                "\(names[line] ?? "?") ×\(quantity): price \(money(sum(\.price))) − discounts "
                    + "\(money(sum(\.lineDiscount) + sum(\.orderDiscount))) + tax \(money(sum(\.tax))) + shipping "
                    + "\(money(sum(\.shipping))) − fees \(money(fees)) = \(total.formatted(locale: locale))")
        }

        // The customer submits with a client key; a retried submission returns the same request.
        let submitted = try await service.submit(
            request.draft, idempotencyKey: request.idempotencyKey, by: customer)
        let replayed = try await service.submit(
            request.draft, idempotencyKey: request.idempotencyKey, by: customer)
        if submitted.state == .needsReview {
            _ = try await service.approve(submitted.id, reason: "reviewed in the demo", by: agent)
        }
        let labelled = try await service.issueLabel(submitted.id, by: customer)
        if let label = labelled.label {
            _ = try await service.applyCarrierUpdate(
                CarrierUpdate(
                    trackingNumber: label.trackingNumber, status: .inTransit, occurredAt: clock.now()),
                by: .system(in: tenant))
        }

        // Two days later the warehouse receives and inspects; finance refunds an hour later.
        clock.advance(by: .seconds(2 * 86_400))
        _ = try await service.receive(
            submitted.id,
            receipts: labelled.items.map { ItemReceipt(item: $0.id, receivedQuantity: $0.quantity) },
            by: warehouse)
        _ = try await service.inspect(submitted.id, inspections: [], by: warehouse)
        clock.advance(by: .seconds(3_600))
        let resolved = try await service.refund(submitted.id, by: finance)

        // Deliver what the steps committed to the outbox.
        let tally = EventKindTally()
        let relay = try OutboxRelay(
            store: store, sinks: [tally], clock: clock, random: SeededRandomSource(seed: seed &+ 4))
        _ = try await relay.deliverPending()

        let refunded = resolved.outcome?.refunded ?? resolved.settlement?.total ?? .zero(currency)
        return DemoReport.Return(
            order: String(order.id.description.prefix(8)),
            policy:
                "\(published.definition.name) v\(published.version) (fingerprint \(published.fingerprint))",
            deliveredAt: order.deliveredAt.map { dates.string(from: $0) } ?? "-",
            checkedAt: dates.string(from: report.evaluatedAt), eligibility: eligibility, quote: breakdown,
            returnFee: quote.returnShippingFee.formatted(locale: locale),
            quoteTotal: quote.total.formatted(locale: locale), units: quote.units.count,
            rmaNumber: submitted.rmaNumber.description, idempotencyKey: request.idempotencyKey,
            replayReturnedSameRequest: replayed.id == submitted.id, reviewReasons: submitted.reviewReasons,
            label: labelled.label.map { "\($0.carrier) \($0.trackingNumber)" } ?? "-",
            steps: resolved.history.map {
                DemoReport.ReturnStep(state: $0.to.rawValue, at: dates.string(from: $0.at))
            },
            dispositions: resolved.items.flatMap { $0.dispositions.map(\.rawValue) },
            restockedUnits: inventory.restockedUnits, refunded: refunded.formatted(locale: locale),
            refundEqualsQuote: refunded == quote.total,
            refundDueBy: resolved.refundDueAt.map { dates.string(from: $0) } ?? "-",
            eventsDelivered: tally.total, eventKinds: tally.kinds)
    }
}

/// A sink that counts delivered events by kind.
final class EventKindTally: NotificationSink {
    let name = "demo.returns-tally"
    private let state = Locked<[String: Int]>([:])

    func deliver(_ events: [EventEnvelope]) async throws {
        state.withLock { kinds in
            for event in events { kinds[event.kind.rawValue, default: 0] += 1 }
        }
    }

    var kinds: [String: Int] { state.withLock { $0 } }
    var total: Int { state.withLock { $0.values.reduce(0, +) } }
}
