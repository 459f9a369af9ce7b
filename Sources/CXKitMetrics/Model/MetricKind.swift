import CXKitCore

/// Names a metric and fixes what its observations carry: `nps` takes scores,
/// `firstResponseTime` durations, `firstContactResolution.noFurtherMessage` outcomes.
///
/// The built-in kinds below cover the KPIs of ``KPI``; hosts add their own with
/// ``init(_:measure:)``. A kind's name is its stable identity in stored rollups.
public struct MetricKind: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The stable name (`"nps"`, `"sla.firstReply"`).
    public let name: String
    /// What observations of this kind carry.
    public let measure: MetricMeasure

    /// The longest name a kind may have.
    public static let maximumNameLength = 64

    /// Creates a kind after validating its name.
    ///
    /// - Parameters:
    ///   - name: 1 to 64 characters from `a–z A–Z 0–9 . _ -`.
    ///   - measure: What its observations carry.
    /// - Throws: ``MetricsError`` with `ErrorCode.validationFailed` naming `kind`
    ///   when the name is empty, too long or holds other characters.
    public init(_ name: String, measure: MetricMeasure) throws(MetricsError) {
        guard !name.isEmpty, name.utf8.count <= Self.maximumNameLength else {
            throw .validation(field: "kind", reason: "must be 1 to \(Self.maximumNameLength) characters")
        }
        guard name.utf8.allSatisfy(MetricName.isAllowed) else {
            throw .validation(field: "kind", reason: "may only contain A-Z, a-z, 0-9, '.', '_' and '-'")
        }
        self.name = name
        self.measure = measure
    }

    private init(builtIn name: String, _ measure: MetricMeasure) {
        self.name = name
        self.measure = measure
    }

    /// The score family a built-in score kind requires (`nps` needs the NPS scale), `nil`
    /// for kinds that accept any scale.
    public var requiredScoreMetric: ScoreScale.Metric? {
        switch name {
        case Self.netPromoterScore.name: .netPromoter
        case Self.customerSatisfaction.name: .satisfaction
        case Self.customerEffort.name: .effort
        default: nil
        }
    }

    /// The kind's name.
    public var description: String { name }

    /// Orders kinds by name.
    ///
    /// - Parameters:
    ///   - lhs: A kind.
    ///   - rhs: Another kind.
    /// - Returns: Whether `lhs` sorts first.
    public static func < (lhs: MetricKind, rhs: MetricKind) -> Bool {
        (lhs.name, lhs.measure.rawValue) < (rhs.name, rhs.measure.rawValue)
    }

    private enum CodingKeys: String, CodingKey { case name, measure }

    /// Decodes and validates a kind.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the name is invalid.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        let measure = try container.decode(MetricMeasure.self, forKey: .measure)
        do {
            try self.init(name, measure: measure)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .name, in: container, debugDescription: error.description)
        }
    }

    /// Encodes the name and measure.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(measure, forKey: .measure)
    }

    // MARK: - Built-in kinds

    /// Net Promoter Score answers (scores on the 0–10 NPS scale).
    public static let netPromoterScore = MetricKind(builtIn: "nps", .score)
    /// Customer satisfaction answers (1–5 or 1–10).
    public static let customerSatisfaction = MetricKind(builtIn: "csat", .score)
    /// Customer effort answers (1–5 or 1–7, agreement with "made it easy").
    public static let customerEffort = MetricKind(builtIn: "ces", .score)
    /// Whether a resolved ticket had no further customer message after the first agent reply
    /// (Freshworks FCR).
    public static let firstContactResolutionNoFurtherMessage = MetricKind(
        builtIn: "fcr.noFurtherMessage", .outcome)
    /// Whether a solved ticket was one-touch: fewer than two public agent replies and never
    /// re-solved after a customer reply (Zendesk FCR).
    public static let firstContactResolutionOneTouch = MetricKind(builtIn: "fcr.oneTouch", .outcome)
    /// Whether a resolved contact had no repeat contact within the tenant's window (N days).
    public static let firstContactResolutionNoRepeatContact = MetricKind(
        builtIn: "fcr.noRepeatContact", .outcome)
    /// Time from creation (or bot hand-off) to the first public agent reply.
    public static let firstResponseTime = MetricKind(builtIn: "firstResponseTime", .duration)
    /// First response time counted in business hours.
    public static let firstResponseBusinessTime = MetricKind(builtIn: "firstResponseTime.business", .duration)
    /// Time from each customer message to the agent reply that answers it.
    public static let nextReplyTime = MetricKind(builtIn: "nextReplyTime", .duration)
    /// Next reply time counted in business hours.
    public static let nextReplyBusinessTime = MetricKind(builtIn: "nextReplyTime.business", .duration)
    /// Time from creation to the first time the ticket was solved.
    public static let firstResolutionTime = MetricKind(builtIn: "firstResolutionTime", .duration)
    /// First resolution time counted in business hours.
    public static let firstResolutionBusinessTime = MetricKind(
        builtIn: "firstResolutionTime.business", .duration)
    /// Time from creation to the latest time the ticket was solved.
    public static let fullResolutionTime = MetricKind(builtIn: "fullResolutionTime", .duration)
    /// Full resolution time counted in business hours.
    public static let fullResolutionBusinessTime = MetricKind(
        builtIn: "fullResolutionTime.business", .duration)
    /// Handle time per interaction: talk + hold + after-contact work.
    public static let handleTime = MetricKind(builtIn: "handleTime", .duration)
    /// Whether a first-reply SLA target was achieved (`true`) or breached (`false`).
    public static let slaFirstReply = MetricKind(builtIn: "sla.firstReply", .outcome)
    /// Whether a next-reply SLA target was achieved or breached.
    public static let slaNextReply = MetricKind(builtIn: "sla.nextReply", .outcome)
    /// Whether a resolution SLA target was achieved or breached.
    public static let slaResolution = MetricKind(builtIn: "sla.resolution", .outcome)
    /// Per solved ticket: whether it was reopened at least once.
    public static let ticketReopened = MetricKind(builtIn: "ticket.reopened", .outcome)
    /// Per order: whether it has at least one return (order-based return rate).
    public static let orderReturned = MetricKind(builtIn: "returns.orderReturned", .outcome)
    /// Units sold (quantity), the denominator of the unit-based return rate.
    public static let unitsSold = MetricKind(builtIn: "returns.unitsSold", .quantity)
    /// Units returned (quantity), the numerator of the unit-based return rate.
    public static let unitsReturned = MetricKind(builtIn: "returns.unitsReturned", .quantity)
    /// Time from a return's receipt to its refund.
    public static let refundCycleTime = MetricKind(builtIn: "returns.refundCycleTime", .duration)
    /// Time from a community question to its first reply.
    public static let communityFirstResponseTime = MetricKind(
        builtIn: "community.firstResponseTime", .duration)
    /// Per community question: whether it has an accepted or staff answer.
    public static let communityQuestionAnswered = MetricKind(builtIn: "community.questionAnswered", .outcome)
}

/// Character rules shared by metric kind and dimension names.
enum MetricName {
    static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
            UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }
}
