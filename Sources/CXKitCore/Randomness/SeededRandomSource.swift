/// A deterministic, thread-safe random source (SplitMix64): the same seed always yields
/// the same sequence, which makes simulations, fixtures and property tests reproducible.
///
/// Not suitable for anything security-related.
public final class SeededRandomSource: RandomSource {
    private let state: Locked<UInt64>

    /// The seed this source started from.
    public let seed: UInt64

    /// Creates a source that replays the sequence for `seed`.
    ///
    /// - Parameter seed: Any 64-bit value; equal seeds give equal sequences.
    public init(seed: UInt64) {
        self.seed = seed
        self.state = Locked(seed)
    }

    /// Returns the next value of the SplitMix64 sequence.
    public func nextUInt64() -> UInt64 {
        state.withLock { state in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
