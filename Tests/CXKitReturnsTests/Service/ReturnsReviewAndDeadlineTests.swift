import CXKitCore
import CXKitTesting
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Returns service: review routing, overrides, deadlines and reports")
struct ReturnsReviewAndDeadlineTests {
    @Test("damaged without photos and serial returners go to review with the reason recorded")
    func reviewRouting() async throws {
        let harness = try ReturnsHarness()
        let order = try await harness.setUp(
            policy: ReturnsHarness.policy {
                $0.serialReturner = SerialReturnerRule(windowDays: 30, maximumRequests: 2)
            })
        let damaged = try await harness.service.submit(
            harness.shirtDraft(reason: "damaged"), by: TestPrincipals.customer)
        #expect(damaged.state == .needsReview)
        #expect(damaged.reviewReasons == ["evidence missing for reason damaged"])
        #expect(damaged.history.last?.reason == "evidence missing for reason damaged")
        let kinds = try await harness.outboxKinds()
        #expect(kinds.contains(ReturnEventKinds.staffNotice.rawValue))
        _ = try await harness.service.reject(
            damaged.id, reason: "no damage visible", by: TestPrincipals.agent)
        var withPhoto = harness.shirtDraft(reason: "damaged", order: order)
        withPhoto.items[0].evidence = ["photo-1"]
        let second = try await harness.service.submit(withPhoto, by: TestPrincipals.customer)
        #expect(second.state == .needsReview)
        #expect(second.reviewReasons.first?.hasPrefix("serial returner: 2 requests in 30 days") == true)
        await expectReturnsError(.validationFailed, field: "reason") {
            _ = try await harness.service.approve(second.id, by: TestPrincipals.agent)
        }
        await expectReturnsError(.permissionDenied, field: nil) {
            _ = try await harness.service.approve(
                second.id, reason: "self-approve", by: TestPrincipals.customer)
        }
        let approved = try await harness.service.approve(
            second.id, reason: "long-standing customer", by: TestPrincipals.agent)
        #expect(approved.state == .approved)
        #expect(approved.history.last?.reason == "long-standing customer")
        #expect(approved.history.last?.actor == ActorReference(TestPrincipals.agent))
    }

