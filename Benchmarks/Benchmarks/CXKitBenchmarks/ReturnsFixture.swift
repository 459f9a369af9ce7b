import CXKitCore
import CXKitReturns
import Foundation

/// Orders, policies, services and seeded stores for the returns benchmarks.
///
/// Heavy fixtures are built once per process in `static let`s (a benchmark closure runs once
/// per sample); the lifecycle fixture is built per sample because each return consumes its
/// order.
enum ReturnsFixture {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let tenant = StoreFixture.tenant

    static let currency = CurrencyCode.turkishLira
    /// 2026-01-05T09:00:00Z, the instant of `FrozenClock`.
    static let now = FrozenClock().now()
    static let placedAt = now.addingTimeInterval(-10 * 86_400)
    static let deliveredAt = now.addingTimeInterval(-7 * 86_400)

    static let admin = Principal.admin(StaffID(rawValue: Identifier(high: 0xD, low: 4)), in: tenant)
    static let system = Principal.system(in: tenant)
    static let warehouse = Principal.staff(
        StaffID(rawValue: Identifier(high: 0xD, low: 2)), roles: [.warehouse], in: tenant)
    static let finance = Principal.staff(
        StaffID(rawValue: Identifier(high: 0xD, low: 3)), roles: [.finance], in: tenant)
    static let analyst = Principal.staff(
        StaffID(rawValue: Identifier(high: 0xD, low: 5)), roles: [.analyst], in: tenant)

    static func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
    static func customerID(_ n: Int) -> CustomerID {
        CustomerID(rawValue: Identifier(high: 0xC, low: UInt64(n)))
    }
    static func orderID(_ n: Int) -> OrderID { OrderID(rawValue: Identifier(high: 0x0D, low: UInt64(n))) }
    static func lineID(_ n: Int) -> OrderLineID {
        OrderLineID(rawValue: Identifier(high: 0x11, low: UInt64(n)))
    }
    static func productID(_ n: Int) -> ProductID {
        ProductID(rawValue: Identifier(high: 0x22, low: UInt64(n)))
    }

    // MARK: Eligibility: a 10-line order against 20 window rules and 5 exclusions

    /// `windowRules` distinct window rules mixing category, tag, price and `any`/`all`
    /// groups, so a line that matches late or not at all tests every rule, and 5 exclusions.
    static func rulePolicy(windowRules: Int) throws -> ReturnPolicy {
        var definition = ReturnPolicyDefinition(name: "twenty rules", currency: currency)
        definition.windowRules = (0..<windowRules).map { i in
            let category = Rule.attribute("line.category", .equals(.string("cat\(i)")))
            let condition: Rule
            switch i % 4 {
            case 0: condition = category
            case 1:
                condition = .all([
                    category,
                    .attribute("line.unitPrice", .greaterThanOrEqual(.money(money(Int64(i) * 1_000)))),
                ])
            case 2: condition = .attribute("line.tags", .contains(.string("tag\(i)")))
            default:
                condition = .any([
                    .attribute("line.category", .oneOf([.string("cat\(i)"), .string("alt\(i)")])),
                    .attribute("line.tags", .contains(.string("promo\(i)"))),
                ])
            }
            return WindowRule(
                name: "rule \(i)", condition: condition,
                window: ReturnWindow(days: 14 + i, from: i % 2 == 0 ? .delivery : .purchase))
        }
        definition.exclusions = [
            PolicyExclusion(
                name: "clearance", condition: .attribute("line.tags", .contains(.string("clearance")))),
            PolicyExclusion(
                name: "gift cards",
                condition: .attribute(
                    "line.productClass", .oneOf([.string("giftcard"), .string("software")]))),
            PolicyExclusion(
                name: "cheap items", condition: .attribute("line.unitPrice", .lessThan(.money(money(100))))),
            PolicyExclusion(
                name: "digital", condition: .attribute("line.category", .equals(.string("digital")))),
            PolicyExclusion(
                name: "old orders", condition: .attribute("order.placedAt", .olderThan(.days(365)))),
        ]
        return try ReturnPolicy(definition, version: 1)
    }

    /// Ten lines: some match early, late or no window rule, one is excluded, one is hygiene.
    static let tenLineEligibilityOrder: ReturnableOrder = {
        let shapes: [(category: String, tags: [String], productClass: String?)] = [
            ("cat0", [], nil), ("cat5", ["summer"], nil), ("other", ["tag10"], nil), ("cat17", [], nil),
            ("alt19", ["summer", "blue"], nil), ("other", [], nil), ("shoes", ["clearance"], nil),
            ("care", [], "hygiene"), ("other", ["new"], nil), ("cat19", [], nil),
        ]
        let lines = shapes.enumerated().map { n, shape in
            ReturnableOrderLine(
                id: lineID(n + 1), product: productID(n + 1), category: shape.category, tags: shape.tags,
                productClass: shape.productClass, quantity: 1 + n % 3,
                unitPrice: money(Int64(2_000 + 1_500 * n)),
                tax: money(Int64(360 + 270 * n)))
        }
        return ReturnableOrder(
            id: orderID(1), customer: customerID(1), currency: currency, placedAt: placedAt,
            deliveredAt: deliveredAt, lines: lines, orderDiscount: money(1_000), shipping: money(2_990),
            shippingTax: money(538))
    }()

