import CXKitCore

/// The event kinds CXKitReturns commits to the outbox: one per request or refund
/// transition, one per command for the item transitions it made, plus notifications for
/// people.
public enum ReturnEventKinds {
    /// A request was submitted.
    public static let submitted: EventKind = "returns.request.submitted"
    /// A request was approved (automatically or by an agent).
    public static let approved: EventKind = "returns.request.approved"
    /// A request was routed to manual review.
    public static let routedToReview: EventKind = "returns.request.needsReview"
    /// A request was rejected.
    public static let rejected: EventKind = "returns.request.rejected"
    /// A label was issued.
    public static let labelIssued: EventKind = "returns.request.labelIssued"
    /// The carrier has the parcel.
    public static let inTransit: EventKind = "returns.request.inTransit"
    /// The warehouse received the parcel.
    public static let received: EventKind = "returns.request.received"
    /// The items were inspected.
    public static let inspected: EventKind = "returns.request.inspected"
    /// The request was resolved by refund or credit.
    public static let refunded: EventKind = "returns.request.refunded"
    /// The request was resolved by exchange.
    public static let exchanged: EventKind = "returns.request.exchanged"
    /// The request was resolved without a shipment (keep-the-item).
    public static let resolved: EventKind = "returns.request.resolved"
    /// The request was closed.
    public static let closed: EventKind = "returns.request.closed"
    /// The request was cancelled.
    public static let cancelled: EventKind = "returns.request.cancelled"
    /// The request expired (label unused).
    public static let expired: EventKind = "returns.request.expired"
    /// The refund deadline passed.
    public static let overdue: EventKind = "returns.request.overdue"
    /// Item machines moved (acceptance, reception, disposition): one event per command,
    /// listing every item transition in ``ReturnEventPayload/itemChanges``.
    public static let itemChanged: EventKind = "returns.item.changed"
    /// A refund attempt succeeded, failed or was started.
    public static let refundChanged: EventKind = "returns.refund.changed"
    /// A policy version was published.
    public static let policyPublished: EventKind = "returns.policy.published"
    /// A notification for the customer (status change with next steps).
    public static let customerNotice: EventKind = "returns.notice.customer"
    /// A notification for staff (needs review, refund failed, overdue).
    public static let staffNotice: EventKind = "returns.notice.staff"
}
