import CXKitCore
import Foundation

/// Whether one order line can be returned, in what quantity, until when and how — or every
/// reason it cannot.
public struct EligibilityVerdict: Hashable, Sendable, Codable {
    /// The line.
    public let line: OrderLineID
    /// The quantity asked about.
    public let requestedQuantity: Int
    /// Units still returnable: delivered minus already requested (zero when ineligible).
    public let returnableQuantity: Int
    /// The last instant a return may be submitted, when a window applies.
    public let eligibleUntil: Date?
    /// The window that applies (`"default"` or a window rule's name).
    public let windowName: String
    /// Every failed condition; empty when eligible.
    public let failures: [EligibilityFailure]
    /// The resolutions still open for the line (empty when ineligible).
    public let openResolutions: [ReturnResolution]

    /// Creates a verdict.
    ///
    /// - Parameters:
    ///   - line: The line.
    ///   - requestedQuantity: The quantity asked about.
    ///   - returnableQuantity: Units still returnable.
    ///   - eligibleUntil: The window's end, if any.
    ///   - windowName: The window applied.
    ///   - failures: The failed conditions.
    ///   - openResolutions: The resolutions still open.
    public init(
        line: OrderLineID, requestedQuantity: Int, returnableQuantity: Int, eligibleUntil: Date?,
        windowName: String, failures: [EligibilityFailure], openResolutions: [ReturnResolution]
    ) {
        self.line = line
        self.requestedQuantity = requestedQuantity
        self.returnableQuantity = returnableQuantity
        self.eligibleUntil = eligibleUntil
        self.windowName = windowName
        self.failures = failures
        self.openResolutions = openResolutions
    }

    /// Whether the quantity asked about can be returned.
    public var isEligible: Bool { failures.isEmpty }
}
