import CXKitCore
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Return policies as versioned data")
struct ReturnPolicyTests {
    static func base() -> ReturnPolicyDefinition {
        ReturnPolicyDefinition(name: "standard", currency: OrderFactory.currency)
    }

    static func expectError(
        _ code: ErrorCode, field: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ edit: (inout ReturnPolicyDefinition) -> Void
    ) {
        var definition = base()
        edit(&definition)
        do {
            _ = try ReturnPolicy(definition, version: 1)
            Issue.record("expected \(code) on \(field)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == code, sourceLocation: sourceLocation)
            #expect(error.field == field, sourceLocation: sourceLocation)
        }
    }

    @Test("contradictory policies are rejected when built, naming the clause")
    func contradictions() {
        Self.expectError(.contradictoryPolicy, field: "allowedResolutions") { $0.allowedResolutions = [] }
        Self.expectError(.contradictoryPolicy, field: "keepItemThreshold") {
            $0.keepItemThreshold = OrderFactory.money(1_000)
        }
        Self.expectError(.contradictoryPolicy, field: "allowedResolutions") {
            $0.allowedResolutions.append(.keepItem)
        }
        Self.expectError(.contradictoryPolicy, field: "allowsInstantExchange") {
            $0.allowedResolutions = [.refundToOriginalPayment]
            $0.allowsInstantExchange = true
        }
        Self.expectError(.contradictoryPolicy, field: "fees.returnShippingFee") {
            $0.fees = ReturnFees(returnShippingPaidBy: .shop, returnShippingFee: OrderFactory.money(500))
        }
        Self.expectError(.contradictoryPolicy, field: "fees.freeReturnsAbove") {
            $0.fees = ReturnFees(returnShippingPaidBy: .shop, freeReturnsAbove: OrderFactory.money(500))
        }
        Self.expectError(.contradictoryPolicy, field: "conditionDeductionBasisPoints") {
            $0.requiredConditions = []
        }
        Self.expectError(.contradictoryPolicy, field: "windowRules[1]") {
            let shoes = Rule.attribute("line.category", .equals(.string("shoes")))
            $0.windowRules = [
                WindowRule(name: "shoes", condition: shoes, window: ReturnWindow(days: 30, from: .delivery)),
                WindowRule(
                    name: "shoes again", condition: shoes, window: ReturnWindow(days: 60, from: .delivery)),
            ]
        }
        Self.expectError(.contradictoryPolicy, field: "windowRules[0]") {
            $0.windowRules = [
                WindowRule(
                    name: "hygiene", condition: .attribute("line.productClass", .equals(.string("hygiene"))),
                    window: ReturnWindow(days: 14, from: .delivery))
            ]
        }
    }

    @Test("out-of-range and mistyped clauses are validation errors naming the field")
    func validation() {
        Self.expectError(.validationFailed, field: "defaultWindow.days") {
            $0.defaultWindow = ReturnWindow(days: 0, from: .delivery)
        }
        Self.expectError(.validationFailed, field: "name") { $0.name = " " }
        Self.expectError(.validationFailed, field: "refundDeadlineBusinessDays") {
            $0.refundDeadlineBusinessDays = 0
        }
        Self.expectError(.validationFailed, field: "labelValidityDays") { $0.labelValidityDays = 0 }
        Self.expectError(.validationFailed, field: "fees.restockingFeeBasisPoints") {
            $0.fees = ReturnFees(restockingFeeBasisPoints: 10_001)
        }
        Self.expectError(.validationFailed, field: "fees.returnShippingFee") {
            $0.fees = ReturnFees(returnShippingPaidBy: .customer)
        }
        Self.expectError(.currencyMismatch, field: "keepItemThreshold") {
            $0.allowedResolutions.append(.keepItem)
            $0.keepItemThreshold = Money(minorUnits: 100, currency: .euro)
        }
        Self.expectError(.validationFailed, field: "windowRules[0].condition.attribute") {
            $0.windowRules = [
                WindowRule(
                    name: "x", condition: .attribute("line.colour", .equals(.string("red"))),
                    window: ReturnWindow(days: 10, from: .purchase))
            ]
        }
        Self.expectError(.validationFailed, field: "serialReturner.maximumRequests") {
            $0.serialReturner = SerialReturnerRule(windowDays: 30, maximumRequests: 0)
        }
    }

    @Test("version 0 is refused")
    func versionZero() {
        #expect(throws: ReturnsError.validation(field: "version", reason: "must be at least 1")) {
            try ReturnPolicy(Self.base(), version: 0)
        }
    }

    @Test("the fingerprint is stable for equal definitions and changes with content or version")
    func fingerprint() throws {
        let a = try ReturnPolicy(Self.base(), version: 1)
        let b = try ReturnPolicy(Self.base(), version: 1)
        #expect(a.fingerprint == b.fingerprint)
        #expect(a.fingerprint.count == 16)
        #expect(try ReturnPolicy(Self.base(), version: 2).fingerprint != a.fingerprint)
        var changed = Self.base()
        changed.defaultWindow = ReturnWindow(days: 14, from: .delivery)
        #expect(try ReturnPolicy(changed, version: 1).fingerprint != a.fingerprint)
    }

    @Test("free returns above the threshold waive the customer's return fee")
    func refundTerms() throws {
        var definition = Self.base()
        definition.fees = ReturnFees(
            returnShippingPaidBy: .customer, returnShippingFee: OrderFactory.money(1_000),
            freeReturnsAbove: OrderFactory.money(100_000))
        let policy = try ReturnPolicy(definition, version: 1)
        #expect(
            policy.refundTerms(for: OrderFactory.standardOrder()).returnShippingFee
                == OrderFactory.money(1_000))
        definition.fees = ReturnFees(
            returnShippingPaidBy: .customer, returnShippingFee: OrderFactory.money(1_000),
            freeReturnsAbove: OrderFactory.money(10_000))
        #expect(
            try ReturnPolicy(definition, version: 1).refundTerms(for: OrderFactory.standardOrder())
                .returnShippingFee == nil)
    }
}

@Suite("Return policies as stored JSON")
struct ReturnPolicyCodingTests {
    @Test("a definition survives a JSON round trip with the same fingerprint")
    func roundTrip() throws {
        var definition = ReturnPolicyDefinition(name: "seasonal", currency: OrderFactory.currency)
        definition.windowRules = [
            WindowRule(
                name: "shoes", condition: .attribute("line.category", .equals(.string("shoes"))),
                window: ReturnWindow(days: 60, from: .purchase))
        ]
        definition.exclusions = [
            PolicyExclusion(
                name: "engraved", condition: .attribute("line.tags", .contains(.string("engraved"))))
        ]
        definition.reviewRules = [
            ReviewRule(name: "bulk", condition: .attribute("request.units", .greaterThanOrEqual(.integer(5))))
        ]
        definition.fees = ReturnFees(
            restockingFeeBasisPoints: 500, returnShippingPaidBy: .customer,
            returnShippingFee: OrderFactory.money(1_500), freeReturnsAbove: OrderFactory.money(50_000))
        definition.serialReturner = SerialReturnerRule(
            windowDays: 90, maximumRequests: 6, maximumReturnRate: 0.6)
        let data = try JSONEncoder().encode(definition)
        let decoded = try JSONDecoder().decode(ReturnPolicyDefinition.self, from: data)
        #expect(decoded == definition)
        #expect(
            try ReturnPolicy(decoded, version: 4).fingerprint
                == ReturnPolicy(definition, version: 4).fingerprint)
    }
}
