/// One row of a return-rate report: a key's counts and rates over the report's months.
public struct ReturnRateRow: Hashable, Sendable, Codable {
    /// The key (`""` overall, a reason code, a category, a product identifier).
    public let key: String
    /// Return requests.
    public let requests: Int64
    /// Units requested for return.
    public let unitsReturned: Int64
    /// Units sold (for reasons: units sold overall).
    public let unitsSold: Int64
    /// Orders with a return (overall, category and product rows).
    public let ordersWithReturn: Int64
    /// Orders placed (for reasons: orders placed overall).
    public let ordersPlaced: Int64
    /// Money refunded, in minor units.
    public let refundedMinorUnits: Int64

    /// Creates a row.
    ///
    /// - Parameters:
    ///   - key: The key.
    ///   - requests: Requests.
    ///   - unitsReturned: Units returned.
    ///   - unitsSold: Units sold.
    ///   - ordersWithReturn: Orders with a return.
    ///   - ordersPlaced: Orders placed.
    ///   - refundedMinorUnits: Money refunded.
    public init(
        key: String, requests: Int64, unitsReturned: Int64, unitsSold: Int64, ordersWithReturn: Int64,
        ordersPlaced: Int64, refundedMinorUnits: Int64
    ) {
        self.key = key
        self.requests = requests
        self.unitsReturned = unitsReturned
        self.unitsSold = unitsSold
        self.ordersWithReturn = ordersWithReturn
        self.ordersPlaced = ordersPlaced
        self.refundedMinorUnits = refundedMinorUnits
    }

    /// Units returned ÷ units sold (0 when nothing was sold).
    public var unitReturnRate: Double { unitsSold == 0 ? 0 : Double(unitsReturned) / Double(unitsSold) }

    /// Orders with a return ÷ orders placed (0 when no order was placed). For reason rows
    /// this is requests with the reason ÷ orders placed.
    public var orderReturnRate: Double {
        ordersPlaced == 0
            ? 0 : Double(ordersWithReturn == 0 ? requests : ordersWithReturn) / Double(ordersPlaced)
    }
}
