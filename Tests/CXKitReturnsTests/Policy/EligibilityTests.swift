import CXKitCore
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Eligibility with explanations")
struct EligibilityTests {
    static func policy(_ edit: (inout ReturnPolicyDefinition) -> Void = { _ in }) throws -> ReturnPolicy {
        var definition = ReturnPolicyDefinition(name: "standard", currency: OrderFactory.currency)
        edit(&definition)
        return try ReturnPolicy(definition, version: 3)
    }

    @Test("an eligible line says until when and which resolutions are open; a hygiene line says why not")
    func explained() throws {
        let order = OrderFactory.standardOrder()
        let report = try Self.policy().eligibility(
            of: order, at: TestPrincipals.monday.addingTimeInterval(5 * 86_400))
        #expect(report.policyVersion == 3)
        let shirt = try #require(report.verdict(for: OrderFactory.lineID(1)))
        #expect(shirt.isEligible)
        #expect(shirt.returnableQuantity == 2)
        #expect(shirt.eligibleUntil == order.deliveredAt?.addingTimeInterval(30 * 86_400))
        #expect(shirt.openResolutions == [.refundToOriginalPayment, .storeCredit, .exchange])
        let brush = try #require(report.verdict(for: OrderFactory.lineID(2)))
        #expect(!brush.isEligible)
        #expect(brush.failures.map(\.code) == [.nonReturnableClass])
        #expect(brush.failures.first?.explanation == "hygiene products cannot be returned")
        #expect(brush.openResolutions.isEmpty)
    }

    @Test("a closed window names the closing date; every failed condition is listed")
    func everyFailureListed() throws {
        let policy = try Self.policy {
            $0.exclusions = [
                PolicyExclusion(
                    name: "clearance", condition: .attribute("line.tags", .contains(.string("summer"))))
            ]
        }
        let order = OrderFactory.standardOrder()
        let late = TestPrincipals.monday.addingTimeInterval(40 * 86_400)
        let shirt = try #require(
            policy.eligibility(of: order, quantities: [OrderFactory.lineID(1): 3], at: late).verdict(
                for: OrderFactory.lineID(1)))
        #expect(shirt.failures.map(\.code) == [.windowClosed, .excluded, .quantityExceedsReturnable])
        #expect(shirt.failures[0].explanation == "the 30-day window from delivery closed on 2026-02-07")
        #expect(shirt.failures[1].clause == "exclusions[0]")
        #expect(shirt.failures[1].explanation.hasPrefix("excluded by clearance"))
    }

    @Test("category windows from purchase win over the default; unknown delivery falls back")
    func windowRules() throws {
        let policy = try Self.policy {
            $0.windowRules = [
                WindowRule(
                    name: "apparel", condition: .attribute("line.category", .equals(.string("apparel"))),
                    window: ReturnWindow(days: 100, from: .purchase))
            ]
        }
        let undelivered = OrderFactory.standardOrder(deliveredAt: nil)
        let report = policy.eligibility(of: undelivered, at: TestPrincipals.monday)
        #expect(report.lines[0].windowName == "apparel")
        #expect(report.lines[0].eligibleUntil == TestPrincipals.monday.addingTimeInterval(100 * 86_400))
        let defaultPolicy = try Self.policy()
        let fallback = defaultPolicy.eligibility(of: undelivered, at: TestPrincipals.monday)
        #expect(fallback.lines[0].eligibleUntil == TestPrincipals.monday.addingTimeInterval(37 * 86_400))
    }

    @Test("already requested units reduce what is returnable; zero and negative quantities are explained")
    func quantities() throws {
        let policy = try Self.policy()
        let order = OrderFactory.standardOrder()
        let report = policy.eligibility(
            of: order, quantities: [OrderFactory.lineID(1): 0], alreadyRequested: [OrderFactory.lineID(1): 1],
            at: TestPrincipals.monday)
        #expect(report.lines[0].failures.map(\.code) == [.quantityNotPositive])
        let partial = policy.eligibility(
            of: order, alreadyRequested: [OrderFactory.lineID(1): 1], at: TestPrincipals.monday)
        #expect(partial.lines[0].returnableQuantity == 1)
        #expect(partial.lines[0].isEligible)
    }

    @Test("keep-the-item is open only at or below the threshold")
    func keepItem() throws {
        let policy = try Self.policy {
            $0.allowedResolutions = [.refundToOriginalPayment, .keepItem]
            $0.keepItemThreshold = OrderFactory.money(10_000)
            $0.nonReturnableClasses = []
        }
        let report = policy.eligibility(of: OrderFactory.standardOrder(), at: TestPrincipals.monday)
        #expect(report.lines[0].openResolutions == [.refundToOriginalPayment, .keepItem])
        #expect(report.lines[1].openResolutions == [.refundToOriginalPayment, .keepItem])
        let strict = try Self.policy {
            $0.allowedResolutions = [.refundToOriginalPayment, .keepItem]
            $0.keepItemThreshold = OrderFactory.money(5_000)
            $0.nonReturnableClasses = []
        }
        #expect(
            strict.eligibility(of: OrderFactory.standardOrder(), at: TestPrincipals.monday).lines[0]
                .openResolutions == [.refundToOriginalPayment])
    }
}

@Suite("Eligibility re-verified on the server")
struct EligibilityVerificationTests {
    @Test("a client's report travels as JSON and verifies against the same policy, not a changed one")
    func reverify() throws {
        let definition = ReturnPolicyDefinition(name: "standard", currency: OrderFactory.currency)
        let policy = try ReturnPolicy(definition, version: 2)
        let order = OrderFactory.standardOrder()
        let clientReport = policy.eligibility(of: order, at: TestPrincipals.monday.addingTimeInterval(86_400))
        let data = try JSONEncoder().encode(clientReport)
        let received = try JSONDecoder().decode(EligibilityReport.self, from: data)
        #expect(policy.verifies(received, of: order))
        var stricter = definition
        stricter.defaultWindow = ReturnWindow(days: 1, from: .purchase)
        #expect(try !ReturnPolicy(stricter, version: 2).verifies(received, of: order))
        #expect(!policy.verifies(received, of: order, alreadyRequested: [OrderFactory.lineID(1): 2]))
    }
}
