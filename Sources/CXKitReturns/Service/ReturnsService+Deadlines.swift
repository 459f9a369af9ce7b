import CXKitCore
import Foundation

extension ReturnsService {
    /// Expires requests whose label (or approval) went unused past its validity, and emits
    /// an overdue event and a staff notice for every request whose refund deadline (in
    /// business days) has passed. Run it periodically; repeated runs report each request
    /// once.
    ///
    /// - Parameters:
    ///   - principal: The system or an administrator.
    ///   - limit: The most requests of each kind handled per call (1 … 1000).
    /// - Returns: What was expired and what became overdue.
    /// - Throws: ``ReturnsError``: `.permissionDenied`;
    ///   `.validationFailed` (field `limit`).
    public func sweepDeadlines(by principal: Principal, limit: Int = 100) async throws -> DeadlineSweepReport
    {
        try await boundary {
            guard (1...1000).contains(limit) else {
                throw ReturnsError.validation(field: "limit", reason: "must be between 1 and 1000")
            }
            try authorize(principal, ReturnsOperations.sweepDeadlines, owner: nil)
            let tenant = principal.tenant
            let now = clock.now()
            var expired: [ReturnRequestID] = []
            let expiring = try await store.query(
                RecordQuery<ReturnRequest>(
                    index: "byLabelExpiry", upperBound: .including(.date(now)), limit: limit),
                in: tenant)
            for candidate in expiring.records {
                var loaded = candidate
                let steps = try loaded.record.apply(.expire, at: now, by: principal)
                var order = try await loadOrder(loaded.record.order, in: tenant)
                releaseUnits(of: loaded.record, from: &order.record)
                try await releaseHolds(of: loaded.record, tenant: tenant)
                var transaction = StoreTransaction()
                transaction.update(loaded)
                transaction.update(order)
                appendSteps(steps, of: loaded.record, to: &transaction, tenant: tenant)
                transaction.append(
                    notice(customer: "request-expired", loaded.record, tenant: tenant, at: now))
                _ = try await store.commit(transaction, in: tenant)
                expired.append(loaded.record.id)
            }
            var overdue: [ReturnRequestID] = []
            let due = try await store.query(
                RecordQuery<ReturnRequest>(
                    index: "byRefundDue", upperBound: .excluding(.date(now)), limit: limit),
                in: tenant)
            for candidate in due.records {
                var loaded = candidate
                loaded.record.overdueReported = true
                var transaction = StoreTransaction()
                transaction.update(loaded)
                transaction.append(
                    event(
                        ReturnEventKinds.overdue, loaded.record, tenant: tenant, at: now,
                        actor: ActorReference(principal),
                        machine: ReturnRequestState.machineName, from: loaded.record.state.rawValue,
                        to: loaded.record.state.rawValue, reason: "refund deadline passed"))
                transaction.append(notice(staff: "refund-overdue", loaded.record, tenant: tenant, at: now))
                _ = try await store.commit(transaction, in: tenant)
                overdue.append(loaded.record.id)
            }
            return DeadlineSweepReport(expired: expired, overdue: overdue)
        }
    }

    /// Reads a request.
    ///
    /// - Parameters:
    ///   - id: The request.
    ///   - principal: Its customer or staff.
    /// - Returns: The request.
    /// - Throws: ``ReturnsError``: `.notFound`; `.permissionDenied` for
    ///   another customer's request.
    public func request(_ id: ReturnRequestID, by principal: Principal) async throws -> ReturnRequest {
        try await boundary {
            let loaded = try await loadRequest(id, in: principal.tenant)
            try authorize(principal, ReturnsOperations.read, owner: loaded.record.customer)
            return loaded.record
        }
    }

    /// Lists a customer's requests, newest first.
    ///
    /// - Parameters:
    ///   - customer: The customer.
    ///   - principal: The customer themselves or staff.
    ///   - limit: The page size (1 … 1000).
    /// - Returns: The requests.
    /// - Throws: ``ReturnsError``: `.permissionDenied`; `.validationFailed`
    ///   (field `limit`).
    public func requests(of customer: CustomerID, by principal: Principal, limit: Int = 50) async throws
        -> [ReturnRequest]
    {
        try await boundary {
            guard (1...1000).contains(limit) else {
                throw ReturnsError.validation(field: "limit", reason: "must be between 1 and 1000")
            }
            try authorize(principal, ReturnsOperations.read, owner: customer)
            let page = try await store.query(
                RecordQuery<ReturnRequest>(
                    index: "byCustomer", partition: [.identifier(customer.rawValue)], order: .descending,
                    limit: limit),
                in: principal.tenant)
            return page.records.map(\.record)
        }
    }
}
