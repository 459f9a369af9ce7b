import CXKitCore
import Foundation

/// A published version of the tenant's return policy. Versions are never changed; the
/// highest is in force for new orders.
public struct ReturnPolicyRecord: StoredRecord, Hashable {
    /// `"returns.policy"`.
    public static let recordType: RecordType = "returns.policy"

    /// The version.
    public let version: Int
    /// The definition.
    public let definition: ReturnPolicyDefinition
    /// Its fingerprint.
    public let fingerprint: String
    /// When it was published.
    public let publishedAt: Date
    /// Who published it.
    public let publishedBy: ActorReference

    /// The record's identity, derived from the version.
    public var recordID: Identifier { Self.identifier(version: version) }

    static func identifier(version: Int) -> Identifier {
        Identifier(high: 0x5245_5450_4F4C_0000, low: UInt64(max(version, 0)))
    }
}
