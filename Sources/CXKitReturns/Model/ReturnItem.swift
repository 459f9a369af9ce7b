import CXKitCore

/// One item of a return request: a line, a quantity and a reason, with its acceptance,
/// reception and per-unit disposition states.
public struct ReturnItem: Hashable, Sendable, Codable {
    /// The item's identity.
    public let id: ReturnItemID
    /// The order line.
    public let line: OrderLineID
    /// The line's position in the order.
    public let lineIndex: Int
    /// Units returned.
    public let quantity: Int
    /// The leaf reason code.
    public let reason: String
    /// The customer's note, if any.
    public let note: String?
    /// Evidence references (photo IDs the host stores).
    public let evidence: [String]
    /// Whether the item is accepted for return.
    public var acceptance: ItemAcceptanceState
    /// Whether it arrived.
    public var reception: ItemReceptionState
    /// Units that arrived.
    public var receivedQuantity: Int
    /// Required conditions found failed at inspection.
    public var failedConditions: [ItemCondition]
    /// What happened to each unit (one entry per unit, in unit order).
    public var dispositions: [DispositionState]
    /// The replacement for an exchange, if any.
    public var exchange: ExchangeChoice?

    /// Creates an item in its initial states.
    ///
    /// - Parameters:
    ///   - id: The item's identity.
    ///   - line: The order line.
    ///   - lineIndex: The line's position.
    ///   - quantity: Units returned.
    ///   - reason: The leaf reason code.
    ///   - note: The note.
    ///   - evidence: Evidence references.
    ///   - exchange: The replacement, if any.
    public init(
        id: ReturnItemID, line: OrderLineID, lineIndex: Int, quantity: Int, reason: String, note: String?,
        evidence: [String], exchange: ExchangeChoice? = nil
    ) {
        self.id = id
        self.line = line
        self.lineIndex = lineIndex
        self.quantity = quantity
        self.reason = reason
        self.note = note
        self.evidence = evidence
        self.acceptance = .pending
        self.reception = .awaiting
        self.receivedQuantity = 0
        self.failedConditions = []
        self.dispositions = Array(repeating: .pending, count: quantity)
        self.exchange = exchange
    }

    /// Units announced but not received yet (zero once the item is `received`).
    public var outstandingQuantity: Int {
        reception == .received ? 0 : max(0, quantity - receivedQuantity)
    }
}
