/// A command to the item reception state machine.
public enum ItemReceptionCommand: Hashable, Sendable {
    /// The item arrived.
    case receive
    /// The carrier reports it lost.
    case markLost
    /// Another item arrived instead.
    case markWrongItem
    /// Fewer units arrived than announced.
    case markShortShipped

    /// The state the command asks for.
    public var requestedState: ItemReceptionState {
        switch self {
        case .receive: .received
        case .markLost: .lost
        case .markWrongItem: .wrongItem
        case .markShortShipped: .shortShipped
        }
    }
}
