/// What the warehouse found for one item of a parcel.
public struct ItemReceipt: Hashable, Sendable, Codable {
    /// The item.
    public var item: ReturnItemID
    /// Units that arrived (0 … the item's quantity); fewer than announced marks it short
    /// shipped, none marks it lost.
    public var receivedQuantity: Int
    /// Whether something else arrived in its place.
    public var isWrongItem: Bool

    /// Creates a receipt.
    ///
    /// - Parameters:
    ///   - item: The item.
    ///   - receivedQuantity: Units that arrived.
    ///   - isWrongItem: Whether another item arrived instead.
    public init(item: ReturnItemID, receivedQuantity: Int, isWrongItem: Bool = false) {
        self.item = item
        self.receivedQuantity = receivedQuantity
        self.isWrongItem = isWrongItem
    }
}
