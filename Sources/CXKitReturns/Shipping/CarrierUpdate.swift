import Foundation

/// A tracking update from a carrier, applied to the request whose label it refers to.
public struct CarrierUpdate: Hashable, Sendable, Codable {
    /// What the carrier reports.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// The parcel was handed to the carrier.
        case inTransit
        /// The parcel reached the warehouse.
        case delivered
        /// The carrier lost the parcel.
        case lost
    }

    /// The tracking number the update is about.
    public let trackingNumber: String
    /// What happened.
    public let status: Status
    /// When the carrier says it happened.
    public let occurredAt: Date

    /// Creates an update.
    ///
    /// - Parameters:
    ///   - trackingNumber: The tracking number.
    ///   - status: What happened.
    ///   - occurredAt: When it happened.
    public init(trackingNumber: String, status: Status, occurredAt: Date) {
        self.trackingNumber = trackingNumber
        self.status = status
        self.occurredAt = occurredAt
    }
}
