/// Makes identifiers. Injected into every service so tests and simulations can seed them.
public protocol IdentifierSource: Sendable {
    /// Returns a new identifier, distinct from every identifier this source returned before.
    func nextIdentifier() -> Identifier
}

extension IdentifierSource {
    /// Returns a new typed identifier.
    ///
    /// ```swift
    /// let id: CustomerID = ids.make()
    /// ```
    public func make<ID: TypedIdentifier>(_ type: ID.Type = ID.self) -> ID {
        ID(rawValue: nextIdentifier())
    }
}

/// Makes version 7 (time-ordered) identifiers from a clock and a random source.
///
/// Identifiers from one source are strictly increasing even when the clock stands still or
/// steps back: a new identifier that would not sort after the previous one is replaced by
/// the previous one plus one. With a ``SeededRandomSource`` and a manual clock the sequence
/// is fully reproducible.
public final class TimeOrderedIdentifierSource: IdentifierSource {
    private let timestamps: any TimestampSource
    private let random: any RandomSource
    private let last: Locked<Identifier>

    /// Creates a source.
    ///
    /// - Parameters:
    ///   - timestamps: The clock whose milliseconds lead each identifier.
    ///   - random: Where the 74 random bits come from.
    public init(
        timestamps: any TimestampSource = SystemTimestampSource(),
        random: any RandomSource = SystemRandomSource()
    ) {
        self.timestamps = timestamps
        self.random = random
        self.last = Locked(.zero)
    }

    /// Returns the next identifier.
    public func nextIdentifier() -> Identifier {
        // The timestamp field holds 48 bits of milliseconds (until the year 10889); clamp
        // anything a misbehaving clock reports (negative, NaN, infinite, too far ahead).
        let milliseconds = timestamps.now().timeIntervalSince1970 * 1000
        let millis =
            milliseconds.isFinite && milliseconds > 0
            ? UInt64(min(milliseconds, Double(0xFFFF_FFFF_FFFF))) : 0
        let candidate = Identifier(
            milliseconds: millis, randomHigh: random.nextUInt64(), randomLow: random.nextUInt64())
        return last.withLock { last in
            var next = candidate
            if next <= last {
                let low = last.low &+ 1
                next = Identifier(high: low == 0 ? last.high &+ 1 : last.high, low: low)
            }
            last = next
            return next
        }
    }
}
