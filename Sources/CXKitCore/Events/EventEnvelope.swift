import Foundation

/// The name of a kind of domain event, dot-separated from module to fact:
/// `"returns.request.approved"`, `"crm.ticket.solved"`.
public struct EventKind: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The kind's stable name.
    public let rawValue: String

    /// Creates a kind from its name.
    ///
    /// - Parameter rawValue: The dot-separated name.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Creates a kind from a literal.
    ///
    /// - Parameter value: The dot-separated name.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The kind's name.
    public var description: String { rawValue }

    /// Orders kinds by name.
    public static func < (lhs: EventKind, rhs: EventKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether this kind equals `prefix` or lies below it in the dot hierarchy:
    /// `"returns.request.approved"` matches `"returns"` and `"returns.request"`, not `"ret"`.
    ///
    /// - Parameter prefix: A kind or a dot-separated prefix of one.
    public func belongs(to prefix: EventKind) -> Bool {
        guard rawValue.hasPrefix(prefix.rawValue) else { return false }
        if rawValue.utf8.count == prefix.rawValue.utf8.count { return true }
        let index = rawValue.utf8.index(rawValue.utf8.startIndex, offsetBy: prefix.rawValue.utf8.count)
        return rawValue.utf8[index] == UInt8(ascii: ".")
    }

    /// Decodes the name from a string.
    ///
    /// - Throws: `DecodingError` when the value is not a string.
    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the name as a string.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The aggregate an event is about: events of one aggregate are delivered in commit order.
public struct AggregateReference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The aggregate's record type.
    public let type: RecordType
    /// The aggregate's identifier.
    public let id: Identifier

    /// Creates a reference.
    ///
    /// - Parameters:
    ///   - type: The aggregate's record type.
    ///   - id: The aggregate's identifier.
    public init(type: RecordType, id: Identifier) {
        self.type = type
        self.id = id
    }

    /// `type/id`.
    public var description: String { "\(type.name)/\(id.uuidString)" }
}

/// Who caused an event, without their roles (kept small and free of personal data).
public struct ActorReference: Hashable, Sendable, Codable {
    /// The actor's identity.
    public let id: Identifier
    /// The kind of actor.
    public let kind: Principal.Kind

    /// Creates a reference.
    ///
    /// - Parameters:
    ///   - id: The actor's identity.
    ///   - kind: The kind of actor.
    public init(id: Identifier, kind: Principal.Kind) {
        self.id = id
        self.kind = kind
    }

    /// The actor behind a principal.
    ///
    /// - Parameter principal: The acting principal.
    public init(_ principal: Principal) {
        self.init(id: principal.id, kind: principal.kind)
    }
}

/// A domain event as committed to the outbox and delivered to sinks.
///
/// Each event has a stable ``id``: deliveries are at least once, so consumers deduplicate
/// on it.
public struct EventEnvelope: Sendable, Identifiable, Codable {
    /// The event's stable identity; duplicates of a delivery carry the same one.
    public let id: EventID
    /// The tenant the event belongs to.
    public let tenant: TenantID
    /// What happened.
    public let kind: EventKind
    /// The aggregate it happened to; delivery order is kept per aggregate.
    public let aggregate: AggregateReference
    /// When it happened, by the injected clock.
    public let occurredAt: Date
    /// Who caused it, if anyone.
    public let actor: ActorReference?
    /// The event's body, usually a module's event enum or struct.
    public let payload: Payload

    /// Creates an event.
    ///
    /// - Parameters:
    ///   - id: The event's identity.
    ///   - tenant: Its tenant.
    ///   - kind: What happened.
    ///   - aggregate: The aggregate it happened to.
    ///   - occurredAt: When it happened.
    ///   - actor: Who caused it.
    ///   - payload: Its body.
    public init(
        id: EventID, tenant: TenantID, kind: EventKind, aggregate: AggregateReference,
        occurredAt: Date, actor: ActorReference?, payload: Payload
    ) {
        self.id = id
        self.tenant = tenant
        self.kind = kind
        self.aggregate = aggregate
        self.occurredAt = occurredAt
        self.actor = actor
        self.payload = payload
    }
}