    /// 20 window rules and 5 exclusions (the module author's reading of the target).
    static let eligibilityPolicy: Result<ReturnPolicy, any Error> = Result { try rulePolicy(windowRules: 20) }
    /// 20 rules in all: 15 window rules and 5 exclusions (the spec's literal "20-rule policy").
    static let twentyRulesInAllPolicy: Result<ReturnPolicy, any Error> = Result {
        try rulePolicy(windowRules: 15)
    }

    // MARK: Refund quote: 10 lines with order discount, tax, shipping and fees

    /// Restocking fee, customer-paid return shipping and outbound shipping always refunded,
    /// so every component of the breakdown is computed.
    static let quotePolicy: Result<ReturnPolicy, any Error> = Result {
        var definition = ReturnPolicyDefinition(name: "fees", currency: currency)
        definition.fees = ReturnFees(
            restockingFeeBasisPoints: 500, returnShippingPaidBy: .customer, returnShippingFee: money(1_990),
            outboundShipping: .always)
        return try ReturnPolicy(definition, version: 1)
    }

    static let tenLineQuoteOrder: ReturnableOrder = {
        let lines = (0..<10).map { n in
            let quantity = 1 + n % 3
            let price = Int64(4_990 + 1_250 * n)
            return ReturnableOrderLine(
                id: lineID(n + 1), product: productID(n + 1), category: "apparel", quantity: quantity,
                unitPrice: money(price), lineDiscount: money(n % 2 == 0 ? Int64(quantity) * 333 : 0),
                tax: money(price * Int64(quantity) * 18 / 100))
        }
        return ReturnableOrder(
            id: orderID(2), customer: customerID(1), currency: currency, placedAt: placedAt,
            deliveredAt: deliveredAt, lines: lines, orderDiscount: money(7_777), shipping: money(2_990),
            shippingTax: money(538))
    }()

    /// Every unit of every line; the third line is the shop's fault.
    static let quoteSelections: [RefundSelection] = tenLineQuoteOrder.lines.enumerated().map { index, line in
        RefundSelection(lineIndex: index, firstUnit: 0, quantity: line.quantity, isShopFault: index == 2)
    }

    // MARK: Services

    static func makeService(store: InMemoryRecordStore, seed: UInt64) throws -> ReturnsService {
        let clock = FrozenClock()
        let calendar = try BusinessCalendar(
            timeZoneIdentifier: "Europe/Istanbul",
            week: Dictionary(
                uniqueKeysWithValues: Weekday.workdays.map {
                    ($0, [WorkingInterval(from: (9, 0), to: (18, 0))])
                }))
        return ReturnsService(
            store: store, clock: clock,
            ids: TimeOrderedIdentifierSource(timestamps: clock, random: SeededRandomSource(seed: seed)),
            random: SeededRandomSource(seed: seed &+ 1), shipping: InMemoryReturnShippingProvider(),
            refunds: InMemoryRefundGateway(), inventory: InMemoryInventoryGateway(), calendar: calendar)
    }

    // MARK: Return rates from rollups

    /// The months of the report: 2024-01 … 2025-12.
    static let firstMonth = 202401
    static let lastMonth = 202512
    static let months: [Int] = (2024...2025).flatMap { year in (1...12).map { year * 100 + $0 } }
    static let returnCount: Int64 = 1_000_000

    /// A store holding rollups for 1M returns over 24 months: one rollup per leaf reason and
    /// month, plus the overall rollups whose units sold and orders placed are the reason
    /// rows' denominators.
    static let rates: Result<(service: ReturnsService, reasons: Int), any Error> = Result {
        let store = InMemoryRecordStore()
        let reasons = ReturnReasonTaxonomy.standard.leaves.map(\.code)
        let cells = Int64(months.count * reasons.count)
        var transaction = StoreTransaction()
        var assigned: Int64 = 0
        for (m, month) in months.enumerated() {
            var monthRequests: Int64 = 0
            for (r, reason) in reasons.enumerated() {
                let cell = Int64(m * reasons.count + r)
                // Spread 1M requests over the cells, the remainder going to the first cells.
                let requests = returnCount / cells + (cell < returnCount % cells ? 1 : 0)
                assigned += requests
                monthRequests += requests
                transaction.insert(
                    ReturnRollup(
                        importing: .reason, key: reason, period: month, requests: requests,
                        unitsReturned: requests + requests / 4))
            }
            transaction.insert(
                ReturnRollup(
                    importing: .overall, key: "", period: month, ordersPlaced: monthRequests * 5,
                    unitsSold: monthRequests * 12, ordersWithReturn: monthRequests, requests: monthRequests,
                    unitsReturned: monthRequests + monthRequests / 4))
        }
        guard assigned == returnCount else { throw Failure(description: "the rollups must hold 1M returns") }
        _ = try store.commitNow(transaction, in: tenant)
        return (try makeService(store: store, seed: 90), reasons.count)
    }
}

