/// What inspection found for one received item, and what to do with its units.
public struct ItemInspection: Hashable, Sendable, Codable {
    /// The item.
    public var item: ReturnItemID
    /// Required conditions the item fails.
    public var failedConditions: [ItemCondition]
    /// What to do with its received units; by default resellable units are restocked and
    /// the others quarantined.
    public var disposition: DispositionCommand?

    /// Creates an inspection.
    ///
    /// - Parameters:
    ///   - item: The item.
    ///   - failedConditions: Conditions it fails.
    ///   - disposition: What to do with its units.
    public init(
        item: ReturnItemID, failedConditions: [ItemCondition] = [], disposition: DispositionCommand? = nil
    ) {
        self.item = item
        self.failedConditions = failedConditions
        self.disposition = disposition
    }
}
