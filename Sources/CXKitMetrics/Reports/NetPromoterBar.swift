/// One stacked NPS bar: how many detractors, passives and promoters a segment had.
public struct NetPromoterBar: Hashable, Sendable, Codable {
    /// The segment's label.
    public let label: String
    /// Promoters (9–10).
    public let promoters: Int64
    /// Passives (7–8).
    public let passives: Int64
    /// Detractors (0–6).
    public let detractors: Int64

    /// Creates a bar.
    ///
    /// - Parameters:
    ///   - label: The segment's label.
    ///   - promoters: Promoters.
    ///   - passives: Passives.
    ///   - detractors: Detractors.
    public init(label: String, promoters: Int64, passives: Int64, detractors: Int64) {
        self.label = label
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
    }

    /// promoters + passives + detractors.
    public var total: Int64 { promoters + passives + detractors }
}
