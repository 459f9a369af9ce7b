import CXKitCore
import Foundation

/// The eligibility of an order's lines under its pinned policy, with the policy version
/// and fingerprint so a server can re-verify a client-side decision.
public struct EligibilityReport: Hashable, Sendable, Codable {
    /// The order.
    public let order: OrderID
    /// The policy version applied.
    public let policyVersion: Int
    /// The policy's fingerprint.
    public let policyFingerprint: String
    /// When it was evaluated.
    public let evaluatedAt: Date
    /// One verdict per line asked about, in order.
    public let lines: [EligibilityVerdict]

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - order: The order.
    ///   - policyVersion: The policy version.
    ///   - policyFingerprint: The policy's fingerprint.
    ///   - evaluatedAt: When it was evaluated.
    ///   - lines: The verdicts.
    public init(
        order: OrderID, policyVersion: Int, policyFingerprint: String, evaluatedAt: Date,
        lines: [EligibilityVerdict]
    ) {
        self.order = order
        self.policyVersion = policyVersion
        self.policyFingerprint = policyFingerprint
        self.evaluatedAt = evaluatedAt
        self.lines = lines
    }

    /// Whether any line can be returned.
    public var hasEligibleLine: Bool { lines.contains(where: \.isEligible) }

    /// The verdict for a line, if it was asked about.
    ///
    /// - Parameter line: The line.
    public func verdict(for line: OrderLineID) -> EligibilityVerdict? { lines.first { $0.line == line } }
}
