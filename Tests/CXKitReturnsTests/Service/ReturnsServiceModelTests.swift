import CXKitCore
import CXKitTesting
import Foundation
import Testing

@testable import CXKitReturns

/// Commands of the service-level lifecycle property; the integer picks a request.
enum LifecycleCommand: Sendable, CustomStringConvertible {
    case submit(quantity: Int)
    case issueLabel(Int)
    case carrierScan(Int)
    case receive(Int)
    case inspect(Int)
    case refund(Int)
    case cancelByCustomer(Int)
    case cancelByAgent(Int)

    var description: String {
        switch self {
        case .submit(let quantity): "submit(\(quantity))"
        case .issueLabel(let i): "issueLabel(\(i))"
        case .carrierScan(let i): "carrierScan(\(i))"
        case .receive(let i): "receive(\(i))"
        case .inspect(let i): "inspect(\(i))"
        case .refund(let i): "refund(\(i))"
        case .cancelByCustomer(let i): "cancelByCustomer(\(i))"
        case .cancelByAgent(let i): "cancelByAgent(\(i))"
        }
    }
}

/// The naive model: each request's state and quantity, and the shirt units still open.
struct LifecycleModel {
    var requests: [(state: ReturnRequestState, quantity: Int)] = []
    var openUnits = 0
}

final class LifecycleSystem: @unchecked Sendable {
    let harness: ReturnsHarness
    var ids: [ReturnRequestID] = []
    init() throws { harness = try ReturnsHarness() }
}

@Suite("Returns service against a naive lifecycle model")
struct ReturnsServiceModelTests {
    static let commands: Generator<LifecycleCommand> = .oneOf(
        Generator.int(in: 1...2).map { LifecycleCommand.submit(quantity: $0) },
        Generator.int(in: 0...3).map { LifecycleCommand.issueLabel($0) },
        Generator.int(in: 0...3).map { LifecycleCommand.carrierScan($0) },
        Generator.int(in: 0...3).map { LifecycleCommand.receive($0) },
        Generator.int(in: 0...3).map { LifecycleCommand.inspect($0) },
        Generator.int(in: 0...3).map { LifecycleCommand.refund($0) },
        Generator.int(in: 0...3).map { LifecycleCommand.cancelByCustomer($0) },
        Generator.int(in: 0...3).map { LifecycleCommand.cancelByAgent($0) })

    @Test("random command sequences keep the service, the model and the money in agreement")
    func stateful() async throws {
        let property = StatefulProperty(
            commands: Self.commands, length: 0...24, initialModel: LifecycleModel(),
            makeSystem: {
                let system = try LifecycleSystem()
                try await system.harness.setUp()
                return system
            },
            apply: { command, model, system in try await Self.step(command, &model, system) })
        try await property.check(count: 60, seed: 0x2E7_0001)
    }

    static func step(_ command: LifecycleCommand, _ model: inout LifecycleModel, _ system: LifecycleSystem)
        async throws
    {
        let service = system.harness.service
        func pick(_ i: Int) -> Int? { model.requests.isEmpty ? nil : i % model.requests.count }
        var expected: ReturnRequestState?
        var succeeded = true
        do {
            switch command {
            case .submit(let quantity):
                guard quantity <= 2 - model.openUnits else {
                    succeeded = false
                    _ = try await service.submit(
                        system.harness.shirtDraft(quantity: quantity), by: TestPrincipals.customer)
                    break
                }
                let request = try await service.submit(
                    system.harness.shirtDraft(quantity: quantity), by: TestPrincipals.customer)
                system.ids.append(request.id)
                model.requests.append((.approved, quantity))
                model.openUnits += quantity
                expected = request.state
            case .issueLabel(let i), .carrierScan(let i), .receive(let i), .inspect(let i), .refund(let i),
                .cancelByCustomer(let i), .cancelByAgent(let i):
                guard let index = pick(i) else { return }
                let id = system.ids[index]
                let current = model.requests[index]
                let next: ReturnRequestState?
                switch command {
                case .issueLabel: next = current.state == .approved ? .labelIssued : nil
                case .carrierScan: next = current.state == .labelIssued ? .inTransit : current.state
                case .receive:
                    next = [.approved, .labelIssued, .inTransit].contains(current.state) ? .received : nil
                case .inspect: next = current.state == .received ? .inspected : nil
                case .refund:
                    next = current.state == .inspected || current.state == .resolved ? .resolved : nil
                case .cancelByCustomer:
                    next = [.approved, .labelIssued].contains(current.state) ? .cancelled : nil
                default:
                    next = [.approved, .labelIssued, .inTransit].contains(current.state) ? .cancelled : nil
                }
                succeeded = next != nil
                var result: ReturnRequest
                switch command {
                case .issueLabel: result = try await service.issueLabel(id, by: TestPrincipals.customer)
                case .carrierScan:
                    let stored = try await service.request(id, by: TestPrincipals.agent)
                    guard let tracking = stored.label?.trackingNumber else { return }
                    result = try await service.applyCarrierUpdate(
                        CarrierUpdate(
                            trackingNumber: tracking, status: .inTransit,
                            occurredAt: system.harness.clock.now()),
                        by: TestPrincipals.system)
                case .receive:
                    let stored = try await service.request(id, by: TestPrincipals.agent)
                    result = try await service.receive(
                        id,
                        receipts: stored.items.map {
                            ItemReceipt(item: $0.id, receivedQuantity: $0.quantity)
                        },
                        by: TestPrincipals.warehouse)
                case .inspect:
                    result = try await service.inspect(id, inspections: [], by: TestPrincipals.warehouse)
                case .refund: result = try await service.refund(id, by: TestPrincipals.finance)
                case .cancelByCustomer: result = try await service.cancel(id, by: TestPrincipals.customer)
                default: result = try await service.cancel(id, reason: "staff", by: TestPrincipals.agent)
                }
                if let next {
                    if next == .cancelled && current.state != .cancelled {
                        model.openUnits -= current.quantity
                    }
                    model.requests[index].state = next
                }
                expected = result.state
                try PropertyCheck.expect(
                    result.state == model.requests[index].state, "\(command): \(result.state)")
            }
            try PropertyCheck.expect(succeeded, "\(command) succeeded but the model refuses it")
        } catch let error as ReturnsError {
            try PropertyCheck.expect(!succeeded, "\(command) failed: \(error)")
            try PropertyCheck.expect(
                error.code == .invalidTransition || error.code == .returnNotEligible,
                "\(command): unexpected \(error)")
        }
        _ = expected
        // Invariants: stored states, returnable units, and money never above what was paid.
        for (index, id) in system.ids.enumerated() {
            let stored = try await service.request(id, by: TestPrincipals.agent)
            try PropertyCheck.expect(
                stored.state == model.requests[index].state, "request \(index) is \(stored.state)")
        }
        let eligibility = try await service.eligibility(
            of: OrderFactory.standardOrder().id, by: TestPrincipals.customer)
        try PropertyCheck.expect(
            eligibility.lines[0].returnableQuantity == 2 - model.openUnits,
            "returnable \(eligibility.lines[0].returnableQuantity), model \(2 - model.openUnits)")
        let refunded = system.harness.gateway.refundedMinorUnits(for: OrderFactory.standardOrder().id)
        try PropertyCheck.expect(refunded <= 26_860, "refunded \(refunded) of 268.60")
    }
}
