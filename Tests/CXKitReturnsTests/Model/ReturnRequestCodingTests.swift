import CXKitCore
import CXKitTesting
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Return request JSON")
struct ReturnRequestCodingTests {
    /// The optional fields, which the encoder leaves out when they are `nil`.
    static let optionalKeys = [
        "settlement", "label", "labelExpiresAt", "refundDueAt", "refund", "outcome", "submittedAt",
        "approvedAt", "receivedAt", "inspectedAt", "resolvedAt",
    ]

    static func encode(_ request: ReturnRequest) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(request), as: UTF8.self)
    }

    static func refundedRequest() async throws -> (harness: ReturnsHarness, request: ReturnRequest) {
        let harness = try ReturnsHarness()
        try await harness.setUp()
        let request = try await harness.runLifecycle(harness.shirtDraft(quantity: 1))
        return (harness, request)
    }

    @Test("a request taken through the lifecycle encodes to the pinned JSON, field for field")
    func encodesPinnedJSON() async throws {
        let (harness, request) = try await Self.refundedRequest()
        #expect(try Self.encode(request) == ReturnRequestJSONFixture.lifecycleRequest)
        let stored = try #require(
            try await harness.memory.fetch(ReturnRequest.self, id: request.id, in: harness.tenant))
        #expect(try Self.encode(stored.record) == ReturnRequestJSONFixture.lifecycleRequest)
    }

    @Test("decoding the pinned JSON gives back the request, and encoding that reproduces the JSON")
    func roundTripsPinnedJSON() async throws {
        let (_, request) = try await Self.refundedRequest()
        let decoded = try JSONDecoder().decode(
            ReturnRequest.self, from: Data(ReturnRequestJSONFixture.lifecycleRequest.utf8))
        #expect(decoded == request)
        #expect(decoded.hashValue == request.hashValue)
        #expect(decoded.orderPeriod == request.orderPeriod)
        #expect(try Self.encode(decoded) == ReturnRequestJSONFixture.lifecycleRequest)
    }

    @Test("the default encoder writes every field as a flat key of one object")
    func defaultEncodingIsFlat() async throws {
        let (_, request) = try await Self.refundedRequest()
        let object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(request)) as? [String: Any])
        let pinned = try #require(
            try JSONSerialization.jsonObject(with: Data(ReturnRequestJSONFixture.lifecycleRequest.utf8))
                as? [String: Any])
        #expect(Set(object.keys) == Set(pinned.keys))
        #expect(object.keys.count == 29)
        #expect(object["orderPeriod"] as? Int == 202_601)
    }

    @Test("JSON without the optional fields decodes with them nil and encodes without them")
    func decodesWithoutOptionalFields() throws {
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(ReturnRequestJSONFixture.lifecycleRequest.utf8))
                as? [String: Any])
        for key in Self.optionalKeys { object[key] = nil }
        let data = try JSONSerialization.data(withJSONObject: object)
        let decoded = try JSONDecoder().decode(ReturnRequest.self, from: data)
        #expect(decoded.settlement == nil)
        #expect(decoded.label == nil)
        #expect(decoded.refund == nil)
        #expect(decoded.outcome == nil)
        #expect(decoded.resolvedAt == nil)
        #expect(decoded.state == .resolved)
        let reencoded = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(decoded)) as? [String: Any])
        #expect(Set(reencoded.keys) == Set(object.keys))
    }

    @Test("JSON missing a required field fails to decode")
    func rejectsMissingRequiredField() throws {
        for key in ["id", "state", "items", "orderPeriod", "history"] {
            var object = try #require(
                try JSONSerialization.jsonObject(with: Data(ReturnRequestJSONFixture.lifecycleRequest.utf8))
                    as? [String: Any])
            object[key] = nil
            let data = try JSONSerialization.data(withJSONObject: object)
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(ReturnRequest.self, from: data) }
        }
    }
}
