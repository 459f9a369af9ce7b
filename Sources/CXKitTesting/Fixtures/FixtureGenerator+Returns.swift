import CXKitCore
import CXKitReturns
import Foundation

extension FixtureGenerator {
    /// The name of the seeded shop's return policy.
    public static let returnPolicyName = "standart-iade"

    // MARK: - Return policy

    /// The seeded shop's return policy, modelled on a Turkish online shop under the
    /// distance-selling rules:
    ///
    /// - 14 days from delivery to return most goods, 30 days for apparel;
    /// - food and personalised goods are never returnable (product classes `"food"`,
    ///   `"personalised"`, plus `"hygiene"`), nor final-sale lines; cosmetics and other goods
    ///   must come back unused in their original (sealed) packaging, or they refund nothing;
    /// - returns are free when the shop is at fault (damaged, defective, not as described,
    ///   wrong item); otherwise — changed mind, size — the customer pays a small return
    ///   shipping fee deducted from the refund, and outbound shipping is refunded only when
    ///   the shop is at fault;
    /// - refund to the original payment, store credit or an exchange;
    /// - refunds due 10 business days after the return is received; labels valid 14 days;
    /// - requests above a high-value threshold, with evidence missing, or from customers with
    ///   more than five requests in 90 days go to an agent for review.
    ///
    /// The seed picks the return fee (29,90, 34,90 or 39,90 TRY; 2.99 to 3.99 in other
    /// currencies) and the review threshold (7 500 to 15 000 TRY; 250 to 500 otherwise).
    ///
    /// - Parameter currency: The ISO 4217 code of the shop's amounts.
    /// - Returns: The policy definition; `ReturnPolicy(definition, version: 1)` builds it.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` and field `currency`
    ///   for a code that is not a known ISO 4217 currency.
    public func returnPolicy(currency: String = "TRY") throws(CoreError) -> ReturnPolicyDefinition {
        let code = try Self.currencyCode(currency)
        let random = FixtureRandom(seed: returnsStreamSeed(1))
        let scale: Int64 = currency == "TRY" ? 1 : 10
        let fee = [2_990, 3_490, 3_990][random.int(in: 0...2)] / scale
        let review = Int64(random.int(in: 15...30)) * 50_000 / (scale == 1 ? 1 : 30)
        var policy = ReturnPolicyDefinition(name: Self.returnPolicyName, currency: code)
        policy.defaultWindow = ReturnWindow(days: 14, from: .delivery)
        policy.windowRules = [
            WindowRule(
                name: "giyim 30 gün",
                condition: .attribute("line.category", .equals(.string(ProductCategory.apparel.rawValue))),
                window: ReturnWindow(days: 30, from: .delivery))
        ]
        policy.nonReturnableClasses = ["hygiene", "food", "personalised"]
        policy.excludesFinalSale = true
        policy.requiredConditions = [.unused, .originalPackaging]
        policy.conditionDeductionBasisPoints = 10_000
        policy.fees = ReturnFees(
            restockingFeeBasisPoints: 0, returnShippingPaidBy: .customer,
            returnShippingFee: Money(minorUnits: fee, currency: code), freeReturnsAbove: nil,
            outboundShipping: .whenShopAtFault)
        policy.allowedResolutions = [.refundToOriginalPayment, .storeCredit, .exchange]
        policy.refundDeadlineBusinessDays = 10
        policy.refundDeadlineStart = .reception
        policy.labelValidityDays = 14
        policy.reviewRules = [
            ReviewRule(
                name: "yüksek tutar",
                condition: .attribute(
                    "request.total", .greaterThan(.money(Money(minorUnits: review, currency: code)))))
        ]
        policy.reviewsMissingEvidence = true
        policy.serialReturner = SerialReturnerRule(windowDays: 90, maximumRequests: 5)
        return policy
    }

    // MARK: - Return requests

