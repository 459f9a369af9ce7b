import CXKitCore
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Lifecycle outcomes")
struct LifecycleOutcomeTests {
    static let actor = ActorReference(Principal.system(in: TestPrincipals.tenant))

    static func step(_ from: ReturnRequestState, _ to: ReturnRequestState) -> LifecycleStep<
        ReturnRequestState
    > {
        LifecycleStep(from: from, to: to, at: TestPrincipals.monday, actor: actor, reason: nil)
    }

    @Test("an accepted command's outcome lists its one step and equals the same outcome built from a list")
    func singleStepOutcomes() throws {
        let made = try ReturnRequestLifecycle.apply(
            .inspect, to: .received, at: TestPrincipals.monday, by: .system(in: TestPrincipals.tenant))
        let step = Self.step(.received, .inspected)
        #expect(made.state == .inspected)
        #expect(made.events == [step])
        let listed = LifecycleOutcome(state: .inspected, events: [step])
        #expect(made == listed)
        #expect(made.hashValue == listed.hashValue)
        var visited: [LifecycleStep<ReturnRequestState>] = []
        made.forEachEvent { visited.append($0) }
        #expect(visited == [step])
    }

    @Test("outcomes with no step or several keep them in order, and differ from other step lists")
    func otherOutcomes() {
        let steps = [Self.step(.submitted, .approved), Self.step(.approved, .labelIssued)]
        let several = LifecycleOutcome(state: .labelIssued, events: steps)
        #expect(several.events == steps)
        var visited: [LifecycleStep<ReturnRequestState>] = []
        several.forEachEvent { visited.append($0) }
        #expect(visited == steps)
        let none = LifecycleOutcome<ReturnRequestState>(state: .draft, events: [])
        #expect(none.events.isEmpty)
        #expect(several != LifecycleOutcome(state: .labelIssued, events: [steps[1]]))
        #expect(none != LifecycleOutcome(state: .draft, events: [Self.step(.draft, .draft)]))
    }
}
