import CXKitCore
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Item acceptance, reception, disposition and refund lifecycles")
struct ItemLifecycleTests {
    static let acceptanceMoves: [ItemAcceptanceState: Set<ItemAcceptanceState>] = [
        .pending: [.accepted, .rejected, .manualReview],
        .manualReview: [.accepted, .rejected],
        .accepted: [.rejected],
        .rejected: [],
    ]
    static let acceptanceCommands: [ItemAcceptanceCommand] = [
        .accept(reason: "override: loyal customer"), .reject(reason: "worn"),
        .requireReview(reason: "photos"),
    ]

    @Test("item acceptance: every legal and illegal transition")
    func acceptance() throws {
        for state in ItemAcceptanceState.allCases {
            for command in Self.acceptanceCommands {
                if Self.acceptanceMoves[state, default: []].contains(command.requestedState) {
                    let outcome = try ItemAcceptanceLifecycle.apply(
                        command, to: state, at: TestPrincipals.monday, by: TestPrincipals.warehouse)
                    #expect(outcome.state == command.requestedState)
                    #expect(outcome.events.first?.from == state)
                    #expect(outcome.events.first?.actor == ActorReference(TestPrincipals.warehouse))
                } else {
                    expectInvalidTransition(from: state, to: command.requestedState) {
                        () throws(ReturnsError) in
                        try ItemAcceptanceLifecycle.apply(
                            command, to: state, at: TestPrincipals.monday, by: TestPrincipals.warehouse)
                    }
                }
            }
        }
    }

    @Test("item acceptance: overriding a manual review needs a reason, a plain accept does not")
    func acceptanceOverrideReason() throws {
        #expect(
            throws: ReturnsError.validation(
                field: "reason", reason: "a reason is required for this transition")
        ) {
            try ItemAcceptanceLifecycle.apply(
                .accept(reason: nil), to: .manualReview, at: TestPrincipals.monday, by: TestPrincipals.agent)
        }
        let plain = try ItemAcceptanceLifecycle.apply(
            .accept(reason: nil), to: .pending, at: TestPrincipals.monday, by: TestPrincipals.system)
        #expect(plain.state == .accepted)
    }

    static let receptionMoves: [ItemReceptionState: Set<ItemReceptionState>] = [
        .awaiting: [.received, .lost, .wrongItem, .shortShipped],
        .lost: [.received, .shortShipped], .wrongItem: [.received, .shortShipped],
        .shortShipped: [.received, .shortShipped], .received: [],
    ]

    @Test("item reception: every legal and illegal transition")
    func reception() throws {
        let commands: [ItemReceptionCommand] = [.receive, .markLost, .markWrongItem, .markShortShipped]
        for state in ItemReceptionState.allCases {
            for command in commands {
                if Self.receptionMoves[state, default: []].contains(command.requestedState) {
                    let outcome = try ItemReceptionLifecycle.apply(
                        command, to: state, at: TestPrincipals.monday, by: TestPrincipals.warehouse)
                    #expect(outcome.state == command.requestedState)
                } else {
                    expectInvalidTransition(from: state, to: command.requestedState) {
                        () throws(ReturnsError) in
                        try ItemReceptionLifecycle.apply(
                            command, to: state, at: TestPrincipals.monday, by: TestPrincipals.warehouse)
                    }
                }
            }
        }
    }

    static let dispositionMoves: [DispositionState: Set<DispositionState>] = [
        .pending: [.restocked, .quarantined, .scrapped, .kept, .returnedToVendor],
        .quarantined: [.restocked, .scrapped, .returnedToVendor],
        .restocked: [], .scrapped: [], .kept: [], .returnedToVendor: [],
    ]

    @Test("disposition: every legal and illegal transition")
    func disposition() throws {
        for state in DispositionState.allCases {
            for command in DispositionCommand.allCases {
                if Self.dispositionMoves[state, default: []].contains(command.requestedState) {
                    let outcome = try DispositionLifecycle.apply(
                        command, to: state, at: TestPrincipals.monday, by: TestPrincipals.warehouse)
                    #expect(outcome.state == command.requestedState)
                } else {
                    expectInvalidTransition(from: state, to: command.requestedState) {
                        () throws(ReturnsError) in
                        try DispositionLifecycle.apply(
                            command, to: state, at: TestPrincipals.monday, by: TestPrincipals.warehouse)
                    }
                }
            }
        }
    }

    static let refundMoves: [RefundState: Set<RefundState>] = [
        .pending: [.processing, .cancelled],
        .processing: [.succeeded, .failed],
        .failed: [.processing, .cancelled],
        .succeeded: [], .cancelled: [],
    ]

    @Test("refund: every legal and illegal transition, retry only after a failure")
    func refund() throws {
        let commands: [RefundCommand] = [
            .begin, .succeed, .fail(reason: "card_declined"), .retry, .cancel(reason: "store credit"),
        ]
        for state in RefundState.allCases {
            for command in commands {
                let legal: Bool
                switch command {
                case .begin: legal = state == .pending
                case .retry: legal = state == .failed
                default: legal = Self.refundMoves[state, default: []].contains(command.requestedState)
                }
                if legal {
                    let outcome = try RefundLifecycle.apply(
                        command, to: state, at: TestPrincipals.monday, by: TestPrincipals.system)
                    #expect(outcome.state == command.requestedState)
                } else {
                    expectInvalidTransition(from: state, to: command.requestedState) {
                        () throws(ReturnsError) in
                        try RefundLifecycle.apply(
                            command, to: state, at: TestPrincipals.monday, by: TestPrincipals.system)
                    }
                }
            }
        }
    }

    @Test("refund: a failure or cancellation without a reason is a validation error")
    func refundReasons() {
        #expect(throws: ReturnsError.self) {
            try RefundLifecycle.apply(
                .fail(reason: ""), to: .processing, at: TestPrincipals.monday, by: TestPrincipals.system)
        }
        #expect(throws: ReturnsError.self) {
            try RefundLifecycle.apply(
                .cancel(reason: " "), to: .pending, at: TestPrincipals.monday, by: TestPrincipals.system)
        }
    }
}
