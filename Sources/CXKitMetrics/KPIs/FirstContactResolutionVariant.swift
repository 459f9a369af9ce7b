/// Which definition of first contact resolution a tenant reports. The denominator is always
/// *resolved* contacts, never created ones.
public enum FirstContactResolutionVariant: Hashable, Sendable, Codable {
    /// Resolved with no further customer message after the first agent reply, any number of
    /// agent replies (Freshworks).
    case noFurtherCustomerMessage
    /// Solved with fewer than two public agent replies; a customer reply followed by a
    /// re-solve disqualifies (Zendesk one-touch).
    case oneTouch
    /// Closed with exactly one agent reply (Zoho).
    case singleAgentReply
    /// No repeat contact from the customer within `days` days of resolution.
    case noRepeatContact(days: Int)

    /// The variant's stable name (`"fcr.oneTouch"`, `"fcr.noRepeatContact.7d"`).
    public var name: String {
        switch self {
        case .noFurtherCustomerMessage: "fcr.noFurtherMessage"
        case .oneTouch: "fcr.oneTouch"
        case .singleAgentReply: "fcr.singleAgentReply"
        case .noRepeatContact(let days): "fcr.noRepeatContact.\(days)d"
        }
    }
}
