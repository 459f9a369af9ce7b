import CXKitCore
import CXKitTesting
import Foundation

/// An order as the demo stores it: the fixture's order, indexed by customer and by
/// placement time.
struct DemoOrder: StoredRecord {
    static let recordType: RecordType = "demo.order"
    static let indexes: [RecordIndex<DemoOrder>] = [
        RecordIndex("byCustomer") {
            IndexKey(partition: .id($0.order.customer), sort: .date($0.order.placedAt))
        },
        RecordIndex("byTotal") { IndexKey(sort: .int($0.order.totalMinorUnits)) },
    ]

    let order: OrderFixture

    var recordID: Identifier { order.id.rawValue }
}

/// What the demo's order events carry.
struct OrderPlaced: Codable, Sendable {
    let order: OrderID
    let customer: CustomerID
    let totalMinorUnits: Int64
}

/// A sink that counts what it is handed and remembers event IDs, as a host's sink would
/// to deduplicate.
final class CountingSink: NotificationSink {
    let name = "demo.counting"
    private let state = Locked<(deliveries: Int, seen: Set<EventID>)>((0, []))

    func deliver(_ events: [EventEnvelope]) async throws {
        state.withLock { state in
            state.deliveries += events.count
            for event in events { state.seen.insert(event.id) }
        }
    }

    var counts: (deliveries: Int, unique: Int) { state.withLock { ($0.deliveries, $0.seen.count) } }
}
