import CXKitCore

/// Thrown by ``RecordingNotificationSink/assertNoLeftovers()`` when a test left delivered
/// events unread.
public struct LeftoverDeliveriesError: Error, Sendable, CustomStringConvertible {
    /// The unread events' IDs, in delivery order.
    public let eventIDs: [EventID]
    /// The unread events' kinds, parallel to ``eventIDs``.
    public let kinds: [EventKind]

    /// Creates the error.
    ///
    /// - Parameters:
    ///   - eventIDs: The unread events' IDs.
    ///   - kinds: Their kinds.
    public init(eventIDs: [EventID], kinds: [EventKind]) {
        self.eventIDs = eventIDs
        self.kinds = kinds
    }

    /// `N delivered events were not read: kind (id), …`.
    public var description: String {
        let listed = zip(kinds, eventIDs).prefix(10).map { "\($0.0) (\($0.1))" }.joined(separator: ", ")
        let more = eventIDs.count > 10 ? ", …" : ""
        return "\(eventIDs.count) delivered events were not read: \(listed)\(more)"
    }
}
