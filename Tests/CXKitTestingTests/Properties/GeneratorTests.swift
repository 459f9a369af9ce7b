import CXKitCore
import CXKitTesting
import Testing

@Suite("Property generators")
struct GeneratorTests {
    @Test("the same seed makes the same values and another seed different ones")
    func deterministicPerSeed() throws {
        let generator = Generator.array(of: .int(in: -1000...1000), count: 0...30)
            .zip(.unicodeNasty())
            .map { "\($0.0)|\($0.1)" }
        let first = try generator.samples(seed: 42, count: 50)
        let second = try generator.samples(seed: 42, count: 50)
        let other = try generator.samples(seed: 43, count: 50)
        #expect(first == second)
        #expect(first != other)
    }

    @Test("integers stay in range, including the full 64-bit range")
    func integersInRange() throws {
        for value in try Generator.int(in: -5...7).samples(seed: 1, count: 500) {
            #expect((-5...7).contains(value))
        }
        let values = try Generator.int(in: 3...3).samples(seed: 1, count: 10)
        #expect(values == Array(repeating: 3, count: 10))
        let full = try Generator.integer(in: Int.min...Int.max).samples(seed: 9, count: 100)
        #expect(Set(full).count > 90)
        let unsigned = try Generator.uint64.samples(seed: 9, count: 100)
        #expect(unsigned.contains { $0 > UInt64(Int.max) })
    }

    @Test("doubles stay in range")
    func doublesInRange() throws {
        for value in try Generator.double(in: 2.5...3.5).samples(seed: 3, count: 200) {
            #expect((2.5...3.5).contains(value))
        }
    }

    @Test("arrays respect their length range and grow with the size hint")
    func arrayLengths() throws {
        let generator = Generator.array(of: Generator.bool, count: 2...40)
        let small = try generator.samples(seed: 5, count: 100, size: 0)
        #expect(small.allSatisfy { $0.count == 2 })
        let large = try generator.samples(seed: 5, count: 100, size: 100)
        #expect(large.allSatisfy { (2...40).contains($0.count) })
        #expect(large.contains { $0.count > 20 })
    }

    @Test("strings use only their alphabet")
    func stringAlphabet() throws {
        let values = try Generator.string(of: "abç", length: 1...10).samples(seed: 8, count: 100)
        #expect(values.allSatisfy { !$0.isEmpty && $0.allSatisfy { "abç".contains($0) } })
    }

    @Test("oneOf, frequency, element and optional only make their choices")
    func choices() throws {
        let picks = try Generator.oneOf(.constant(1), .constant(2)).samples(seed: 2, count: 100)
        #expect(Set(picks) == [1, 2])
        let weighted = try Generator.frequency([
            (weight: 0, generator: .constant("never")), (weight: 1, generator: .constant("always")),
        ])
        .samples(seed: 2, count: 50)
        #expect(Set(weighted) == ["always"])
        let optionals = try Generator.element(of: ["x"]).optional().samples(seed: 2, count: 200)
        #expect(optionals.contains(nil))
        #expect(optionals.contains("x"))
    }

    @Test("the nasty string generator includes control, RTL, emoji, combining and Turkish text")
    func nastyStrings() throws {
        let joined = try Generator.unicodeNasty(fragments: 5...12).samples(seed: 11, count: 300).joined()
        let scalars = Set(joined.unicodeScalars.map(\.value))
        #expect(scalars.contains(0x202E) || scalars.contains(0x200F))
        #expect(joined.contains("İ") || joined.contains("ı"))
        #expect(scalars.contains { $0 < 0x20 })
        #expect(scalars.contains { $0 >= 0x1F300 })
        #expect(scalars.contains { (0x300...0x36F).contains($0) })
    }

    @Test("a filter that rejects everything fails with a generation error, not a hang")
    func impossibleFilter() async throws {
        let generator = Generator.int(in: 0...10).filter(maxAttempts: 20) { $0 > 10 }
        await #expect(throws: GenerationFailure.self) {
            try await forAll(generator, count: 5, seed: 1) { _ in }
        }
        #expect(throws: GenerationFailure.self) {
            try Generator<Int>.element(of: []).samples(seed: 1, count: 1)
        }
    }

    @Test("filtered values satisfy the condition")
    func filterKeepsCondition() throws {
        let evens = try Generator.int(in: 0...100).filter { $0 % 2 == 0 }.samples(seed: 4, count: 100)
        #expect(evens.allSatisfy { $0 % 2 == 0 })
    }
}
