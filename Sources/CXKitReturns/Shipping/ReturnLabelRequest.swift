import CXKitCore
import Foundation

/// What a ``ReturnShippingProvider`` needs to issue a label.
public struct ReturnLabelRequest: Hashable, Sendable, Codable {
    /// The tenant.
    public let tenant: TenantID
    /// The return request.
    public let request: ReturnRequestID
    /// Its RMA number (printed on the label).
    public let rmaNumber: RMANumber
    /// How many units the parcel holds.
    public let unitCount: Int
    /// Who pays the carrier.
    public let paidBy: ReturnShippingPayer
    /// When the label is issued.
    public let issuedAt: Date
    /// When the label must expire.
    public let expiresAt: Date

    /// Creates a label request.
    ///
    /// - Parameters:
    ///   - tenant: The tenant.
    ///   - request: The return request.
    ///   - rmaNumber: Its RMA number.
    ///   - unitCount: Units in the parcel.
    ///   - paidBy: Who pays the carrier.
    ///   - issuedAt: Issue instant.
    ///   - expiresAt: Expiry instant.
    public init(
        tenant: TenantID, request: ReturnRequestID, rmaNumber: RMANumber, unitCount: Int,
        paidBy: ReturnShippingPayer, issuedAt: Date, expiresAt: Date
    ) {
        self.tenant = tenant
        self.request = request
        self.rmaNumber = rmaNumber
        self.unitCount = unitCount
        self.paidBy = paidBy
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }
}