    /// Seeded return requests for delivered orders: for about `percent` per cent of them the
    /// customer asks, one to five days after delivery, to return one or two lines that are
    /// eligible under `policy` at that instant, mostly one unit each, for reasons typical of
    /// the category (fit for apparel, defects and changed minds elsewhere). Reasons that
    /// need evidence come with a photo reference.
    ///
    /// Every generated item is eligible under the policy (version 1) for its quantity at
    /// ``ReturnRequestFixture/requestedAt``, which may lie after ``referenceDate`` for
    /// orders delivered in the last days before it.
    ///
    /// - Parameters:
    ///   - orders: The orders; undelivered ones are skipped.
    ///   - policy: The policy requests must be eligible under; `nil` uses
    ///     ``returnPolicy(currency:)`` in the first order's currency.
    ///   - percent: The share of delivered orders with a request, 0…100.
    /// - Returns: The requests in the order of `orders`.
    /// - Throws: ``CoreError`` with code ``ErrorCode/validationFailed`` and field `percent`
    ///   outside 0…100, `policy` for a definition `ReturnPolicy` refuses, or the fields of
    ///   ``OrderFixture/returnableOrder()`` prefixed with `orders[i].` for an order that
    ///   does not convert; ``ErrorCode/limitExceeded`` for more than ``maximumCount`` orders
    ///   (field `orders`) or the limits of ``OrderFixture/returnableOrder()``.
    public func returnRequests(
        for orders: [OrderFixture], policy: ReturnPolicyDefinition? = nil, percent: Int = 25
    ) throws(CoreError) -> [ReturnRequestFixture] {
        guard (0...100).contains(percent) else {
            throw CoreError.validation(field: "percent", reason: "must be between 0 and 100")
        }
        guard orders.count <= Self.maximumCount else {
            throw CoreError.limit(field: "orders", reason: "must be at most \(Self.maximumCount)")
        }
        guard let first = orders.first else { return [] }
        let definition: ReturnPolicyDefinition
        if let policy { definition = policy } else { definition = try returnPolicy(currency: first.currency) }
        let compiled: ReturnPolicy
        do { compiled = try ReturnPolicy(definition, version: 1) } catch {
            throw CoreError.validation(field: "policy", reason: "is not a valid return policy")
        }
        let random = FixtureRandom(seed: returnsStreamSeed(2))
        var requests: [ReturnRequestFixture] = []
        for (index, order) in orders.enumerated() {
            guard let deliveredAt = order.deliveredAt else { continue }
            // Draw for every delivered order so one order's outcome never shifts another's.
            let orderRandom = FixtureRandom(seed: random.source.nextUInt64())
            guard orderRandom.chance(percent) else { continue }
            let returnable: ReturnableOrder
            do { returnable = try order.returnableOrder() } catch {
                throw CoreError(
                    code: error.code,
                    field: error.field.map { "orders[\(index)].\($0)" } ?? "orders[\(index)]",
                    reason: error.reason)
            }
            let requestedAt = deliveredAt.addingTimeInterval(orderRandom.seconds(in: 86_400...(5 * 86_400)))
            let report = compiled.eligibility(of: returnable, at: requestedAt)
            let eligible = report.lines.enumerated().filter {
                $0.element.isEligible && $0.element.returnableQuantity > 0
            }
            guard !eligible.isEmpty else { continue }
            let wanted = min(eligible.count, orderRandom.chance(75) ? 1 : 2)
            var chosen = Set<Int>()
            while chosen.count < wanted { chosen.insert(orderRandom.int(in: 0...(eligible.count - 1))) }
            var items: [ReturnDraftItem] = []
            for position in chosen.sorted() {
                let (lineIndex, verdict) = eligible[position]
                let line = order.lines[lineIndex]
                let quantity =
                    verdict.returnableQuantity == 1 || orderRandom.chance(80)
                    ? 1 : orderRandom.int(in: 1...verdict.returnableQuantity)
                let reason = Self.returnReason(for: line.category, random: orderRandom)
                let needsEvidence = ReturnReasonTaxonomy.standard.reason(reason)?.requiresEvidence ?? false
                items.append(
                    ReturnDraftItem(
                        line: verdict.line, quantity: quantity, reason: reason,
                        evidence: needsEvidence ? ["photo/\(order.id)/\(items.count + 1).jpg"] : []))
            }
            requests.append(
                ReturnRequestFixture(
                    order: order.id, customer: order.customer, requestedAt: requestedAt,
                    draft: ReturnDraft(order: order.id, items: items),
                    idempotencyKey: "return-\(order.id)-\(orderRandom.source.nextUInt64() & 0xFFFF_FFFF)"))
        }
        return requests
    }

    // MARK: - Helpers

    /// Reason codes of ``ReturnReasonTaxonomy/standard`` with weights per category.
    private static func returnReason(for category: ProductCategory, random: FixtureRandom) -> String {
        let table: [(String, Int)] =
            category == .apparel
            ? [
                ("too-small", 35), ("too-large", 28), ("changed-mind", 15), ("not-as-described", 12),
                ("defective", 5), ("wrong-item", 5),
            ]
            : [
                ("changed-mind", 40), ("defective", 20), ("damaged", 15), ("not-as-described", 15),
                ("wrong-item", 10),
            ]
        return table[random.weightedIndex(table.map(\.1))].0
    }

    private static func currencyCode(_ currency: String) throws(CoreError) -> CurrencyCode {
        do { return try CurrencyCode(currency) } catch {
            throw CoreError.validation(field: "currency", reason: "is not a known ISO 4217 currency code")
        }
    }

    /// The seed of the returns fixtures' stream `stream` (streams 40 and up, apart from the
    /// generator's own).
    private func returnsStreamSeed(_ stream: Int) -> UInt64 {
        PropertyCheck.caseSeed(seed, index: 40 + stream)
    }
}
