import CXKitCore
import Foundation
import Testing

@testable import CXKitReturns

/// A naive reference model of a whole return: the request state plus its timeline, driven
/// by random commands and principals and compared with the real machine after every step.
struct NaiveReturnModel {
    var state: ReturnRequestState = .draft
    var timeline: [(ReturnRequestState, ReturnRequestState)] = []

    mutating func apply(_ command: ReturnRequestCommand, customer: Bool) -> Bool {
        let target = command.requestedState
        guard RequestTable.allows(state, target, customer: customer) else { return false }
        timeline.append((state, target))
        state = target
        return true
    }
}

@Suite("Return request lifecycle against a naive model")
struct RequestLifecycleModelTests {
    @Test("thousands of seeded random command sequences agree with the model at every step")
    func modelBased() throws {
        let random = SeededRandomSource(seed: 0x5EED_3)
        let principals = [
            TestPrincipals.customer, TestPrincipals.agent, TestPrincipals.warehouse, TestPrincipals.system,
        ]
        var reachedStates = Set<ReturnRequestState>()
        for sequence in 0..<2_000 {
            var model = NaiveReturnModel()
            var state = ReturnRequestState.draft
            var now = TestPrincipals.monday
            var lastStep: Date?
            let length = 1 + Int(random.next(below: 24))
            for _ in 0..<length {
                let command = RequestTable.commands[
                    Int(random.next(below: UInt64(RequestTable.commands.count)))]
                let principal = principals[Int(random.next(below: UInt64(principals.count)))]
                now = now.addingTimeInterval(Double(1 + random.next(below: 86_400)))
                let expected = model.apply(command, customer: principal.kind == .customer)
                do {
                    let outcome = try ReturnRequestLifecycle.apply(command, to: state, at: now, by: principal)
                    #expect(expected, "sequence \(sequence): machine accepted \(command) from \(state)")
                    let step = try #require(outcome.events.first)
                    #expect(step.from == state && step.to == outcome.state)
                    if let lastStep { #expect(step.at > lastStep) }
                    lastStep = step.at
                    state = outcome.state
                } catch let error as ReturnsError {
                    #expect(!expected, "sequence \(sequence): machine refused \(command) from \(state)")
                    #expect(error.code == .invalidTransition)
                    #expect(error.currentState == state.rawValue)
                }
                #expect(state == model.state)
                reachedStates.insert(state)
                if state.isTerminal { #expect(model.timeline.last?.1 == state) }
            }
        }
        #expect(reachedStates == Set(ReturnRequestState.allCases))
    }
}
