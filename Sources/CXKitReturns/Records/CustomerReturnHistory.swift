import CXKitCore
import Foundation

/// A customer's recent orders and returns, for the serial-returner signal: order and
/// submission instants and settled values, each trimmed to the last 200 entries.
struct CustomerReturnHistory: StoredRecord, Hashable {
    static let recordType: RecordType = "returns.customerHistory"
    static let capacity = 200

    let customer: CustomerID
    var submissions: [Date] = []
    var settlements: [Settlement] = []
    var orders: [Date] = []

    struct Settlement: Hashable, Codable {
        var at: Date
        var minorUnits: Int64
    }

    var recordID: Identifier { customer.rawValue }

    func requests(since start: Date) -> Int { submissions.reduce(0) { $0 + ($1 >= start ? 1 : 0) } }

    func settledMinorUnits(since start: Date) -> Int64 {
        settlements.reduce(0) { $0 + ($1.at >= start ? $1.minorUnits : 0) }
    }

    func orders(since start: Date) -> Int { orders.reduce(0) { $0 + ($1 >= start ? 1 : 0) } }

    mutating func recordOrder(at date: Date) {
        orders.append(date)
        if orders.count > Self.capacity { orders.removeFirst(orders.count - Self.capacity) }
    }

    mutating func recordSubmission(at date: Date) {
        submissions.append(date)
        if submissions.count > Self.capacity { submissions.removeFirst(submissions.count - Self.capacity) }
    }

    mutating func recordSettlement(_ minorUnits: Int64, at date: Date) {
        settlements.append(Settlement(at: date, minorUnits: minorUnits))
        if settlements.count > Self.capacity { settlements.removeFirst(settlements.count - Self.capacity) }
    }
}
