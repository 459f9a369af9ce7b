/// What the refund deadline counts from.
public enum RefundDeadlineStart: String, Hashable, Sendable, Codable, CaseIterable {
    /// The approval of the request.
    case approval
    /// The reception of the parcel.
    case reception
}
