import CXKitCore
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Return request copy-on-write storage")
struct ReturnRequestCopyOnWriteTests {
    /// A fresh request with every field set, held only by the caller.
    static func request() throws -> ReturnRequest {
        try JSONDecoder().decode(
            ReturnRequest.self, from: Data(ReturnRequestJSONFixture.lifecycleRequest.utf8))
    }

    static func step(of request: ReturnRequest) -> LifecycleStep<ReturnRequestState> {
        LifecycleStep(
            from: .resolved, to: .closed, at: request.createdAt, actor: request.createdBy, reason: "test")
    }

    static func itemsAddress(of request: ReturnRequest) -> UInt {
        request.items.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }

    @Test("a request is one reference wide")
    func requestIsOneReferenceWide() {
        #expect(MemoryLayout<ReturnRequest>.size == MemoryLayout<AnyObject>.size)
    }

    @Test("copies share storage until one of them is mutated, which leaves the other unchanged")
    func mutatingACopyLeavesTheOriginal() throws {
        let original = try Self.request()
        var copy = original
        #expect(copy.storageIdentity == original.storageIdentity)
        copy.state = .closed
        #expect(copy.storageIdentity != original.storageIdentity)
        #expect(original.state == .resolved)
        #expect(copy.state == .closed)
        #expect(copy != original)
        #expect(try Self.request() == original)
    }

    @Test("a nested item mutation on a copy leaves the original's items unchanged")
    func nestedItemMutationOnACopy() throws {
        let original = try Self.request()
        let items = original.items
        var copy = original
        copy.items[0].reception = .lost
        copy.items[0].dispositions[0] = .scrapped
        #expect(original.items == items)
        #expect(original.items[0].reception == .received)
        #expect(copy.items[0].reception == .lost)
        #expect(copy.items[0].dispositions[0] == .scrapped)
        #expect(copy.id == original.id)
    }

    @Test("appending to a copy's history leaves the original's history unchanged")
    func historyAppendOnACopy() throws {
        let original = try Self.request()
        var copy = original
        copy.history.append(Self.step(of: copy))
        copy.itemHistory.removeAll()
        copy.reviewReasons += ["late"]
        #expect(copy.history.count == original.history.count + 1)
        #expect(original.history.last?.to == .resolved)
        #expect(!original.itemHistory.isEmpty)
        #expect(original.reviewReasons.isEmpty)
        #expect(copy.reviewReasons == ["late"])
    }

    @Test("mutating a request nothing else refers to keeps its storage and its items buffer")
    func uniqueMutationIsInPlace() throws {
        var request = try Self.request()
        let storage = request.storageIdentity
        let items = Self.itemsAddress(of: request)
        request.items[0].reception = .lost
        request.items[0].dispositions[0] = .scrapped
        request.state = .closed
        request.history.append(Self.step(of: request))
        request.settlement = nil
        #expect(request.storageIdentity == storage)
        #expect(Self.itemsAddress(of: request) == items)
        #expect(request.items[0].reception == .lost)
        #expect(request.state == .closed)
        #expect(request.settlement == nil)
    }

    @Test("once a copy is gone, the remaining value mutates its storage in place again")
    func mutationAfterCopyEnds() throws {
        var request = try Self.request()
        do {
            let copy = request
            request.state = .closed
            #expect(copy.state == .resolved)
        }
        let storage = request.storageIdentity
        request.overdueReported = true
        #expect(request.storageIdentity == storage)
    }

    @Test("equal values in different storage are equal and hash alike; a changed field makes them differ")
    func equalityAcrossStorage() throws {
        var first = try Self.request()
        var second = try Self.request()
        #expect(first.storageIdentity != second.storageIdentity)
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(Set([first, second]).count == 1)
        first.items[0].reception = .wrongItem
        #expect(first != second)
        second.items[0].reception = .wrongItem
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        second.history.append(Self.step(of: second))
        #expect(first != second)
    }

    @Test("copies mutated concurrently each see only their own change")
    func concurrentCopies() async throws {
        let original = try Self.request()
        let results = await withTaskGroup(of: (Int, ReturnRequest).self) { group in
            for index in 0..<8 {
                group.addTask {
                    var copy = original
                    copy.reviewReasons.append("reason \(index)")
                    copy.items[0].receivedQuantity = index
                    return (index, copy)
                }
            }
            var results: [(Int, ReturnRequest)] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(results.count == 8)
        for (index, copy) in results {
            #expect(copy.reviewReasons == ["reason \(index)"])
            #expect(copy.items[0].receivedQuantity == index)
        }
        #expect(original == (try Self.request()))
    }
}
