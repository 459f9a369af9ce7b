import CXKitCore
import Foundation

/// A return label (or box-free QR code) issued by a ``ReturnShippingProvider``.
public struct ReturnLabel: Hashable, Sendable, Codable {
    /// The carrier's name (`"in-memory"`, `"ups"` …).
    public let carrier: String
    /// The carrier's tracking number; carrier events refer to it.
    public let trackingNumber: String
    /// The return code shown as a QR code at drop-off.
    public let returnCode: String
    /// Where the host stores the printable label (an opaque reference, e.g. a file ID).
    public let labelReference: String?
    /// When it was issued.
    public let issuedAt: Date
    /// When it stops being valid; an unused label then expires the request.
    public let expiresAt: Date

    /// Creates a label.
    ///
    /// - Parameters:
    ///   - carrier: The carrier's name.
    ///   - trackingNumber: The tracking number.
    ///   - returnCode: The QR return code.
    ///   - labelReference: The printable label's reference, if any.
    ///   - issuedAt: When it was issued.
    ///   - expiresAt: When it stops being valid.
    public init(
        carrier: String, trackingNumber: String, returnCode: String, labelReference: String?, issuedAt: Date,
        expiresAt: Date
    ) {
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.returnCode = returnCode
        self.labelReference = labelReference
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }
}
