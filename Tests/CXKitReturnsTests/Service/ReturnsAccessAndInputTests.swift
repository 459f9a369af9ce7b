import CXKitCore
import CXKitTesting
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Returns service: access rules and every bad input of the spec")
struct ReturnsAccessAndInputTests {
    @Test("every bad submission input gives its typed error with code and field")
    func badSubmissions() async throws {
        let harness = try ReturnsHarness()
        let order = try await harness.setUp()
        let service = harness.service
        let customer = TestPrincipals.customer
        func draft(_ edit: (inout ReturnDraft) -> Void) -> ReturnDraft {
            var draft = harness.shirtDraft()
            edit(&draft)
            return draft
        }
        let cases: [(ErrorCode, String?, ReturnDraft)] = [
            (.validationFailed, "items", draft { $0.items = [] }),
            (.validationFailed, "items[0].quantity", draft { $0.items[0].quantity = 0 }),
            (.validationFailed, "items[0].quantity", draft { $0.items[0].quantity = -3 }),
            (.returnNotEligible, "items[0].quantity", draft { $0.items[0].quantity = 3 }),
            (.notFound, "order", draft { $0.order = OrderID(rawValue: Identifier(high: 9, low: 9)) }),
            (.notFound, "items[0].line", draft { $0.items[0].line = OrderFactory.lineID(77) }),
            (.validationFailed, "items[0].reason", draft { $0.items[0].reason = "fit" }),
            (.validationFailed, "items[0].reason", draft { $0.items[0].reason = "no-such-reason" }),
            (
                .limitExceeded, "items[0].note",
                draft { $0.items[0].note = String(repeating: "n", count: 2001) }
            ),
            (
                .limitExceeded, "items[0].evidence",
                draft { $0.items[0].evidence = (0..<11).map { "photo-\($0)" } }
            ),
            (.validationFailed, "items[0].evidence[0]", draft { $0.items[0].evidence = [""] }),
            (.validationFailed, "items[1].line", draft { $0.items.append($0.items[0]) }),
            (.returnNotEligible, "items[0]", draft { $0.items[0].line = OrderFactory.lineID(2) }),
            (.returnNotEligible, "resolution", draft { $0.resolution = .keepItem }),
            (.validationFailed, "items[0].exchange", draft { $0.resolution = .exchange }),
            (.validationFailed, "instantExchange", draft { $0.instantExchange = true }),
            (
                .currencyMismatch, "items[0].exchange.unitPrice",
                draft {
                    $0.resolution = .exchange
                    $0.items[0].exchange = ExchangeChoice(
                        product: order.lines[0].product,
                        variant: VariantID(rawValue: Identifier(high: 1, low: 1)),
                        unitPrice: Money(minorUnits: 100, currency: .euro))
                }
            ),
        ]
        for (code, field, bad) in cases {
            await expectReturnsError(code, field: field) { _ = try await service.submit(bad, by: customer) }
        }
        await expectReturnsError(.validationFailed, field: "idempotencyKey") {
            _ = try await service.submit(harness.shirtDraft(), idempotencyKey: "", by: customer)
        }
        // Nothing was written by any of them.
        #expect(harness.memory.recordCount(of: ReturnRequest.self, in: harness.tenant) == 0)
    }

