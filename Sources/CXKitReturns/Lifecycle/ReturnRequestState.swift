/// Where a return request (an RMA) stands.
///
/// ```
/// draft → submitted → approved | needsReview → approved / rejected
/// approved → labelIssued → inTransit → received → inspected → resolved → closed
/// cancelled (customer before shipping; staff until the parcel arrives)
/// expired (label unused in time)
/// ```
public enum ReturnRequestState: String, LifecycleState {
    /// Being composed; nothing has been asked yet.
    case draft
    /// Sent by the customer (or support on their behalf), awaiting the policy decision.
    case submitted
    /// Routed to an agent by an auto-approval rule (high value, serial returner …).
    case needsReview
    /// Accepted; the customer may send the items back.
    case approved
    /// Refused; final.
    case rejected
    /// A return label or QR code was issued.
    case labelIssued
    /// The carrier has the parcel.
    case inTransit
    /// The warehouse has the parcel.
    case received
    /// Every item was inspected and given a condition.
    case inspected
    /// Refunded, exchanged, credited or kept; the money side is settled.
    case resolved
    /// Nothing more will happen; final.
    case closed
    /// Withdrawn by the customer or staff; final.
    case cancelled
    /// The label was not used in time; final.
    case expired

    /// `"request"`.
    public static var machineName: String { "request" }

    /// Whether no command leaves this state (rejected, closed, cancelled, expired).
    public var isTerminal: Bool {
        switch self {
        case .rejected, .closed, .cancelled, .expired: true
        default: false
        }
    }

    /// Whether a customer may still cancel the request themselves (nothing has shipped).
    public var isCancellableByCustomer: Bool {
        switch self {
        case .draft, .submitted, .needsReview, .approved, .labelIssued: true
        default: false
        }
    }

    /// Whether staff may still cancel the request (the parcel has not arrived).
    public var isCancellableByStaff: Bool { isCancellableByCustomer || self == .inTransit }
}
