/// A command to the disposition state machine.
public enum DispositionCommand: String, Hashable, Sendable, Codable, CaseIterable {
    /// Put the unit back on sale.
    case restock
    /// Set the unit apart.
    case quarantine
    /// Destroy or recycle the unit.
    case scrap
    /// Let the customer keep the unit.
    case keep
    /// Send the unit back to the supplier.
    case returnToVendor

    /// The state the command asks for.
    public var requestedState: DispositionState {
        switch self {
        case .restock: .restocked
        case .quarantine: .quarantined
        case .scrap: .scrapped
        case .keep: .kept
        case .returnToVendor: .returnedToVendor
        }
    }
}
