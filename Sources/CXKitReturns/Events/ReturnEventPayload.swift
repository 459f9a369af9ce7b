import CXKitCore

/// The body of every returns event: which request, which transition, why, and the amount
/// when money moved. Free of personal data (no names, notes or addresses).
///
/// A command that moves item machines emits **one** `returns.item.changed` event listing
/// every item transition it made in ``itemChanges`` (in order: acceptance, reception and
/// per-unit dispositions, each with its item, unit, machine, states, instant, actor and
/// reason). When the command made a single item transition, ``item``, ``machine``,
/// ``from``, ``to`` and ``reason`` also describe it, as they describe the transition of
/// every other event; with several, ``item`` and ``machine`` are kept when every
/// transition shares them.
public struct ReturnEventPayload: Hashable, Sendable, Codable {
    /// The request (absent for policy events).
    public let request: ReturnRequestID?
    /// Its RMA number (encoded in its printed form, `R-SWFWK-8DW8H`).
    public let rmaNumber: RMANumber?
    /// The order.
    public let order: OrderID?
    /// The customer.
    public let customer: CustomerID?
    /// The machine that moved (`"request"`, `"refund"`, `"itemAcceptance"` …); for an item
    /// event listing several transitions, `nil` unless they all moved the same machine.
    public let machine: String?
    /// The state before.
    public let from: String?
    /// The state after.
    public let to: String?
    /// The reason recorded, if any.
    public let reason: String?
    /// The item, for item events: the item every listed transition concerns (`nil` when
    /// they concern several items).
    public let item: ReturnItemID?
    /// The amount, when money moved.
    public let amount: Money?
    /// For notices: what the person should do or expect next (a stable code such as
    /// `"print-label"`, `"await-refund"`, `"review-request"`).
    public let nextStep: String?
    /// For `returns.item.changed`: every item transition of the command, in order; `nil`
    /// for other events.
    public let itemChanges: [ItemHistoryEntry]?

    /// Creates a payload.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - rmaNumber: Its RMA number.
    ///   - order: The order.
    ///   - customer: The customer.
    ///   - machine: The machine.
    ///   - from: The state before.
    ///   - to: The state after.
    ///   - reason: The reason.
    ///   - item: The item.
    ///   - amount: The amount.
    ///   - nextStep: The next step, for notices.
    ///   - itemChanges: The item transitions, for item events.
    public init(
        request: ReturnRequestID?, rmaNumber: RMANumber?, order: OrderID?, customer: CustomerID?,
        machine: String?,
        from: String?, to: String?, reason: String? = nil, item: ReturnItemID? = nil, amount: Money? = nil,
        nextStep: String? = nil, itemChanges: [ItemHistoryEntry]? = nil
    ) {
        self.request = request
        self.rmaNumber = rmaNumber
        self.order = order
        self.customer = customer
        self.machine = machine
        self.from = from
        self.to = to
        self.reason = reason
        self.item = item
        self.amount = amount
        self.nextStep = nextStep
        self.itemChanges = itemChanges
    }
}
