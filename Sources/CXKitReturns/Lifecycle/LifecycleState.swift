import CXKitCore

/// A state of one of the returns state machines (request, item acceptance, item
/// reception, disposition, refund).
///
/// States are stable strings so they survive storage and appear verbatim in errors and
/// events.
public protocol LifecycleState: RawRepresentable<String>, Hashable, Sendable, Codable, CaseIterable {
    /// The machine's stable name, used in errors (`"request"`, `"refund"` …).
    static var machineName: String { get }
    /// Whether no command leaves this state.
    var isTerminal: Bool { get }
}