    @Test("a window that has closed is explained in the error")
    func windowClosed() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        harness.clock.advance(by: .seconds(40 * 86_400))
        do {
            _ = try await harness.service.submit(harness.shirtDraft(), by: TestPrincipals.customer)
            Issue.record("expected the window to be closed")
        } catch let error as ReturnsError {
            #expect(error.code == .returnNotEligible)
            #expect(error.reason.contains("window from delivery closed on 2026-02-07"))
        }
    }

    @Test("customers act only on their own returns; staff roles do only their part")
    func accessRules() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        let service = harness.service
        await expectReturnsError(.permissionDenied, field: nil) {
            _ = try await service.submit(harness.shirtDraft(), by: TestPrincipals.otherCustomer)
        }
        await expectReturnsError(.permissionDenied, field: nil) {
            _ = try await service.eligibility(
                of: OrderFactory.standardOrder().id, by: TestPrincipals.otherCustomer)
        }
        let request = try await service.submit(harness.shirtDraft(), by: TestPrincipals.customer)
        await expectReturnsError(.permissionDenied, field: nil) {
            _ = try await service.request(request.id, by: TestPrincipals.otherCustomer)
        }
        await expectReturnsError(.permissionDenied, field: nil) {
            _ = try await service.cancel(request.id, by: TestPrincipals.otherCustomer)
        }
        await expectReturnsError(.permissionDenied, field: nil) {
            _ = try await service.receive(request.id, receipts: [], by: TestPrincipals.customer)
        }
        await expectReturnsError(.permissionDenied, field: nil) {
            _ = try await service.receive(request.id, receipts: [], by: TestPrincipals.agent)
        }
        await expectReturnsError(.permissionDenied, field: nil) {
            _ = try await service.refund(request.id, by: TestPrincipals.warehouse)
        }
        await expectReturnsError(.permissionDenied, field: nil) {
            _ = try await service.publishPolicy(ReturnsHarness.policy(), by: TestPrincipals.agent)
        }
        await expectReturnsError(.permissionDenied, field: nil) {
            _ = try await service.summary(from: 202601, through: 202601, by: TestPrincipals.customer)
        }
        let otherTenantAgent = Principal.staff(
            StaffID(rawValue: Identifier(high: 0xD, low: 1)), roles: [.agent], in: TestPrincipals.otherTenant)
        await expectReturnsError(.notFound, field: "request") {
            _ = try await service.request(request.id, by: otherTenantAgent)
        }
        #expect(try await service.request(request.id, by: TestPrincipals.customer).id == request.id)
        #expect(try await service.request(request.id, by: TestPrincipals.warehouse).id == request.id)
    }

    @Test("every operation is registered in the permission matrix")
    func matrixCoverage() throws {
        let matrix = try PermissionMatrix(rows: ReturnsOperations.defaultMatrix.rows)
        #expect(matrix.coverage(of: ReturnsOperations.catalog).missingRows.isEmpty)
        #expect(ReturnsOperations.catalog.operations.count == 15)
        for operation in ReturnsOperations.catalog.operations { try operation.validate() }
    }

    @Test("transitions not allowed from the current state name both states")
    func invalidTransitions() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        let service = harness.service
        let request = try await service.submit(harness.shirtDraft(), by: TestPrincipals.customer)
        do {
            _ = try await service.inspect(request.id, inspections: [], by: TestPrincipals.warehouse)
            Issue.record("expected an invalid transition")
        } catch let error as ReturnsError {
            #expect(error.code == .invalidTransition)
            #expect(error.currentState == "approved")
            #expect(error.requestedState == "inspected")
            #expect(error.recordID == request.id.rawValue)
        }
        let labelled = try await service.issueLabel(request.id, by: TestPrincipals.customer)
        let tracking = try #require(labelled.label?.trackingNumber)
        _ = try await service.applyCarrierUpdate(
            CarrierUpdate(trackingNumber: tracking, status: .inTransit, occurredAt: harness.clock.now()),
            by: TestPrincipals.system)
        do {
            _ = try await service.cancel(request.id, by: TestPrincipals.customer)
            Issue.record("expected customers not to cancel in transit")
        } catch let error as ReturnsError {
            #expect(error.code == .invalidTransition)
            #expect(error.currentState == "inTransit")
            #expect(error.requestedState == "cancelled")
        }
        let cancelled = try await service.cancel(request.id, reason: "parcel lost", by: TestPrincipals.agent)
        #expect(cancelled.state == .cancelled)
        let eligibility = try await service.eligibility(of: request.order, by: TestPrincipals.customer)
        #expect(eligibility.lines[0].returnableQuantity == 2)
        await expectReturnsError(.notFound, field: "trackingNumber") {
            _ = try await service.applyCarrierUpdate(
                CarrierUpdate(trackingNumber: "nope", status: .lost, occurredAt: harness.clock.now()),
                by: TestPrincipals.system)
        }
    }

    @Test("a contradictory policy is rejected at publication naming the clause; bad orders are refused")
    func badPolicyAndOrder() async throws {
        let harness = try ReturnsHarness()
        await expectReturnsError(.contradictoryPolicy, field: "keepItemThreshold") {
            _ = try await harness.service.publishPolicy(
                ReturnsHarness.policy { $0.keepItemThreshold = OrderFactory.money(500) },
                by: TestPrincipals.admin)
        }
        await expectReturnsError(.notFound, field: "policy") {
            _ = try await harness.service.recordOrder(OrderFactory.standardOrder(), by: TestPrincipals.system)
        }
        _ = try await harness.service.publishPolicy(ReturnsHarness.policy(), by: TestPrincipals.admin)
        let base = OrderFactory.standardOrder()
        let euroLine = ReturnableOrderLine(
            id: OrderFactory.lineID(5), product: ProductID(rawValue: Identifier(high: 1, low: 5)),
            category: "x", quantity: 1,
            unitPrice: Money(minorUnits: 100, currency: .euro))
        let mismatched = ReturnableOrder(
            id: base.id, customer: base.customer, currency: base.currency, placedAt: base.placedAt,
            deliveredAt: base.deliveredAt, lines: [euroLine])
        await expectReturnsError(.currencyMismatch, field: "lines[0].unitPrice") {
            _ = try await harness.service.recordOrder(mismatched, by: TestPrincipals.system)
        }
        let empty = ReturnableOrder(
            id: base.id, customer: base.customer, currency: base.currency, placedAt: base.placedAt,
            deliveredAt: base.deliveredAt, lines: [])
        await expectReturnsError(.validationFailed, field: "lines") {
            _ = try await harness.service.recordOrder(empty, by: TestPrincipals.system)
        }
    }

    @Test("the order keeps the policy version in force at purchase")
    func policyPinned() async throws {
        let harness = try ReturnsHarness()
        let order = try await harness.setUp()
        let v2 = try await harness.service.publishPolicy(
            ReturnsHarness.policy { $0.defaultWindow = ReturnWindow(days: 7, from: .delivery) },
            by: TestPrincipals.admin)
        #expect(v2.version == 2)
        harness.clock.advance(by: .seconds(20 * 86_400))
        let report = try await harness.service.eligibility(of: order.id, by: TestPrincipals.customer)
        #expect(report.policyVersion == 1)
        #expect(report.lines[0].isEligible)
    }
}

