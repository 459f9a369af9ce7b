/// Whether one returned item has arrived at the warehouse.
///
/// From `awaiting` to any other state; `lost`, `wrongItem` and `shortShipped` may still
/// become `received` (or, when only part arrives, `shortShipped`) when the right goods turn
/// up — a short-shipped item stays open for a later reception of its remaining units.
public enum ItemReceptionState: String, LifecycleState {
    /// Not arrived yet.
    case awaiting
    /// Arrived as announced; final.
    case received
    /// The carrier lost it.
    case lost
    /// Something else arrived in its place.
    case wrongItem
    /// Fewer units arrived than announced; the rest may still arrive.
    case shortShipped

    /// `"itemReception"`.
    public static var machineName: String { "itemReception" }

    /// Whether no command leaves this state.
    public var isTerminal: Bool { self == .received }
}
