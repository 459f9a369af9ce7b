import CXKitCore
import Foundation
import Testing

@testable import CXKitReturns

/// The request machine as an independent table: state → requested state → allowed for
/// customers / for staff.
enum RequestTable {
    static let staffMoves: [ReturnRequestState: Set<ReturnRequestState>] = [
        .draft: [.submitted, .cancelled],
        .submitted: [.approved, .needsReview, .rejected, .cancelled],
        .needsReview: [.approved, .rejected, .cancelled],
        .approved: [.labelIssued, .received, .resolved, .cancelled, .expired],
        .labelIssued: [.inTransit, .received, .cancelled, .expired],
        .inTransit: [.received, .cancelled],
        .received: [.inspected],
        .inspected: [.resolved],
        .resolved: [.closed],
        .rejected: [], .closed: [], .cancelled: [], .expired: [],
    ]

    static func allows(_ from: ReturnRequestState, _ to: ReturnRequestState, customer: Bool) -> Bool {
        if customer && to == .cancelled && from == .inTransit { return false }
        return staffMoves[from, default: []].contains(to)
    }

    static let commands: [ReturnRequestCommand] = [
        .submit, .approve(reason: "ok"), .routeToReview(reason: "high value"), .reject(reason: "worn"),
        .issueLabel, .markInTransit, .receive, .inspect, .resolve, .close, .cancel(reason: nil), .expire,
    ]
}

@Suite("Return request lifecycle")
struct ReturnRequestLifecycleTests {
    @Test("every legal transition moves to the requested state and records time, actor and reason")
    func legalTransitions() throws {
        for state in ReturnRequestState.allCases {
            for command in RequestTable.commands
            where RequestTable.allows(
                state, command.requestedState, customer: false)
            {
                let outcome = try ReturnRequestLifecycle.apply(
                    command, to: state, at: TestPrincipals.monday, by: TestPrincipals.agent)
                #expect(outcome.state == command.requestedState)
                let step = try #require(outcome.events.first)
                #expect(outcome.events.count == 1)
                #expect(step.from == state)
                #expect(step.to == command.requestedState)
                #expect(step.at == TestPrincipals.monday)
                #expect(step.actor == ActorReference(TestPrincipals.agent))
            }
        }
    }

    @Test("every illegal transition is an invalidTransition error naming both states")
    func illegalTransitions() {
        for state in ReturnRequestState.allCases {
            for command in RequestTable.commands
            where !RequestTable.allows(
                state, command.requestedState, customer: false)
            {
                expectInvalidTransition(from: state, to: command.requestedState) { () throws(ReturnsError) in
                    try ReturnRequestLifecycle.apply(
                        command, to: state, at: TestPrincipals.monday, by: TestPrincipals.agent)
                }
            }
        }
    }

    @Test("customers may cancel before shipping but not once the parcel is in transit")
    func customerCancellation() throws {
        for state in ReturnRequestState.allCases {
            let command = ReturnRequestCommand.cancel(reason: "changed my mind")
            if RequestTable.allows(state, .cancelled, customer: true) {
                let outcome = try ReturnRequestLifecycle.apply(
                    command, to: state, at: TestPrincipals.monday, by: TestPrincipals.customer)
                #expect(outcome.state == .cancelled)
                #expect(outcome.events.first?.reason == "changed my mind")
            } else {
                expectInvalidTransition(from: state, to: .cancelled) { () throws(ReturnsError) in
                    try ReturnRequestLifecycle.apply(
                        command, to: state, at: TestPrincipals.monday, by: TestPrincipals.customer)
                }
            }
        }
        #expect(throws: ReturnsError.self) {
            try ReturnRequestLifecycle.apply(
                .cancel(reason: nil), to: .inTransit, at: TestPrincipals.monday, by: TestPrincipals.customer)
        }
    }

    @Test("overriding a review, rejecting and routing to review require a reason")
    func reasonsRequired() throws {
        let cases: [(ReturnRequestCommand, ReturnRequestState)] = [
            (.approve(reason: nil), .needsReview), (.approve(reason: "  "), .needsReview),
            (.reject(reason: ""), .submitted), (.routeToReview(reason: " \n"), .submitted),
        ]
        for (command, state) in cases {
            do {
                _ = try ReturnRequestLifecycle.apply(
                    command, to: state, at: TestPrincipals.monday, by: TestPrincipals.agent)
                Issue.record("expected a missing-reason error")
            } catch {
                #expect(error.code == .validationFailed)
                #expect(error.field == "reason")
            }
        }
        let approved = try ReturnRequestLifecycle.apply(
            .approve(reason: nil), to: .submitted, at: TestPrincipals.monday, by: TestPrincipals.system)
        #expect(approved.state == .approved)
        #expect(approved.events.first?.reason == nil)
        let overridden = try ReturnRequestLifecycle.apply(
            .approve(reason: " goodwill "), to: .needsReview, at: TestPrincipals.monday,
            by: TestPrincipals.agent)
        #expect(overridden.events.first?.reason == "goodwill")
    }

    @Test("a reason longer than the limit is a limitExceeded error on the reason field")
    func reasonTooLong() {
        let long = String(repeating: "x", count: 2001)
        #expect {
            try ReturnRequestLifecycle.apply(
                .reject(reason: long), to: .submitted, at: TestPrincipals.monday, by: TestPrincipals.agent)
        } throws: { error in
            (error as? ReturnsError)?.code == .limitExceeded && (error as? ReturnsError)?.field == "reason"
        }
    }

    @Test("terminal states accept no command and say they are final")
    func terminalStates() {
        for state in ReturnRequestState.allCases where state.isTerminal {
            for command in RequestTable.commands {
                do {
                    _ = try ReturnRequestLifecycle.apply(
                        command, to: state, at: TestPrincipals.monday, by: TestPrincipals.admin)
                    Issue.record("terminal \(state) accepted \(command)")
                } catch {
                    #expect(error.reason.contains("final"))
                }
            }
        }
    }
}