@Suite("Returns service: warehouse input")
struct ReturnsWarehouseInputTests {
    @Test("bad receipts and inspections give typed errors naming the field and change nothing")
    func badWarehouseInput() async throws {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        let service = harness.service
        let request = try await service.submit(harness.shirtDraft(quantity: 2), by: TestPrincipals.customer)
        let item = try #require(request.items.first)
        let stranger = ReturnItemID(rawValue: Identifier(high: 5, low: 5))
        await expectReturnsError(.validationFailed, field: "receipts[0].item") {
            _ = try await service.receive(
                request.id, receipts: [ItemReceipt(item: stranger, receivedQuantity: 1)],
                by: TestPrincipals.warehouse)
        }
        await expectReturnsError(.validationFailed, field: "receipts[1].item") {
            _ = try await service.receive(
                request.id,
                receipts: [
                    ItemReceipt(item: item.id, receivedQuantity: 1),
                    ItemReceipt(item: item.id, receivedQuantity: 1),
                ],
                by: TestPrincipals.warehouse)
        }
        await expectReturnsError(.validationFailed, field: "receipts[0].receivedQuantity") {
            _ = try await service.receive(
                request.id, receipts: [ItemReceipt(item: item.id, receivedQuantity: 3)],
                by: TestPrincipals.warehouse)
        }
        #expect(try await service.request(request.id, by: TestPrincipals.agent).state == .approved)
        // A short shipment: one unit arrives, one is refunded, the other becomes returnable again.
        let received = try await service.receive(
            request.id, receipts: [ItemReceipt(item: item.id, receivedQuantity: 1)],
            by: TestPrincipals.warehouse)
        #expect(received.items[0].reception == .shortShipped)
        await expectReturnsError(.validationFailed, field: "inspections[0].item") {
            _ = try await service.inspect(
                request.id, inspections: [ItemInspection(item: stranger)], by: TestPrincipals.warehouse)
        }
        let inspected = try await service.inspect(request.id, inspections: [], by: TestPrincipals.warehouse)
        #expect(inspected.settlement?.units.count == 1)
        #expect(inspected.items[0].dispositions == [.restocked, .pending])
        let eligibility = try await service.eligibility(of: request.order, by: TestPrincipals.customer)
        #expect(eligibility.lines[0].returnableQuantity == 1)
    }

    @Test("a reviewed instant exchange holds its replacement when an agent approves it")
    func instantExchangeAfterReview() async throws {
        let harness = try ReturnsHarness()
        let order = try await harness.setUp(
            policy: ReturnsHarness.policy {
                $0.allowsInstantExchange = true
                $0.reviewRules = [
                    ReviewRule(
                        name: "all exchanges",
                        condition: .attribute("request.units", .greaterThan(.integer(0))))
                ]
            })
        let replacement = VariantID(rawValue: Identifier(high: 0x33, low: 9))
        harness.inventory.setStock(1, of: replacement, product: order.lines[0].product)
        var draft = harness.shirtDraft()
        draft.resolution = .exchange
        draft.instantExchange = true
        draft.items[0].exchange = ExchangeChoice(
            product: order.lines[0].product, variant: replacement, unitPrice: OrderFactory.money(10_000))
        let submitted = try await harness.service.submit(draft, by: TestPrincipals.customer)
        #expect(submitted.state == .needsReview)
        #expect(harness.inventory.heldUnits == 0)
        _ = try await harness.service.approve(submitted.id, reason: "checked", by: TestPrincipals.agent)
        #expect(harness.inventory.heldUnits == 1)
        _ = try await harness.service.cancel(submitted.id, by: TestPrincipals.customer)
        #expect(harness.inventory.heldUnits == 0)
    }
}
