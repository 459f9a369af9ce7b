import CXKitCore
import Foundation
import Testing

@Suite("Index key encoding")
struct IndexKeyEncodingTests {
    private func randomValue(_ random: SeededRandomSource) -> IndexValue {
        switch random.next(below: 6) {
        case 0: return .bool(random.next(below: 2) == 1)
        case 1: return .int(Int64(bitPattern: random.nextUInt64()) >> Int64(random.next(below: 60)))
        case 2:
            let magnitude = random.nextUnitInterval() * pow(10, Double(random.next(below: 12)))
            return .double(random.next(below: 2) == 0 ? magnitude : -magnitude)
        case 3:
            let alphabet: [String] = ["", "a", "b", "\u{0}", "ab", "ş", "İ", "z\u{0}a", "😀"]
            let count = Int(random.next(below: 3))
            return .string(
                (0..<count).map { _ in alphabet[Int(random.next(below: UInt64(alphabet.count)))] }.joined())
        case 4: return .identifier(Identifier(high: random.next(below: 4), low: random.next(below: 4)))
        default:
            return .date(
                Date(timeIntervalSince1970: Double(Int64(random.next(below: 4_000_000_000)) - 2_000_000_000)))
        }
    }

    private func compareBytes(_ a: [UInt8], _ b: [UInt8]) -> Bool { a.lexicographicallyPrecedes(b) }

    @Test("byte order of encodings matches key order for random composite keys")
    func byteOrderMatchesKeyOrder() {
        let random = SeededRandomSource(seed: 0xC0FFEE)
        for iteration in 0..<5_000 {
            let a = (0..<Int(random.next(below: 4))).map { _ in randomValue(random) }
            let b = (0..<Int(random.next(below: 4))).map { _ in randomValue(random) }
            let encodedA = IndexKeyEncoding.encode(a)
            let encodedB = IndexKeyEncoding.encode(b)
            #expect(
                a.precedes(b) == compareBytes(encodedA, encodedB),
                "iteration \(iteration) seed 0xC0FFEE: \(a) vs \(b)")
            #expect((a == b) == (encodedA == encodedB), "iteration \(iteration): equality of \(a) and \(b)")
        }
    }

    @Test("a prefix's encoding is a byte prefix and its successor bounds the prefix range")
    func prefixRange() {
        let prefix: [IndexValue] = [.string("ab"), .int(7)]
        let key: [IndexValue] = prefix + [.date(Date(timeIntervalSince1970: 5))]
        let encodedPrefix = IndexKeyEncoding.encode(prefix)
        let encodedKey = IndexKeyEncoding.encode(key)
        #expect(encodedKey.starts(with: encodedPrefix))
        #expect(compareBytes(encodedKey, IndexKeyEncoding.successor(ofPrefix: encodedPrefix)))
        let after = IndexKeyEncoding.encode([.string("ab"), .int(8)])
        #expect(!compareBytes(after, IndexKeyEncoding.successor(ofPrefix: encodedPrefix)))
    }

    @Test("negative zero and zero encode alike; negative numbers sort before positive")
    func doubleEdgeCases() {
        #expect(IndexKeyEncoding.encode([.double(-0.0)]) == IndexKeyEncoding.encode([.double(0.0)]))
        #expect(
            compareBytes(IndexKeyEncoding.encode([.double(-1.5)]), IndexKeyEncoding.encode([.double(-1.25)])))
        #expect(compareBytes(IndexKeyEncoding.encode([.double(-1)]), IndexKeyEncoding.encode([.double(1)])))
        #expect(
            compareBytes(
                IndexKeyEncoding.encode([.double(.nan)]), IndexKeyEncoding.encode([.double(-.infinity)])))
    }

    @Test("dates one representable step apart keep distinct, ordered encodings")
    func adjacentDates() {
        let instant = 1_000_000_000.0  // seconds after 2001-01-01
        let earlier = Date(timeIntervalSinceReferenceDate: instant)
        let later = Date(timeIntervalSinceReferenceDate: instant.nextUp)
        #expect(earlier < later)
        #expect(
            compareBytes(IndexKeyEncoding.encode([.date(earlier)]), IndexKeyEncoding.encode([.date(later)])))
    }

    @Test("strings containing NUL keep their order relative to their prefixes")
    func stringsWithNul() {
        let plain = IndexKeyEncoding.encode([.string("a")])
        let withNul = IndexKeyEncoding.encode([.string("a\u{0}")])
        let withOne = IndexKeyEncoding.encode([.string("a\u{1}")])
        #expect(compareBytes(plain, withNul))
        #expect(compareBytes(withNul, withOne))
    }
}
