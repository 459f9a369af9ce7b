extension Money {
    /// The largest number of parts ``split(evenlyInto:)`` produces.
    public static let maximumSplitParts = 1_000_000

    /// Splits `total` into parts proportional to integer weights, exactly; the same as
    /// `total.allocate(weights)`.
    ///
    /// - Parameters:
    ///   - total: The amount to split.
    ///   - weights: One non-negative weight per part; at least one must be positive.
    /// - Returns: One amount per weight, adding up to `total`.
    /// - Throws: See ``allocate(_:)``.
    public static func allocate(_ total: Money, by weights: [Int64]) throws -> [Money] {
        try total.allocate(weights)
    }

    /// Splits the amount into parts proportional to integer weights, exactly.
    ///
    /// Uses the largest-remainder method: each part first gets the floor of its exact share
    /// `total × weight ÷ Σweights` (computed in 128-bit integers, so nothing is rounded), then
    /// the minor units left over go one each to the parts with the largest remainders, ties
    /// going to the earlier index. Hence the parts always add up to the amount and each
    /// differs from its exact share by less than one minor unit. A negative amount is split
    /// by magnitude and each part negated, so `-10` over `[1, 1, 1]` gives `[-4, -3, -3]`.
    /// A zero weight always gets zero.
    ///
    /// - Parameter weights: One non-negative weight per part; at least one must be positive.
    /// - Returns: One amount per weight, in order, in this amount's currency.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"weights"` when the list is
    ///   empty or every weight is zero, and `"weights[i]"` when a weight is negative.
    public func allocate(_ weights: [Int64]) throws -> [Money] {
        guard !weights.isEmpty else {
            throw CoreError.validation(field: "weights", reason: "must not be empty")
        }
        var totalWeight: UInt128 = 0
        for (index, weight) in weights.enumerated() {
            guard weight >= 0 else {
                throw CoreError.validation(field: "weights[\(index)]", reason: "must not be negative")
            }
            totalWeight += UInt128(weight)
        }
        guard totalWeight > 0 else {
            throw CoreError.validation(field: "weights", reason: "must contain at least one positive weight")
        }
        return Money.largestRemainder(
            total: self, count: weights.count, totalWeight: totalWeight,
            weight: { UInt128(weights[$0]) })
    }

    /// Splits the amount in proportion to other amounts, e.g. an order discount or shipping
    /// fee over the order's line amounts.
    ///
    /// Same method and guarantees as ``allocate(_:)``; the amounts act as weights.
    ///
    /// - Parameter amounts: Non-negative amounts, in this amount's currency, at least one
    ///   positive.
    /// - Returns: One share per amount, in order.
    /// - Throws: ``CoreError`` `.currencyMismatch` (field `"amounts[i]"`) when an amount is in
    ///   another currency; `.validationFailed` with field `"amounts"` when the list is empty
    ///   or all zero, `"amounts[i]"` when one is negative.
    public func allocate(proportionalTo amounts: [Money]) throws -> [Money] {
        guard !amounts.isEmpty else {
            throw CoreError.validation(field: "amounts", reason: "must not be empty")
        }
        var totalWeight: UInt128 = 0
        for (index, amount) in amounts.enumerated() {
            guard amount.currency == currency else {
                throw CoreError(
                    code: .currencyMismatch, field: "amounts[\(index)]",
                    reason: "must be in \(currency.code), not \(amount.currency.code)")
            }
            guard amount.minorUnits >= 0 else {
                throw CoreError.validation(field: "amounts[\(index)]", reason: "must not be negative")
            }
            totalWeight += UInt128(amount.minorUnits)
        }
        guard totalWeight > 0 else {
            throw CoreError.validation(field: "amounts", reason: "must contain at least one positive amount")
        }
        return Money.largestRemainder(
            total: self, count: amounts.count, totalWeight: totalWeight,
            weight: { UInt128(amounts[$0].minorUnits) })
    }

    /// Prorates `total` (a discount, a shipping fee, a refund adjustment) over line amounts.
    ///
    /// - Parameters:
    ///   - total: The amount to distribute.
    ///   - amounts: The line amounts that set the proportions.
    /// - Returns: Each line's share; the shares add up to `total` exactly.
    /// - Throws: See ``allocate(proportionalTo:)``.
    public static func prorate(_ total: Money, over amounts: [Money]) throws -> [Money] {
        try total.allocate(proportionalTo: amounts)
    }

    /// Splits the amount into `parts` amounts that differ by at most one minor unit, the
    /// larger ones first (`10` into 3 gives `[4, 3, 3]`, `-10` gives `[-4, -3, -3]`).
    ///
    /// - Parameter parts: How many parts, from 1 to ``maximumSplitParts``.
    /// - Returns: The parts, adding up to the amount.
    /// - Throws: ``CoreError`` `.validationFailed` with field `"parts"` when `parts < 1`;
    ///   `.limitExceeded` with field `"parts"` above ``maximumSplitParts``.
    public func split(evenlyInto parts: Int) throws -> [Money] {
        guard parts >= 1 else {
            throw CoreError.validation(field: "parts", reason: "must be at least 1")
        }
        guard parts <= Money.maximumSplitParts else {
            throw CoreError.limit(field: "parts", reason: "must be at most \(Money.maximumSplitParts)")
        }
        let magnitude = minorUnits.magnitude
        let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: UInt64(parts))
        var result: [Money] = []
        result.reserveCapacity(parts)
        for index in 0..<parts {
            let part = quotient + (UInt64(index) < remainder ? 1 : 0)
            result.append(Money(minorUnits: Money.signed(part, negative: minorUnits < 0), currency: currency))
        }
        return result
    }

    /// The largest-remainder core shared by the allocation entry points. Its scratch space
    /// (each share's floor and remainder, and the order of the remainders) lives on the
    /// stack, so a call allocates only its result.
    private static func largestRemainder(
        total: Money, count: Int, totalWeight: UInt128, weight: (Int) -> UInt128
    ) -> [Money] {
        let magnitude = UInt128(total.minorUnits.magnitude)
        let negative = total.minorUnits < 0
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { floors in
            withUnsafeTemporaryAllocation(of: UInt128.self, capacity: count) { remainders in
                var assigned: UInt128 = 0
                for index in 0..<count {
                    // magnitude < 2^64 and weight < 2^63, so the product fits in 128 bits.
                    let (quotient, remainder) = (magnitude * weight(index)).quotientAndRemainder(
                        dividingBy: totalWeight)
                    floors.initializeElement(at: index, to: UInt64(quotient))
                    remainders.initializeElement(at: index, to: remainder)
                    assigned += quotient
                }
                let leftover = Int(magnitude - assigned)
                if leftover > 0 {
                    withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { buffer in
                        var order = buffer
                        for index in 0..<count { order.initializeElement(at: index, to: index) }
                        order.sort { (lhs: Int, rhs: Int) -> Bool in
                            let left = remainders[lhs]
                            let right = remainders[rhs]
                            return left != right ? left > right : lhs < rhs
                        }
                        for index in order.prefix(leftover) { floors[index] += 1 }
                    }
                }
                return floors.map {
                    Money(minorUnits: signed($0, negative: negative), currency: total.currency)
                }
            }
        }
    }

    /// `value` (at most the magnitude of an `Int64`) with the requested sign.
    private static func signed(_ value: UInt64, negative: Bool) -> Int64 {
        negative ? Int64(0) &- Int64(truncatingIfNeeded: value) : Int64(truncatingIfNeeded: value)
    }
}
