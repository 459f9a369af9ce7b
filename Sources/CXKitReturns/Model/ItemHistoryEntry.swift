import CXKitCore
import Foundation

/// One recorded transition of an item's acceptance, reception or disposition machine.
public struct ItemHistoryEntry: Hashable, Sendable, Codable {
    /// The item.
    public let item: ReturnItemID
    /// The unit position for dispositions; `nil` for item-level machines.
    public let unit: Int?
    /// The machine (`"itemAcceptance"`, `"itemReception"`, `"disposition"`).
    public let machine: String
    /// The state before.
    public let from: String
    /// The state after.
    public let to: String
    /// When.
    public let at: Date
    /// Who.
    public let actor: ActorReference
    /// Why, if a reason was given.
    public let reason: String?

    /// Records a step of any item machine.
    ///
    /// - Parameters:
    ///   - step: The step.
    ///   - item: The item.
    ///   - unit: The unit position, for dispositions.
    public init<State: LifecycleState>(_ step: LifecycleStep<State>, item: ReturnItemID, unit: Int? = nil) {
        self.item = item
        self.unit = unit
        self.machine = State.machineName
        self.from = step.from.rawValue
        self.to = step.to.rawValue
        self.at = step.at
        self.actor = step.actor
        self.reason = step.reason
    }
}
