import CXKitCore
import Foundation
import Testing

@testable import CXKitReturns

@Suite("Reference text")
struct ReferenceTextTests {
    @Test("identifier references read exactly like uuidString with their prefix and suffix")
    func matchesInterpolation() {
        let random = SeededRandomSource(seed: 5)
        var ids = [Identifier(high: 0, low: 0), Identifier(high: .max, low: .max)]
        for _ in 0..<200 { ids.append(Identifier(high: random.nextUInt64(), low: random.nextUInt64())) }
        for id in ids {
            #expect(ReferenceText.uuid(id) == id.uuidString)
            #expect(ReferenceText.uuid(id, suffix: "-2") == "\(id.uuidString)-2")
            #expect(
                ReferenceText.uuid(id, prefix: "restock-R-ABCDE-12345-")
                    == "restock-R-ABCDE-12345-\(id.uuidString)")
            #expect(ReferenceText.uuid(id, prefix: "ä-", suffix: "-ü") == "ä-\(id.uuidString)-ü")
        }
    }
}
