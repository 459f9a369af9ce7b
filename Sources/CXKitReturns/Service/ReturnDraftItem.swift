import CXKitCore

/// One item of a return the customer (or an agent) is asking for.
public struct ReturnDraftItem: Hashable, Sendable, Codable {
    /// The order line.
    public var line: OrderLineID
    /// Units to return.
    public var quantity: Int
    /// A leaf reason code from the taxonomy.
    public var reason: String
    /// An optional free-text note.
    public var note: String?
    /// Evidence references (photo IDs the host stores).
    public var evidence: [String]
    /// The replacement wanted, for exchanges.
    public var exchange: ExchangeChoice?

    /// Creates an item.
    ///
    /// - Parameters:
    ///   - line: The order line.
    ///   - quantity: Units to return.
    ///   - reason: A leaf reason code.
    ///   - note: An optional note.
    ///   - evidence: Evidence references.
    ///   - exchange: The replacement wanted, for exchanges.
    public init(
        line: OrderLineID, quantity: Int, reason: String, note: String? = nil, evidence: [String] = [],
        exchange: ExchangeChoice? = nil
    ) {
        self.line = line
        self.quantity = quantity
        self.reason = reason
        self.note = note
        self.evidence = evidence
        self.exchange = exchange
    }
}
