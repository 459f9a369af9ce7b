import CXKitCore
import CXKitTesting
import Testing

@Suite("Property runner and shrinking")
struct PropertyCheckTests {
    private func failure(_ body: () async throws -> Void) async -> PropertyFailure? {
        do {
            try await body()
            return nil
        } catch let failure as PropertyFailure {
            return failure
        } catch {
            return nil
        }
    }

    @Test("a passing property runs every case")
    func passingRunsAllCases() async throws {
        var runs = 0
        try await forAll(.int(in: 0...10), count: 37, seed: 1) { _ in runs += 1 }
        #expect(runs == 37)
    }

    @Test("'all ints are below 100' shrinks to exactly 100")
    func intShrinksToBoundary() async throws {
        let result = await failure {
            try await forAll(.int(in: 0...10_000), seed: 7) { value in
                try PropertyCheck.expect(value < 100, "value is below 100")
            }
        }
        let failure = try #require(result)
        #expect(failure.shrunkInput as? Int == 100)
        #expect((failure.originalInput as? Int ?? 0) >= 100)
        #expect(failure.underlyingError is PropertyViolation)
    }

    @Test("'no array contains 7' shrinks to exactly [7]")
    func arrayShrinksToSingleElement() async throws {
        let result = await failure {
            try await forAll(.array(of: .int(in: 0...20), count: 0...50), seed: 3) { values in
                try PropertyCheck.expect(!values.contains(7), "no element is 7")
            }
        }
        let failure = try #require(result)
        #expect(failure.shrunkInput as? [Int] == [7])
    }

    @Test("a mapped and zipped generator still shrinks to a locally minimal pair")
    func mappedZipShrinks() async throws {
        let pairs = Generator.int(in: 0...1000).zip(.int(in: 0...1000)).map { [$0.0, $0.1] }
        let result = await failure {
            try await forAll(pairs, seed: 5) { pair in
                try PropertyCheck.expect(pair[0] + pair[1] < 500)
            }
        }
        let shrunk = try #require(result?.shrunkInput as? [Int])
        // Greedy shrinking stops where no single part can get smaller: the sum is exactly 500.
        #expect(shrunk.reduce(0, +) == 500)
    }

    @Test("flatMap shrinks the outer value and regenerates the inner one")
    func flatMapShrinks() async throws {
        let generator = Generator.int(in: 1...20).flatMap { length in
            Generator.array(of: .constant(1), count: length...length)
        }
        let result = await failure {
            try await forAll(generator, seed: 9) { ones in try PropertyCheck.expect(ones.count < 5) }
        }
        #expect(result?.shrunkInput as? [Int] == [1, 1, 1, 1, 1])
    }

    @Test("arrays never shrink below their minimum length and elements shrink to zero")
    func arrayRespectsMinimumLength() async throws {
        let result = await failure {
            try await forAll(.array(of: .int(in: 0...50), count: 3...10), seed: 4) { _ in
                throw PropertyViolation("always fails")
            }
        }
        #expect(result?.shrunkInput as? [Int] == [0, 0, 0])
    }

    @Test("optionals shrink to nil, booleans to false and choices to the first option")
    func choicesShrinkToSimplest() async throws {
        let optional = await failure {
            try await forAll(Generator.int(in: 1...9).optional(), seed: 2) { _ in
                throw PropertyViolation("fails")
            }
        }
        let shrunkOptional = try #require(optional).shrunkInput
        #expect(String(describing: shrunkOptional) == "nil")
        let bool = await failure {
            try await forAll(Generator.bool, seed: 2) { _ in throw PropertyViolation("fails") }
        }
        #expect(bool?.shrunkInput as? Bool == false)
        let choice = await failure {
            try await forAll(Generator.oneOf(.constant("first"), .constant("second")), seed: 2) { _ in
                throw PropertyViolation("fails")
            }
        }
        #expect(choice?.shrunkInput as? String == "first")
    }

    @Test("the failure description names the seed, case, inputs and error")
    func failureDescription() async throws {
        let result = await failure {
            try await forAll(.int(in: 0...10_000), seed: 123_456) { value in
                try PropertyCheck.expect(value < 100, "value is below 100")
            }
        }
        let failure = try #require(result)
        let text = failure.description
        #expect(failure.seed == 123_456)
        #expect(text.contains("seed 123456"))
        #expect(text.contains("case \(failure.caseIndex) of 100"))
        #expect(text.contains("Original input: \(failure.originalInput)"))
        #expect(text.contains("Shrunk input"))
        #expect(text.contains(": 100\n"))
        #expect(text.contains("value is below 100"))
        #expect(text.contains("PropertyCheckTests.swift"))
    }

    @Test("passing the reported seed replays the same failing case")
    func seedReplays() async throws {
        let property: (Int) throws -> Void = { value in try PropertyCheck.expect(value % 17 != 3) }
        let first = await failure { try await forAll(.int(in: 0...1000), seed: 77) { try property($0) } }
        let seed = try #require(first?.seed)
        let replay = await failure {
            try await forAll(.int(in: 0...1000), seed: seed) { try property($0) }
        }
        #expect(first?.caseIndex == replay?.caseIndex)
        #expect(first?.originalInput as? Int == replay?.originalInput as? Int)
    }

    @Test("without a seed or environment variable the default seed is used")
    func defaultSeed() throws {
        let runner = try PropertyCheck()
        if (try PropertyCheck.environmentSeed()) == nil {
            #expect(runner.seed == PropertyCheck.defaultSeed)
        }
        #expect(PropertyCheck.parseSeed("0x10") == 16)
        #expect(PropertyCheck.parseSeed("1_000") == 1000)
        #expect(PropertyCheck.parseSeed("seed") == nil)
    }

    @Test("invalid run parameters are validation errors naming the field")
    func invalidParameters() async {
        let count = await #expect(throws: CoreError.self) { try await forAll(.bool, count: 0) { _ in } }
        #expect(count?.code == .validationFailed)
        #expect(count?.field == "count")
        let limit = await #expect(throws: CoreError.self) {
            try await forAll(.bool, shrinkLimit: -1) { _ in }
        }
        #expect(limit?.field == "shrinkLimit")
        let size = #expect(throws: CoreError.self) { try PropertyCheck(maxSize: -1) }
        #expect(size?.field == "maxSize")
        let huge = #expect(throws: CoreError.self) { try PropertyCheck(maxSize: Int.max) }
        #expect(huge?.code == .limitExceeded)
    }

    @Test("shrinking stops after the shrink limit")
    func shrinkLimitBounds() async throws {
        let result = await failure {
            try await forAll(.int(in: 0...1_000_000), seed: 7, shrinkLimit: 3) { value in
                try PropertyCheck.expect(value < 100)
            }
        }
        let failure = try #require(result)
        #expect(failure.shrinkAttempts <= 3)
    }
}
