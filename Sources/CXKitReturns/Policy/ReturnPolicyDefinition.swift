import CXKitCore

/// A return policy as data: what admins author, store and version. Build a
/// ``ReturnPolicy`` from it to validate and compile it.
public struct ReturnPolicyDefinition: Hashable, Sendable, Codable {
    /// The policy's name (`"standard"`).
    public var name: String
    /// The currency of its money thresholds and fees.
    public var currency: CurrencyCode
    /// The window for lines no window rule matches.
    public var defaultWindow: ReturnWindow
    /// Per category/tag windows; the first match wins.
    public var windowRules: [WindowRule]
    /// Product classes that can never be returned (`"hygiene"`, `"food"`, `"personalised"`).
    public var nonReturnableClasses: [String]
    /// Further lines that can never be returned.
    public var exclusions: [PolicyExclusion]
    /// Whether final-sale lines are excluded.
    public var excludesFinalSale: Bool
    /// Conditions items must meet at inspection.
    public var requiredConditions: [ItemCondition]
    /// The deduction, in basis points of a unit's net price, for an item failing a required
    /// condition (10 000 refunds nothing for it).
    public var conditionDeductionBasisPoints: Int
    /// Fees and shipping terms.
    public var fees: ReturnFees
    /// The resolutions customers may choose.
    public var allowedResolutions: [ReturnResolution]
    /// Lines whose unit price is at or below this may be kept (keep-the-item).
    public var keepItemThreshold: Money?
    /// Whether a replacement may ship before the return arrives (with an inventory hold).
    public var allowsInstantExchange: Bool
    /// Business days within which the refund is due.
    public var refundDeadlineBusinessDays: Int
    /// What the refund deadline counts from.
    public var refundDeadlineStart: RefundDeadlineStart
    /// Calendar days a return label stays valid.
    public var labelValidityDays: Int
    /// Requests that need an agent instead of approving themselves.
    public var reviewRules: [ReviewRule]
    /// Whether a reason that requires evidence, submitted without any, goes to review.
    public var reviewsMissingEvidence: Bool
    /// The serial-returner signal, if any.
    public var serialReturner: SerialReturnerRule?

    /// Creates a definition with conventional defaults: 30 days from delivery, hygiene,
    /// food and personalised goods excluded, refund or store credit or exchange, refund due
    /// within 5 business days of reception, labels valid 28 days, evidence reviewed.
    ///
    /// - Parameters:
    ///   - name: The policy's name.
    ///   - currency: The currency of its thresholds and fees.
    public init(name: String, currency: CurrencyCode) {
        self.name = name
        self.currency = currency
        self.defaultWindow = ReturnWindow(days: 30, from: .delivery)
        self.windowRules = []
        self.nonReturnableClasses = ["hygiene", "food", "personalised"]
        self.exclusions = []
        self.excludesFinalSale = true
        self.requiredConditions = [.unused, .originalPackaging]
        self.conditionDeductionBasisPoints = 10_000
        self.fees = ReturnFees()
        self.allowedResolutions = [.refundToOriginalPayment, .storeCredit, .exchange]
        self.keepItemThreshold = nil
        self.allowsInstantExchange = false
        self.refundDeadlineBusinessDays = 5
        self.refundDeadlineStart = .reception
        self.labelValidityDays = 28
        self.reviewRules = []
        self.reviewsMissingEvidence = true
        self.serialReturner = nil
    }
}
