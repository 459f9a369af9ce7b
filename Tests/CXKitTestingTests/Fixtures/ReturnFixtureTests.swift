import CXKitCore
import CXKitReturns
import CXKitTesting
import Foundation
import Testing

@Suite("Fixture generator: return policies, returnable orders and return requests")
struct ReturnFixtureTests {
    private func shop(seed: UInt64 = 42, customers: Int = 150) throws -> TenantFixture {
        try FixtureGenerator(seed: seed).makeTenant(
            TenantID("returns-shop"), customers: customers, products: 60, ordersPerCustomer: 1...4)
    }

    private func expectCoreError(_ code: ErrorCode, field: String, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected \(code) on \(field)")
        } catch let error as CoreError {
            #expect(error.code == code)
            #expect(error.field == field)
        } catch {
            Issue.record("expected a CoreError, got \(error)")
        }
    }

    @Test("the same seed gives the same policy and requests; another seed gives other requests")
    func deterministic() throws {
        let fixtures = FixtureGenerator(seed: 42)
        let orders = try shop().orders
        #expect(try fixtures.returnPolicy() == FixtureGenerator(seed: 42).returnPolicy())
        let first = try fixtures.returnRequests(for: orders)
        let second = try FixtureGenerator(seed: 42).returnRequests(for: orders)
        #expect(!first.isEmpty)
        #expect(first == second)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(first) == encoder.encode(second))
        let other = try FixtureGenerator(seed: 7).returnRequests(for: orders)
        #expect(other != first)
    }

    @Test("the shop policy builds with the Turkish shop's terms, in lira and in another currency")
    func policyTerms() throws {
        let definition = try FixtureGenerator(seed: 3).returnPolicy()
        let policy = try ReturnPolicy(definition, version: 1)
        #expect(policy.definition.defaultWindow == ReturnWindow(days: 14, from: .delivery))
        #expect(policy.definition.windowRules.map(\.window.days) == [30])
        #expect(Set(policy.definition.nonReturnableClasses) == ["hygiene", "food", "personalised"])
        #expect(policy.definition.refundDeadlineBusinessDays == 10)
        #expect(policy.definition.fees.returnShippingPaidBy == .customer)
        let fee = try #require(policy.definition.fees.returnShippingFee)
        #expect((2_990...3_990).contains(fee.minorUnits))
        let euro = try FixtureGenerator(seed: 3).returnPolicy(currency: "EUR")
        _ = try ReturnPolicy(euro, version: 1)
        #expect(euro.currency.code == "EUR")
    }

    @Test("converted orders validate and their amount paid equals the fixture's total")
    func returnableOrdersMatchTotals() throws {
        for order in try shop(seed: 11, customers: 300).orders {
            let returnable = try order.returnableOrder()
            try returnable.validate()
            let basis = try OrderRefundBasis(order: returnable)
            #expect(basis.amountPaid == order.totalMinorUnits)
            #expect(returnable.lines.map(\.id) == order.lines.map(\.id))
            #expect(
                returnable.lines.allSatisfy { $0.deliveredQuantity == (order.isDelivered ? $0.quantity : 0) })
            for (line, fixture) in zip(returnable.lines, order.lines) {
                #expect(
                    line.productClass
                        == (fixture.category == .food
                            ? "food" : fixture.category == .personalised ? "personalised" : nil))
            }
        }
    }

    @Test("every generated request is eligible under the generated policy a few days after delivery")
    func requestsAreEligible() throws {
        let fixtures = FixtureGenerator(seed: 5)
        let orders = try shop(seed: 5, customers: 300).orders
        let policy = try ReturnPolicy(fixtures.returnPolicy(), version: 1)
        let requests = try fixtures.returnRequests(for: orders, percent: 40)
        #expect(requests.count > 20)
        let byID = Dictionary(uniqueKeysWithValues: orders.map { ($0.id, $0) })
        let taxonomy = ReturnReasonTaxonomy.standard
        for request in requests {
            let order = try #require(byID[request.order])
            let deliveredAt = try #require(order.deliveredAt)
            #expect(request.customer == order.customer)
            #expect(request.requestedAt > deliveredAt)
            #expect(request.requestedAt <= deliveredAt.addingTimeInterval(5 * 86_400))
            #expect(!request.draft.items.isEmpty)
            let quantities = Dictionary(
                uniqueKeysWithValues: request.draft.items.map { ($0.line, $0.quantity) })
            #expect(quantities.count == request.draft.items.count)
            let report = policy.eligibility(
                of: try order.returnableOrder(), quantities: quantities, at: request.requestedAt)
            for item in request.draft.items {
                let verdict = try #require(report.verdict(for: item.line))
                #expect(verdict.isEligible, "\(verdict.failures.map(\.explanation))")
                #expect(item.quantity >= 1 && item.quantity <= verdict.returnableQuantity)
                #expect(taxonomy.isLeaf(item.reason))
                let reason = try #require(taxonomy.reason(item.reason))
                #expect(reason.requiresEvidence == !item.evidence.isEmpty)
                let line = try #require(order.lines.first { $0.id == item.line })
                #expect(line.category != .food && line.category != .personalised)
            }
        }
        #expect(Set(requests.map(\.idempotencyKey)).count == requests.count)
    }

    @Test("generated requests submit through the returns service and are accepted, never refused")
    func requestsSubmit() async throws {
        let fixtures = FixtureGenerator(seed: 13)
        let shop = try shop(seed: 13, customers: 60)
        let tenant = shop.tenant
        let requests = try fixtures.returnRequests(for: shop.orders, percent: 50)
            .sorted { $0.requestedAt < $1.requestedAt }
        let first = try #require(requests.first)
        let clock = ManualClock(start: first.requestedAt.addingTimeInterval(-86_400))
        let calendar = try BusinessCalendar(
            timeZoneIdentifier: "Europe/Istanbul",
            week: Dictionary(
                uniqueKeysWithValues: Weekday.workdays.map {
                    ($0, [WorkingInterval(from: (9, 0), to: (18, 0))])
                }))
        let service = ReturnsService(
            store: InMemoryRecordStore(), clock: clock,
            ids: TimeOrderedIdentifierSource(timestamps: clock, random: SeededRandomSource(seed: 1)),
            random: SeededRandomSource(seed: 2), shipping: InMemoryReturnShippingProvider(),
            refunds: InMemoryRefundGateway(), inventory: InMemoryInventoryGateway(), calendar: calendar)
        let admin = Principal.admin(StaffID(rawValue: Identifier(high: 1, low: 1)), in: tenant)
        _ = try await service.publishPolicy(fixtures.returnPolicy(), by: admin)
        let orders = Dictionary(uniqueKeysWithValues: shop.orders.map { ($0.id, $0) })
        for request in requests {
            let order = try #require(orders[request.order])
            _ = try await service.recordOrder(order.returnableOrder(), by: .system(in: tenant))
        }
        for request in requests {
            clock.advance(to: request.requestedAt)
            let submitted = try await service.submit(
                request.draft, idempotencyKey: request.idempotencyKey,
                by: .customer(request.customer, in: tenant))
            #expect([.approved, .needsReview].contains(submitted.state))
            #expect(submitted.unitCount == request.unitCount)
        }
    }

    @Test("requests are none at 0 per cent and only for delivered orders")
    func requestShare() throws {
        let orders = try shop().orders
        let fixtures = FixtureGenerator(seed: 9)
        #expect(try fixtures.returnRequests(for: orders, percent: 0).isEmpty)
        #expect(try fixtures.returnRequests(for: []).isEmpty)
        let delivered = Set(orders.filter(\.isDelivered).map(\.id))
        #expect(
            try fixtures.returnRequests(for: orders, percent: 100).allSatisfy { delivered.contains($0.order) }
        )
    }

    @Test("bad input gives typed errors naming the field")
    func badInput() throws {
        let fixtures = FixtureGenerator(seed: 1)
        let orders = try shop(customers: 20).orders
        let order = try #require(orders.first)
        expectCoreError(.validationFailed, field: "currency") {
            _ = try fixtures.returnPolicy(currency: "XYZ")
        }
        expectCoreError(.validationFailed, field: "percent") {
            _ = try fixtures.returnRequests(for: orders, percent: 101)
        }
        expectCoreError(.validationFailed, field: "percent") {
            _ = try fixtures.returnRequests(for: orders, percent: -1)
        }
        var contradictory = try fixtures.returnPolicy()
        contradictory.keepItemThreshold = Money(minorUnits: 100, currency: .turkishLira)
        expectCoreError(.validationFailed, field: "policy") {
            _ = try fixtures.returnRequests(for: orders, policy: contradictory)
        }
        func copy(
            _ order: OrderFixture, currency: String? = nil, lines: [OrderLineFixture]? = nil,
            shipping: Int64? = nil
        )
            -> OrderFixture
        {
            OrderFixture(
                id: order.id, customer: order.customer, placedAt: order.placedAt,
                deliveredAt: order.deliveredAt,
                currency: currency ?? order.currency, lines: lines ?? order.lines,
                discountMinorUnits: order.discountMinorUnits,
                shippingMinorUnits: shipping ?? order.shippingMinorUnits,
                subtotalMinorUnits: order.subtotalMinorUnits, totalMinorUnits: order.totalMinorUnits,
                taxMinorUnits: order.taxMinorUnits)
        }
        func line(_ line: OrderLineFixture, quantity: Int? = nil, rate: Int? = nil, total: Int64? = nil)
            -> OrderLineFixture
        {
            OrderLineFixture(
                id: line.id, product: line.product, variant: line.variant, productName: line.productName,
                category: line.category, unitPriceMinorUnits: line.unitPriceMinorUnits,
                quantity: quantity ?? line.quantity, taxRateBasisPoints: rate ?? line.taxRateBasisPoints,
                discountMinorUnits: line.discountMinorUnits, grossMinorUnits: line.grossMinorUnits,
                totalMinorUnits: total ?? line.totalMinorUnits,
                orderDiscountShareMinorUnits: line.orderDiscountShareMinorUnits,
                taxMinorUnits: line.taxMinorUnits)
        }
        let first = try #require(order.lines.first)
        expectCoreError(.validationFailed, field: "currency") {
            _ = try copy(order, currency: "ZZZ").returnableOrder()
        }
        expectCoreError(.validationFailed, field: "lines") {
            _ = try copy(order, lines: []).returnableOrder()
        }
        expectCoreError(.validationFailed, field: "lines[0].quantity") {
            _ = try copy(order, lines: [line(first, quantity: 0)]).returnableOrder()
        }
        expectCoreError(.limitExceeded, field: "lines[0].quantity") {
            _ = try copy(order, lines: [line(first, quantity: 10_001)]).returnableOrder()
        }
        expectCoreError(.validationFailed, field: "lines[0].taxRateBasisPoints") {
            _ = try copy(order, lines: [line(first, rate: 10_001)]).returnableOrder()
        }
        expectCoreError(.validationFailed, field: "lines[0].totalMinorUnits") {
            _ = try copy(order, lines: [line(first, total: -1)]).returnableOrder()
        }
        expectCoreError(.limitExceeded, field: "lines[0].grossMinorUnits") {
            let huge = OrderLineFixture(
                id: first.id, product: first.product, variant: first.variant, productName: first.productName,
                category: first.category, unitPriceMinorUnits: Int64.max / 2, quantity: 1,
                taxRateBasisPoints: first.taxRateBasisPoints, discountMinorUnits: 0,
                grossMinorUnits: Int64.max / 2, totalMinorUnits: Int64.max / 2,
                orderDiscountShareMinorUnits: 0,
                taxMinorUnits: 0)
            _ = try copy(order, lines: [huge]).returnableOrder()
        }
        expectCoreError(.limitExceeded, field: "shippingMinorUnits") {
            _ = try copy(order, shipping: Int64.max).returnableOrder()
        }
        expectCoreError(.limitExceeded, field: "lines") {
            _ = try copy(order, lines: Array(repeating: first, count: 501)).returnableOrder()
        }
    }
}
