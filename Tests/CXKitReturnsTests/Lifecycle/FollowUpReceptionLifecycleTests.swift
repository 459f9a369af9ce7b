import CXKitCore
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Item reception by quantity: short shipments stay open for the rest")
struct FollowUpReceptionLifecycleTests {
    func receive(_ units: Int, of announced: Int, after received: Int, from state: ItemReceptionState)
        throws(ReturnsError) -> LifecycleOutcome<ItemReceptionState>
    {
        try ItemReceptionLifecycle.receive(
            units, announced: announced, alreadyReceived: received, to: state, at: TestPrincipals.monday,
            by: TestPrincipals.warehouse)
    }

    @Test("part of an item is short-shipped, a later part keeps it open, the last unit completes it")
    func partialReceptions() throws {
        let first = try receive(1, of: 3, after: 0, from: .awaiting)
        #expect(first.state == .shortShipped)
        let second = try receive(1, of: 3, after: 1, from: .shortShipped)
        #expect(second.state == .shortShipped)
        #expect(second.events.map(\.from) == [.shortShipped])
        let last = try receive(1, of: 3, after: 2, from: .shortShipped)
        #expect(last.state == .received)
        #expect(try receive(3, of: 3, after: 0, from: .awaiting).state == .received)
    }

    @Test("goods recorded lost or wrong that turn up later are received, in full or in part")
    func lostOrWrongThenFound() throws {
        #expect(try receive(2, of: 2, after: 0, from: .lost).state == .received)
        #expect(try receive(1, of: 2, after: 0, from: .wrongItem).state == .shortShipped)
    }

    @Test("over-reception and empty receptions are validation errors naming receivedQuantity")
    func overReception() throws {
        for (units, received) in [(3, 0), (2, 1), (1, 2), (0, 0), (-1, 0)] {
            do {
                _ = try receive(
                    units, of: 2, after: received, from: received == 0 ? .awaiting : .shortShipped)
                Issue.record("\(units) after \(received) of 2 must be refused")
            } catch {
                #expect(error.code == .validationFailed)
                #expect(error.field == "receivedQuantity")
            }
        }
    }

    @Test("a completely received item accepts no further reception")
    func receivedIsFinal() {
        expectInvalidTransition(from: ItemReceptionState.received, to: .received) { () throws(ReturnsError) in
            try receive(1, of: 2, after: 2, from: .received)
        }
        expectInvalidTransition(from: ItemReceptionState.received, to: .shortShipped) {
            () throws(ReturnsError) in
            try ItemReceptionLifecycle.apply(
                .markShortShipped, to: .received, at: TestPrincipals.monday, by: TestPrincipals.warehouse)
        }
        expectInvalidTransition(from: ItemReceptionState.shortShipped, to: .lost) { () throws(ReturnsError) in
            try ItemReceptionLifecycle.apply(
                .markLost, to: .shortShipped, at: TestPrincipals.monday, by: TestPrincipals.warehouse)
        }
    }
}
