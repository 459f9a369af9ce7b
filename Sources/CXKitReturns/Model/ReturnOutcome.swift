import CXKitCore

/// How a resolved return ended, money-wise.
public struct ReturnOutcome: Hashable, Sendable, Codable {
    /// The resolution applied.
    public let resolution: ReturnResolution
    /// What was refunded or credited.
    public let refunded: Money
    /// What the replacements of an exchange are worth.
    public let replacementValue: Money
    /// What the customer still owes for a more expensive replacement.
    public let amountDue: Money

    /// Creates an outcome.
    ///
    /// - Parameters:
    ///   - resolution: The resolution applied.
    ///   - refunded: Refunded or credited amount.
    ///   - replacementValue: Value of replacements.
    ///   - amountDue: What the customer owes.
    public init(resolution: ReturnResolution, refunded: Money, replacementValue: Money, amountDue: Money) {
        self.resolution = resolution
        self.refunded = refunded
        self.replacementValue = replacementValue
        self.amountDue = amountDue
    }
}
