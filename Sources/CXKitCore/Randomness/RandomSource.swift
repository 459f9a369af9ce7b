/// A source of uniformly distributed random bits, injected wherever CXKit needs
/// randomness (identifiers, retry jitter, sampling) so that tests and simulations can be
/// replayed from a seed.
public protocol RandomSource: Sendable {
    /// Returns the next 64 uniformly distributed random bits.
    func nextUInt64() -> UInt64
}

extension RandomSource {
    /// Returns a uniformly distributed integer in `0..<upperBound` without modulo bias.
    ///
    /// - Parameter upperBound: The exclusive upper bound; values of zero return zero.
    public func next(below upperBound: UInt64) -> UInt64 {
        guard upperBound > 0 else { return 0 }
        // Lemire's nearly divisionless method.
        var random = nextUInt64()
        var product = random.multipliedFullWidth(by: upperBound)
        if product.low < upperBound {
            let threshold = (0 &- upperBound) % upperBound
            while product.low < threshold {
                random = nextUInt64()
                product = random.multipliedFullWidth(by: upperBound)
            }
        }
        return product.high
    }

    /// Returns a uniformly distributed `Double` in `0..<1` with 53 bits of precision.
    public func nextUnitInterval() -> Double {
        Double(nextUInt64() >> 11) * 0x1.0p-53
    }
}

/// The operating system's cryptographically secure generator; the production default.
public struct SystemRandomSource: RandomSource {
    /// Creates the system source.
    public init() {}

    /// Returns 64 random bits from `SystemRandomNumberGenerator`.
    public func nextUInt64() -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }
}

/// Adapts a ``RandomSource`` to the standard library's `RandomNumberGenerator`, so it can
/// drive `shuffled(using:)`, `randomElement(using:)` and `Int.random(in:using:)`.
public struct RandomSourceGenerator: RandomNumberGenerator {
    /// The wrapped source.
    public let source: any RandomSource

    /// Wraps a random source.
    ///
    /// - Parameter source: Where the bits come from.
    public init(_ source: any RandomSource) { self.source = source }

    /// Returns the next 64 bits of the wrapped source.
    public mutating func next() -> UInt64 { source.nextUInt64() }
}
