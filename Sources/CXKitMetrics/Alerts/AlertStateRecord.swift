import CXKitCore

/// The stored state of one alert rule for a tenant.
public struct AlertStateRecord: StoredRecord, Hashable {
    /// `"metrics.alertState"`.
    public static let recordType: RecordType = "metrics.alertState"

    /// The rule's name.
    public let rule: String
    /// The rule's state.
    public var state: AlertState

    /// The record's identifier, derived from the rule's name.
    public var recordID: Identifier { Self.identifier(forRule: rule) }

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - rule: The rule's name.
    ///   - state: Its state.
    public init(rule: String, state: AlertState) {
        self.rule = rule
        self.state = state
    }

    /// The identifier of the state record of a rule.
    ///
    /// - Parameter rule: The rule's name.
    /// - Returns: A stable identifier.
    public static func identifier(forRule rule: String) -> Identifier {
        var high = StableHash(seed: 0xA54F_F53A_5F1D_36F1)
        var low = StableHash(seed: 0x510E_527F_ADE6_82D1)
        high.combine(rule)
        low.combine(rule)
        return Identifier(high: high.value, low: low.value)
    }
}
