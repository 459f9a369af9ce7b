/// A length of time in a rule ("within the last 30 days", "open longer than 4 hours").
///
/// Days and weeks are fixed lengths (86 400 and 604 800 seconds), independent of time
/// zones and daylight-saving changes. The `Codable` form is one key naming the unit:
/// `{"days": 30}`, `{"hours": 4}`, `{"minutes": 15}`, `{"seconds": 90}`, `{"weeks": 2}`.
public struct RuleDuration: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The unit a duration is written in.
    public enum Unit: String, Hashable, Sendable, CaseIterable {
        /// Seconds.
        case seconds
        /// Minutes (60 s).
        case minutes
        /// Hours (3 600 s).
        case hours
        /// Days (86 400 s).
        case days
        /// Weeks (604 800 s).
        case weeks

        /// The unit's length in seconds.
        public var seconds: Int64 {
            switch self {
            case .seconds: return 1
            case .minutes: return 60
            case .hours: return 3600
            case .days: return 86_400
            case .weeks: return 604_800
            }
        }
    }

    /// The longest duration a rule may use: 1 000 years of days.
    public static let maximumSeconds: Int64 = 1000 * 366 * 86_400

    /// How many units.
    public let amount: Int64
    /// The unit.
    public let unit: Unit

    /// Creates a duration.
    ///
    /// - Parameters:
    ///   - amount: How many units; rule validation requires 0 … ``maximumSeconds`` in total.
    ///   - unit: The unit.
    public init(_ amount: Int64, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// A number of weeks.
    ///
    /// - Parameter amount: How many weeks.
    public static func weeks(_ amount: Int64) -> RuleDuration { RuleDuration(amount, .weeks) }
    /// A number of days.
    ///
    /// - Parameter amount: How many days.
    public static func days(_ amount: Int64) -> RuleDuration { RuleDuration(amount, .days) }
    /// A number of hours.
    ///
    /// - Parameter amount: How many hours.
    public static func hours(_ amount: Int64) -> RuleDuration { RuleDuration(amount, .hours) }
    /// A number of minutes.
    ///
    /// - Parameter amount: How many minutes.
    public static func minutes(_ amount: Int64) -> RuleDuration { RuleDuration(amount, .minutes) }
    /// A number of seconds.
    ///
    /// - Parameter amount: How many seconds.
    public static func seconds(_ amount: Int64) -> RuleDuration { RuleDuration(amount, .seconds) }

    /// The length in seconds, saturating at the `Int64` limits.
    public var totalSeconds: Int64 {
        let (product, overflow) = amount.multipliedReportingOverflow(by: unit.seconds)
        if overflow { return amount < 0 ? .min : .max }
        return product
    }

    /// Whether the duration is within 0 … ``maximumSeconds``.
    var isInRange: Bool { amount >= 0 && totalSeconds <= RuleDuration.maximumSeconds }

    /// Readable text: `"30 days"`, `"1 hour"`.
    public var description: String {
        let singular = String(unit.rawValue.dropLast())
        return "\(amount) \(amount == 1 ? singular : unit.rawValue)"
    }

    private struct UnitKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes `{"days": 30}` and the like.
    ///
    /// - Throws: ``CoreError`` `.validationFailed` naming the coding path unless the object has
    ///   exactly one key naming a unit with an integer amount.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: UnitKey.self)
        let field = CodingPathText.field(decoder.codingPath, root: "duration")
        guard container.allKeys.count == 1, let key = container.allKeys.first,
            let unit = Unit(rawValue: key.stringValue)
        else {
            throw CoreError.validation(
                field: field, reason: "must have exactly one of seconds, minutes, hours, days or weeks")
        }
        guard let amount = try? container.decode(Int64.self, forKey: key) else {
            throw CoreError.validation(field: field + "." + key.stringValue, reason: "must be a whole number")
        }
        self.init(amount, unit)
    }

    /// Encodes `{"<unit>": amount}`.
    ///
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: UnitKey.self)
        try container.encode(amount, forKey: UnitKey(stringValue: unit.rawValue))
    }
}
