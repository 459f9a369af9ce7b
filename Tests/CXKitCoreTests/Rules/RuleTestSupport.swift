import CXKitCore
import Foundation
import Testing

/// Shared fixtures for the rule tests.
enum RuleFixtures {
    static func makeSchema() throws -> RuleSchema {
        try RuleSchema([
            AttributeDescriptor("customer.country", type: .string, displayName: "Country"),
            AttributeDescriptor("customer.tags", type: .list(.string), displayName: "Tags"),
            AttributeDescriptor("customer.orders", type: .integer, displayName: "Order count"),
            AttributeDescriptor("customer.vip", type: .boolean, displayName: "VIP"),
            AttributeDescriptor("customer.score", type: .number, displayName: "Average score"),
            AttributeDescriptor("customer.email", type: .string),
            AttributeDescriptor("order.total", type: .money, displayName: "Order total"),
            AttributeDescriptor("order.delivered_at", type: .date, displayName: "Delivery date"),
            AttributeDescriptor("ticket.age", type: .duration, displayName: "Ticket age"),
        ])
    }

    /// 2026-04-11T00:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_775_865_600)

    static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text) ?? Date(timeIntervalSince1970: 0)
    }

    static func lira(_ minorUnits: Int64) -> RuleValue {
        .money(Money(minorUnits: minorUnits, currency: .turkishLira))
    }

    static func expectError(
        _ code: ErrorCode = .validationFailed, field: String, _ body: () throws -> some Any,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try body()
            Issue.record("expected \(code) on \(field)", sourceLocation: sourceLocation)
        } catch let error as CoreError {
            #expect(error.code == code, sourceLocation: sourceLocation)
            #expect(error.field == field, "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }
}
