import CXKitCore
import Foundation

/// What line rules read besides the line itself: the order's dates and the instant of
/// evaluation, converted once per order.
struct LineRuleSubject {
    let placedAtDate: Date
    let deliveredAtDate: Date?
    let now: Date
    let placedAt: Double
    let deliveredAt: Double?
    let nowSeconds: Double

    init(order: ReturnableOrder, now: Date) {
        self.placedAtDate = order.placedAt
        self.deliveredAtDate = order.deliveredAt
        self.now = now
        self.placedAt = order.placedAt.timeIntervalSinceReferenceDate
        self.deliveredAt = order.deliveredAt?.timeIntervalSinceReferenceDate
        self.nowSeconds = now.timeIntervalSinceReferenceDate
    }

    /// Core facts for a line, for rules the line program does not specialise and for
    /// explanations.
    func facts(for line: ReturnableOrderLine) -> RuleFacts {
        var facts = RuleFacts(schema: ReturnPolicySchema.line)
        if let slot = ReturnPolicySchema.placedAtSlot { facts[slot] = .date(placedAtDate) }
        if let slot = ReturnPolicySchema.deliveredAtSlot { facts[slot] = deliveredAtDate.map { .date($0) } }
        if let slot = ReturnPolicySchema.categorySlot { facts[slot] = .string(line.category) }
        if let slot = ReturnPolicySchema.tagsSlot { facts[slot] = .list(line.tags.map { .string($0) }) }
        if let slot = ReturnPolicySchema.productClassSlot {
            facts[slot] = line.productClass.map { .string($0) }
        }
        if let slot = ReturnPolicySchema.unitPriceSlot { facts[slot] = .money(line.unitPrice) }
        if let slot = ReturnPolicySchema.finalSaleSlot { facts[slot] = .boolean(line.isFinalSale) }
        return facts
    }
}
