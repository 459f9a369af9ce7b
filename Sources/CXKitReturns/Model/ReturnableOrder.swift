import CXKitCore
import Foundation

/// An order as the returns module sees it: the host records it (at purchase or on the
/// first return) and the policy version in force is pinned to it.
///
/// The amount paid is `Σ(unitPrice × quantity − lineDiscount) − orderDiscount + Σtax +
/// shipping + shippingTax`; refunds are computed from exactly these figures.
public struct ReturnableOrder: Hashable, Sendable, Codable {
    /// The order's identity.
    public let id: OrderID
    /// The customer who placed it.
    public let customer: CustomerID
    /// The currency every amount is in.
    public let currency: CurrencyCode
    /// When it was placed (paid).
    public let placedAt: Date
    /// When it was delivered, if known.
    public var deliveredAt: Date?
    /// The lines.
    public let lines: [ReturnableOrderLine]
    /// The order-level discount (a positive amount), prorated over lines.
    public let orderDiscount: Money
    /// The outbound shipping charged.
    public let shipping: Money
    /// The tax on shipping.
    public let shippingTax: Money

    /// The largest number of lines an order may have.
    public static let maximumLines = 500
    /// The largest quantity a line may have.
    public static let maximumQuantity = 10_000

    /// Creates an order.
    ///
    /// - Parameters:
    ///   - id: The order's identity.
    ///   - customer: The customer.
    ///   - currency: The currency.
    ///   - placedAt: When it was placed.
    ///   - deliveredAt: When it was delivered, if known.
    ///   - lines: The lines.
    ///   - orderDiscount: The order-level discount; defaults to zero.
    ///   - shipping: The shipping charged; defaults to zero.
    ///   - shippingTax: The tax on shipping; defaults to zero.
    public init(
        id: OrderID, customer: CustomerID, currency: CurrencyCode, placedAt: Date, deliveredAt: Date?,
        lines: [ReturnableOrderLine], orderDiscount: Money? = nil, shipping: Money? = nil,
        shippingTax: Money? = nil
    ) {
        self.id = id
        self.customer = customer
        self.currency = currency
        self.placedAt = placedAt
        self.deliveredAt = deliveredAt
        self.lines = lines
        self.orderDiscount = orderDiscount ?? .zero(currency)
        self.shipping = shipping ?? .zero(currency)
        self.shippingTax = shippingTax ?? .zero(currency)
    }

    /// The line with this identity, with its position.
    ///
    /// - Parameter line: The line's identity.
    /// - Returns: Its position, or `nil`.
    public func index(of line: OrderLineID) -> Int? { lines.firstIndex { $0.id == line } }

    /// Checks the order's figures.
    ///
    /// - Throws: ``ReturnsError`` with `.currencyMismatch` naming the amount in
    ///   another currency; `.validationFailed` naming `lines`, `lines[i].quantity`,
    ///   `lines[i].deliveredQuantity`, `lines[i].lineDiscount`, `lines[i].id`, `orderDiscount`
    ///   and so on for negative, inconsistent or duplicate values; `.limitExceeded`
    ///   for too many lines or units.
    public func validate() throws(ReturnsError) {
        guard !lines.isEmpty else {
            throw ReturnsError.validation(field: "lines", reason: "must not be empty")
        }
        guard lines.count <= Self.maximumLines else {
            throw ReturnsError.limit(field: "lines", reason: "at most \(Self.maximumLines) lines")
        }
        try check(orderDiscount, field: "orderDiscount")
        try check(shipping, field: "shipping")
        try check(shippingTax, field: "shippingTax")
        if let deliveredAt, deliveredAt < placedAt {
            throw ReturnsError.validation(field: "deliveredAt", reason: "must not be before placedAt")
        }
        var seen: Set<OrderLineID> = []
        var net: Int64 = 0
        for (i, line) in lines.enumerated() {
            guard seen.insert(line.id).inserted else {
                throw ReturnsError.validation(field: "lines[\(i)].id", reason: "duplicates another line")
            }
            guard line.quantity >= 1 else {
                throw ReturnsError.validation(field: "lines[\(i)].quantity", reason: "must be at least 1")
            }
            guard line.quantity <= Self.maximumQuantity else {
                throw ReturnsError.limit(
                    field: "lines[\(i)].quantity", reason: "at most \(Self.maximumQuantity)")
            }
            guard (0...line.quantity).contains(line.deliveredQuantity) else {
                throw ReturnsError.validation(
                    field: "lines[\(i)].deliveredQuantity", reason: "must be between 0 and the quantity")
            }
            try check(line.unitPrice, field: "lines[\(i)].unitPrice")
            try check(line.lineDiscount, field: "lines[\(i)].lineDiscount")
            try check(line.tax, field: "lines[\(i)].tax")
            let (gross, overflow) = line.unitPrice.minorUnits.multipliedReportingOverflow(
                by: Int64(line.quantity))
            guard !overflow, gross <= Int64.max / 4 else {
                throw ReturnsError.limit(
                    field: "lines[\(i)].unitPrice", reason: "the line total is too large")
            }
            guard line.lineDiscount.minorUnits <= gross else {
                throw ReturnsError.validation(
                    field: "lines[\(i)].lineDiscount", reason: "must not exceed the line's price")
            }
            net += gross - line.lineDiscount.minorUnits
            guard net <= Int64.max / 4 else {
                throw ReturnsError.limit(field: "lines", reason: "the order total is too large")
            }
        }
        guard orderDiscount.minorUnits <= net else {
            throw ReturnsError.validation(
                field: "orderDiscount", reason: "must not exceed the lines' net total")
        }
    }

    private func check(_ amount: Money, field: @autoclosure () -> String) throws(ReturnsError) {
        guard amount.currency == currency else {
            throw ReturnsError(
                code: .currencyMismatch, field: field(),
                reason: "must be in the order's currency \(currency.code)")
        }
        guard amount.minorUnits >= 0, amount.minorUnits <= Int64.max / 4 else {
            throw ReturnsError.validation(field: field(), reason: "must not be negative")
        }
    }
}