    @Test("a customer's return rate over the window routes to review with the figures recorded")
    func returnRateSignal() async throws {
        let harness = try ReturnsHarness()
        let first = try await harness.setUp(
            policy: ReturnsHarness.policy {
                $0.serialReturner = SerialReturnerRule(
                    windowDays: 30, maximumRequests: 10, maximumReturnRate: 0.75)
            })
        let second = OrderFactory.standardOrder(id: 2)
        _ = try await harness.service.recordOrder(second, by: TestPrincipals.system)
        let approved = try await harness.service.submit(
            harness.shirtDraft(order: first), by: TestPrincipals.customer)
        #expect(approved.state == .approved)
        let reviewed = try await harness.service.submit(
            harness.shirtDraft(order: second), by: TestPrincipals.customer)
        #expect(reviewed.state == .needsReview)
        #expect(
            reviewed.reviewReasons == ["serial returner: 100% of 2 orders returned in 30 days (limit 75%)"])
        await expectReturnsError(.validationFailed, field: "serialReturner.maximumReturnRate") {
            _ = try await harness.service.publishPolicy(
                ReturnsHarness.policy {
                    $0.serialReturner = SerialReturnerRule(
                        windowDays: 30, maximumRequests: 3, maximumReturnRate: 0)
                }, by: TestPrincipals.admin)
        }
    }

    @Test("high-value review rules from the policy route requests to agents")
    func reviewRules() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp(
            policy: ReturnsHarness.policy {
                $0.reviewRules = [
                    ReviewRule(
                        name: "high value",
                        condition: .attribute(
                            "request.total", .greaterThan(.money(OrderFactory.money(15_000)))))
                ]
            })
        let small = try await harness.service.submit(
            harness.shirtDraft(quantity: 1), by: TestPrincipals.customer)
        #expect(small.state == .approved)
        _ = try await harness.service.cancel(small.id, by: TestPrincipals.customer)
        let large = try await harness.service.submit(
            harness.shirtDraft(quantity: 2), by: TestPrincipals.customer)
        #expect(large.state == .needsReview)
        #expect(large.reviewReasons == ["high value"])
    }

    @Test("unused labels expire and refunds past their business-day deadline are reported overdue once")
    func deadlines() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        let unused = try await harness.service.submit(harness.shirtDraft(), by: TestPrincipals.customer)
        _ = try await harness.service.issueLabel(unused.id, by: TestPrincipals.customer)
        let slow = try await harness.service.submit(
            ReturnDraft(
                order: unused.order,
                items: [ReturnDraftItem(line: OrderFactory.lineID(1), quantity: 1, reason: "too-large")]),
            by: TestPrincipals.customer)
        _ = try await harness.service.issueLabel(slow.id, by: TestPrincipals.customer)
        let received = try await harness.service.receive(
            slow.id, receipts: [ItemReceipt(item: slow.items[0].id, receivedQuantity: 1)],
            by: TestPrincipals.warehouse)
        // Received Monday 09:00 Istanbul is 06:00 UTC... the clock started Monday 09:00 UTC (12:00 local):
        // 5 business days later is the next Monday 12:00 local.
        let due = try #require(received.refundDueAt)
        #expect(due == TestPrincipals.monday.addingTimeInterval(7 * 86_400))
        harness.clock.advance(by: .seconds(8 * 86_400))
        let first = try await harness.service.sweepDeadlines(by: TestPrincipals.system)
        #expect(first.overdue == [slow.id])
        #expect(first.expired.isEmpty)
        harness.clock.advance(by: .seconds(25 * 86_400))
        let second = try await harness.service.sweepDeadlines(by: TestPrincipals.system)
        #expect(second.overdue.isEmpty)
        #expect(second.expired == [unused.id])
        #expect(try await harness.service.request(unused.id, by: TestPrincipals.agent).state == .expired)
        let kinds = try await harness.outboxKinds()
        #expect(kinds.filter { $0 == ReturnEventKinds.overdue.rawValue }.count == 1)
        #expect(kinds.contains(ReturnEventKinds.expired.rawValue))
        await expectReturnsError(.validationFailed, field: "limit") {
            _ = try await harness.service.sweepDeadlines(by: TestPrincipals.system, limit: 0)
        }
    }

    @Test("return rates by reason, category and product come from rollups attributed to the order month")
    func rollups() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        let second = OrderFactory.standardOrder(id: 2)
        _ = try await harness.service.recordOrder(second, by: TestPrincipals.system)
        _ = try await harness.service.submit(
            harness.shirtDraft(quantity: 1, reason: "too-small"), by: TestPrincipals.customer)
        _ = try await harness.service.submit(
            harness.shirtDraft(quantity: 2, reason: "too-large", order: second), by: TestPrincipals.customer)
        let reasons = try await harness.service.returnRates(
            by: .reason, from: 202601, through: 202612, by: TestPrincipals.admin)
        #expect(reasons.map(\.key) == ["too-large", "too-small"])
        #expect(reasons.map(\.unitsReturned) == [2, 1])
        #expect(reasons[0].unitsSold == 6)
        let categories = try await harness.service.returnRates(
            by: .category, from: 202601, through: 202601, by: TestPrincipals.admin)
        let apparel = try #require(categories.first { $0.key == "apparel" })
        #expect(apparel.unitsSold == 4)
        #expect(apparel.unitReturnRate == 0.75)
        let overall = try await harness.service.returnRates(
            by: .overall, from: 202601, through: 202601, by: TestPrincipals.admin)
        #expect(overall.first?.orderReturnRate == 1)
        let empty = try await harness.service.returnRates(
            by: .reason, from: 202602, through: 202602, by: TestPrincipals.admin)
        #expect(empty.isEmpty)
        await expectReturnsError(.validationFailed, field: "from") {
            _ = try await harness.service.returnRates(
                by: .reason, from: 202613, through: 202601, by: TestPrincipals.admin)
        }
        await expectReturnsError(.validationFailed, field: "through") {
            _ = try await harness.service.returnRates(
                by: .reason, from: 202602, through: 202601, by: TestPrincipals.admin)
        }
    }
}

@Suite("Returns reports over imported rollups")
struct ReturnsImportedRollupTests {
    @Test("a million imported returns report by reason from a handful of rollups")
    func millionReturns() async throws {
        let harness = try ReturnsHarness()
        var transaction = StoreTransaction()
        let reasons = ReturnReasonTaxonomy.standard.leaves.map(\.code)
        for month in 1...12 {
            let period = 202500 + month
            transaction.insert(
                ReturnRollup(
                    importing: .overall, key: "", period: period, ordersPlaced: 500_000, unitsSold: 1_200_000)
            )
            for reason in reasons {
                transaction.insert(
                    ReturnRollup(
                        importing: .reason, key: reason, period: period, requests: 10_417,
                        unitsReturned: 12_000))
            }
        }
        _ = try await harness.memory.commit(transaction, in: harness.tenant)
        let rows = try await harness.service.returnRates(
            by: .reason, from: 202501, through: 202512, by: TestPrincipals.admin)
        #expect(rows.count == reasons.count)
        #expect(rows.reduce(0) { $0 + $1.requests } == Int64(reasons.count) * 10_417 * 12)
        #expect(rows.reduce(0) { $0 + $1.requests } >= 1_000_000)
        #expect(rows[0].unitsSold == 14_400_000)
        #expect(rows[0].unitReturnRate == 144_000.0 / 14_400_000.0)
    }
}
