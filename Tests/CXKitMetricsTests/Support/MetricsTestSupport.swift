import CXKitCore
import CXKitMetrics
import Foundation
import Testing

enum Fixtures {
    static var tenant: TenantID {
        get throws { try TenantID("acme") }
    }

    /// 2026-03-02T09:00:00Z, a Monday.
    static let monday = Date(timeIntervalSince1970: 1_772_442_000)

    static func day(_ offset: Int, hour: Double = 9) -> Date {
        Date(timeIntervalSince1970: 1_772_409_600 + Double(offset) * 86_400 + hour * 3_600)
    }

    static func dims(_ values: [DimensionKey: String]) -> DimensionSet {
        (try? DimensionSet(values)) ?? .empty
    }

    static func nps(_ score: Int, at time: Date = monday, _ values: [DimensionKey: String] = [:]) throws
        -> Observation
    {
        try Observation(
            kind: .netPromoterScore, value: .score(score, scale: .netPromoter), time: time, tenant: tenant,
            dimensions: DimensionSet(values))
    }
}

/// Asserts that `body` throws a ``CXKitError`` with the given code and field.
func expectError(
    _ code: ErrorCode, field: String?, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected \(code) [\(field ?? "-")], nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as any CXKitError {
        #expect(error.code == code, sourceLocation: sourceLocation)
        #expect(error.field == field, sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
}

/// Asserts that `body` throws a ``CXKitError`` with the given code and field (async).
func expectError(
    _ code: ErrorCode, field: String?, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async {
    do {
        try await body()
        Issue.record("expected \(code) [\(field ?? "-")], nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as any CXKitError {
        #expect(error.code == code, sourceLocation: sourceLocation)
        #expect(error.field == field, sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
}
