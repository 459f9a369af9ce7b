/// What happens to a returned unit after inspection.
///
/// `pending → restocked | quarantined | scrapped | kept | returnedToVendor`;
/// `quarantined → restocked | scrapped | returnedToVendor`.
public enum DispositionState: String, LifecycleState {
    /// Not decided yet.
    case pending
    /// Back on sale through the inventory port; final.
    case restocked
    /// Set apart for repair or a second look.
    case quarantined
    /// Destroyed or recycled; final.
    case scrapped
    /// The customer keeps it (keep-the-item resolution); final.
    case kept
    /// Sent back to the supplier; final.
    case returnedToVendor

    /// `"disposition"`.
    public static var machineName: String { "disposition" }

    /// Whether no command leaves this state.
    public var isTerminal: Bool { self != .pending && self != .quarantined }

    /// `allCases`, built once: rollups count dispositions by position in it.
    static let slots: [DispositionState] = Array(allCases)
}