/// One sample of the lifecycle benchmark: a fresh store with the policy published and one
/// recorded order (three lines, two of them returned) per return.
struct ReturnsLifecycleRun {
    let service: ReturnsService
    let drafts: [ReturnDraft]
    let customers: [Principal]

    init(count: Int, seed: UInt64) async throws {
        let store = InMemoryRecordStore()
        let service = try ReturnsFixture.makeService(store: store, seed: seed)
        _ = try await service.publishPolicy(
            ReturnPolicyDefinition(name: "standard", currency: ReturnsFixture.currency),
            by: ReturnsFixture.admin)
        var drafts: [ReturnDraft] = []
        var customers: [Principal] = []
        drafts.reserveCapacity(count)
        customers.reserveCapacity(count)
        for n in 0..<count {
            let customer = ReturnsFixture.customerID(n + 1)
            let order = ReturnableOrder(
                id: ReturnsFixture.orderID(n + 1), customer: customer, currency: ReturnsFixture.currency,
                placedAt: ReturnsFixture.placedAt, deliveredAt: ReturnsFixture.deliveredAt,
                lines: [
                    ReturnableOrderLine(
                        id: ReturnsFixture.lineID(1), product: ReturnsFixture.productID(1),
                        variant: VariantID(rawValue: Identifier(high: 0x33, low: 1)), category: "apparel",
                        tags: ["summer"], quantity: 2, unitPrice: ReturnsFixture.money(10_000),
                        lineDiscount: ReturnsFixture.money(1_000), tax: ReturnsFixture.money(3_420)),
                    ReturnableOrderLine(
                        id: ReturnsFixture.lineID(2), product: ReturnsFixture.productID(2), category: "shoes",
                        quantity: 1, unitPrice: ReturnsFixture.money(24_990), tax: ReturnsFixture.money(4_498)
                    ),
                    ReturnableOrderLine(
                        id: ReturnsFixture.lineID(3), product: ReturnsFixture.productID(3), category: "care",
                        productClass: "hygiene", quantity: 1, unitPrice: ReturnsFixture.money(3_000),
                        tax: ReturnsFixture.money(540)),
                ], orderDiscount: ReturnsFixture.money(1_500), shipping: ReturnsFixture.money(2_000),
                shippingTax: ReturnsFixture.money(400))
            _ = try await service.recordOrder(order, by: ReturnsFixture.system)
            drafts.append(
                ReturnDraft(
                    order: order.id,
                    items: [
                        ReturnDraftItem(line: ReturnsFixture.lineID(1), quantity: 2, reason: "too-small"),
                        ReturnDraftItem(line: ReturnsFixture.lineID(2), quantity: 1, reason: "changed-mind"),
                    ]))
            customers.append(Principal.customer(customer, in: ReturnsFixture.tenant))
        }
        self.service = service
        self.drafts = drafts
        self.customers = customers
    }

    /// The steps of ``run(_:)``, in order.
    static let steps = ["submit", "issueLabel", "receive", "inspect", "refund"]

    /// ``run(_:)`` with each step timed into `samplers` (one per entry of ``steps``).
    func run(_ n: Int, timing samplers: inout [LatencySampler]) async throws -> ReturnRequest {
        let submitted = try await samplers[0].measure {
            try await service.submit(drafts[n], by: customers[n])
        }
        let labelled = try await samplers[1].measure {
            try await service.issueLabel(submitted.id, by: customers[n])
        }
        let receipts = labelled.items.map { ItemReceipt(item: $0.id, receivedQuantity: $0.quantity) }
        _ = try await samplers[2].measure {
            try await service.receive(submitted.id, receipts: receipts, by: ReturnsFixture.warehouse)
        }
        _ = try await samplers[3].measure {
            try await service.inspect(submitted.id, inspections: [], by: ReturnsFixture.warehouse)
        }
        return try await samplers[4].measure {
            try await service.refund(submitted.id, by: ReturnsFixture.finance)
        }
    }

    /// submit (approves itself) → issueLabel → receive → inspect → refund for return `n`;
    /// without `issuingLabel`, the spec's path: submit → receive → inspect → refund (the
    /// parcel arrives without a label issued through the provider).
    func run(_ n: Int, issuingLabel: Bool) async throws -> ReturnRequest {
        let submitted = try await service.submit(drafts[n], by: customers[n])
        let shipped = issuingLabel ? try await service.issueLabel(submitted.id, by: customers[n]) : submitted
        _ = try await service.receive(
            submitted.id,
            receipts: shipped.items.map { ItemReceipt(item: $0.id, receivedQuantity: $0.quantity) },
            by: ReturnsFixture.warehouse)
        _ = try await service.inspect(submitted.id, inspections: [], by: ReturnsFixture.warehouse)
        return try await service.refund(submitted.id, by: ReturnsFixture.finance)
    }
}
