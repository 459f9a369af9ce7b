import CXKitCore
import Foundation

/// One reason a line (or quantity) cannot be returned, with a personal-data-free
/// explanation hosts can show or localise by ``code``.
///
/// Failures found by ``ReturnPolicy/eligibility(of:quantities:alreadyRequested:at:)`` keep
/// the structured facts behind them and render ``explanation`` and ``clause`` only when
/// read, so evaluating eligibility builds no text. Equality, hashing and the `Codable` form
/// use the rendered text, exactly as if it had been built up front.
public struct EligibilityFailure: Hashable, Sendable, Codable {
    /// Why a line is not eligible.
    public enum Code: String, Hashable, Sendable, Codable, CaseIterable {
        /// The return window has closed.
        case windowClosed
        /// The product class can never be returned.
        case nonReturnableClass
        /// A policy exclusion matches the line.
        case excluded
        /// The line was sold as final sale.
        case finalSale
        /// No unit has been delivered yet.
        case notDelivered
        /// The requested quantity is zero or negative.
        case quantityNotPositive
        /// More units were asked for than remain returnable.
        case quantityExceedsReturnable
    }

    /// Where a window was counted from, for the explanation.
    enum WindowStartText: UInt8, Sendable {
        case purchase, delivery, expectedDelivery

        var text: String {
            switch self {
            case .purchase: "purchase"
            case .delivery: "delivery"
            case .expectedDelivery: "the expected delivery"
            }
        }
    }

    /// An exclusion that matched, with what is needed to explain it later.
    struct ExclusionMatch: Sendable {
        let index: Int
        let name: String
        let rule: CompiledRule
        let line: ReturnableOrderLine
        let subject: LineRuleSubject
    }

    /// The structured facts a failure is rendered from.
    enum Detail: Sendable {
        case text(explanation: String, clause: String?)
        case windowClosed(days: Int, start: WindowStartText, deadline: Date, rule: String?)
        case nonReturnableClass(String)
        case finalSale
        indirect case excluded(ExclusionMatch)
        case notDelivered
        case quantityNotPositive
        case quantityExceedsReturnable(returnable: Int, delivered: Int)
    }

    /// Why.
    public let code: Code
    let detail: Detail

    /// Creates a failure.
    ///
    /// - Parameters:
    ///   - code: Why.
    ///   - explanation: A readable explanation.
    ///   - clause: The deciding policy clause, if any.
    public init(code: Code, explanation: String, clause: String? = nil) {
        self.code = code
        self.detail = .text(explanation: explanation, clause: clause)
    }

    init(code: Code, detail: Detail) {
        self.code = code
        self.detail = detail
    }

    /// A readable explanation (`"the 30-day window from delivery closed on 2026-02-04"`).
    public var explanation: String {
        switch detail {
        case .text(let explanation, _):
            return explanation
        case .windowClosed(let days, let start, let deadline, _):
            return "the \(days)-day window from \(start.text) closed on \(Self.day(deadline))"
        case .nonReturnableClass(let productClass):
            return "\(productClass) products cannot be returned"
        case .finalSale:
            return "final-sale items cannot be returned"
        case .excluded(let match):
            let facts = match.subject.facts(for: match.line)
            let reasons = match.rule.evaluate(against: facts, now: match.subject.now).reasons
            let detail = reasons.isEmpty ? "" : " (" + reasons.joined(separator: "; ") + ")"
            return "excluded by \(match.name)\(detail)"
        case .notDelivered:
            return "no unit has been delivered yet"
        case .quantityNotPositive:
            return "the quantity must be at least 1"
        case .quantityExceedsReturnable(let returnable, let delivered):
            return "only \(returnable) of \(delivered) delivered units can still be returned"
        }
    }

    /// The policy clause that decided it (`"exclusions[0]"`), if any.
    public var clause: String? {
        switch detail {
        case .text(_, let clause): return clause
        case .windowClosed(_, _, _, let rule): return rule.map { "windowRules[\($0)]" } ?? "defaultWindow"
        case .nonReturnableClass: return "nonReturnableClasses"
        case .finalSale: return "excludesFinalSale"
        case .excluded(let match): return "exclusions[\(match.index)]"
        case .notDelivered, .quantityNotPositive, .quantityExceedsReturnable: return nil
        }
    }

    /// Whether two failures have the same code, clause and explanation.
    ///
    /// - Parameters:
    ///   - lhs: A failure.
    ///   - rhs: Another failure.
    /// - Returns: `true` when they read the same.
    public static func == (lhs: EligibilityFailure, rhs: EligibilityFailure) -> Bool {
        lhs.code == rhs.code && lhs.clause == rhs.clause && lhs.explanation == rhs.explanation
    }

    /// Hashes the code and clause (failures that compare equal share both).
    ///
    /// - Parameter hasher: The hasher.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(clause)
    }

    private enum CodingKeys: String, CodingKey {
        case code, explanation, clause
    }

    /// Decodes a failure from its JSON form.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when a member is missing or malformed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            code: try container.decode(Code.self, forKey: .code),
            explanation: try container.decode(String.self, forKey: .explanation),
            clause: try container.decodeIfPresent(String.self, forKey: .clause))
    }

    /// Encodes the failure with its rendered explanation and clause.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(explanation, forKey: .explanation)
        try container.encodeIfPresent(clause, forKey: .clause)
    }

    /// `yyyy-MM-dd` of an instant in UTC.
    static func day(_ date: Date) -> String {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let (year, month, day) = civil(fromDays: days)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Days since 1970-01-01 to a proleptic Gregorian (year, month, day) in UTC.
    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
