import CXKitCore
import Foundation
import Testing

@Suite("Identifiers")
struct IdentifierTests {
    @Test("the UUID string round-trips and matches Foundation's form")
    func uuidStringRoundTrip() throws {
        let uuid = try #require(UUID(uuidString: "0190A6B2-7C4E-7D3A-9B1F-2A6C0E4D5F60"))
        let id = Identifier(uuid: uuid)
        #expect(id.uuidString == "0190a6b2-7c4e-7d3a-9b1f-2a6c0e4d5f60")
        #expect(Identifier(uuidString: id.uuidString) == id)
        #expect(id.uuid == uuid)
    }

    @Test("the UUID string equals Foundation's, lower-cased, for random and extreme identifiers")
    func uuidStringMatchesFoundation() {
        let random = SeededRandomSource(seed: 5)
        var ids = [Identifier(high: 0, low: 0), Identifier(high: .max, low: .max)]
        for _ in 0..<200 { ids.append(Identifier(high: random.nextUInt64(), low: random.nextUInt64())) }
        for id in ids { #expect(id.uuidString == id.uuid.uuidString.lowercased(), "seed 5") }
    }

    @Test("malformed UUID strings are rejected")
    func malformedStrings() {
        for text in [
            "", "not-a-uuid", "0190a6b2-7c4e-7d3a-9b1f-2a6c0e4d5f6", "0190a6b2x7c4e-7d3a-9b1f-2a6c0e4d5f60",
        ] {
            #expect(Identifier(uuidString: text) == nil, "\(text)")
        }
    }

    @Test("version 7 identifiers carry their millisecond timestamp and sort by time")
    func timeOrdering() throws {
        let early = Identifier(milliseconds: 1_000, randomHigh: .max, randomLow: .max)
        let late = Identifier(milliseconds: 1_001, randomHigh: 0, randomLow: 0)
        #expect(early < late)
        #expect(try #require(early.timestamp).timeIntervalSince1970 == 1.0)
        #expect(Identifier(high: 0, low: 1).timestamp == nil)
    }

    @Test("a source is strictly increasing even when the clock stands still")
    func monotonicWithFrozenClock() {
        struct FrozenClock: TimestampSource {
            func now() -> Date { Date(timeIntervalSince1970: 1_700_000_000) }
            func sleep(until deadline: Date) async throws {}
        }
        let source = TimeOrderedIdentifierSource(
            timestamps: FrozenClock(), random: SeededRandomSource(seed: 1))
        var previous = source.nextIdentifier()
        for _ in 0..<10_000 {
            let next = source.nextIdentifier()
            #expect(previous < next)
            previous = next
        }
    }

    @Test("equal seeds and clocks give equal identifier sequences")
    func seededDeterminism() {
        struct FixedClock: TimestampSource {
            func now() -> Date { Date(timeIntervalSince1970: 1_800_000_000) }
            func sleep(until deadline: Date) async throws {}
        }
        let a = TimeOrderedIdentifierSource(timestamps: FixedClock(), random: SeededRandomSource(seed: 42))
        let b = TimeOrderedIdentifierSource(timestamps: FixedClock(), random: SeededRandomSource(seed: 42))
        #expect((0..<100).map { _ in a.nextIdentifier() } == (0..<100).map { _ in b.nextIdentifier() })
    }

    @Test("typed identifiers encode as a plain UUID string")
    func typedCodable() throws {
        let id = CustomerID(rawValue: Identifier(high: 0x0190_a6b2_7c4e_7d3a, low: 0x9b1f_2a6c_0e4d_5f60))
        let data = try JSONEncoder().encode([id])
        #expect(String(decoding: data, as: UTF8.self) == "[\"0190a6b2-7c4e-7d3a-9b1f-2a6c0e4d5f60\"]")
        #expect(try JSONDecoder().decode([CustomerID].self, from: data) == [id])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CustomerID].self, from: Data("[\"x\"]".utf8))
        }
    }

    @Test("tenant slugs are validated with the field named")
    func tenantValidation() throws {
        #expect(try TenantID("shop-tr_01.eu").rawValue == "shop-tr_01.eu")
        for bad in ["", String(repeating: "a", count: 65), "has space", "ünicode", "semi;colon"] {
            #expect {
                _ = try TenantID(bad)
            } throws: { error in
                (error as? CoreError)?.code == .validationFailed && (error as? CoreError)?.field == "tenant"
            }
        }
    }

    @Test("seeded random sources replay and bounded draws stay in range")
    func seededRandom() {
        let a = SeededRandomSource(seed: 7)
        let b = SeededRandomSource(seed: 7)
        for _ in 0..<1_000 {
            #expect(a.nextUInt64() == b.nextUInt64())
            let bounded = a.next(below: 10)
            _ = b.next(below: 10)
            #expect(bounded < 10)
            let unit = a.nextUnitInterval()
            _ = b.nextUnitInterval()
            #expect(unit >= 0 && unit < 1)
        }
        #expect(a.next(below: 0) == 0)
    }

    @Test("error codes match thrown errors in catch patterns")
    func errorCodeMatching() {
        do {
            throw CoreError.validation(field: "limit", reason: "must be positive")
        } catch ErrorCode.validationFailed {
            // matched
        } catch {
            Issue.record("expected a validation failure, got \(error)")
        }
        let error = CoreError(
            code: .versionConflict, reason: "stale", recordType: "demo.note", recordID: .zero,
            currentVersion: 4)
        #expect(error.description.contains("versionConflict"))
        #expect(error.description.contains("demo.note"))
    }
}

@Suite("Identifier sources with misbehaving clocks")
struct IdentifierSourceClockTests {
    struct FixedClock: TimestampSource {
        let instant: Date
        func now() -> Date { instant }
        func sleep(until deadline: Date) async throws {}
    }

    @Test("infinite, far-future and pre-1970 clock readings still give increasing identifiers")
    func extremeClockReadings() {
        for instant in [
            Date.distantFuture, Date(timeIntervalSince1970: .infinity), Date.distantPast,
            Date(timeIntervalSince1970: -5),
        ] {
            let source = TimeOrderedIdentifierSource(
                timestamps: FixedClock(instant: instant), random: SeededRandomSource(seed: 3))
            let first = source.nextIdentifier()
            #expect(first < source.nextIdentifier())
        }
    }
}
