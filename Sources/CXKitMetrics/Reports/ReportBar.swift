/// One labelled value of a bar or distribution chart.
public struct ReportBar: Hashable, Sendable, Codable {
    /// The label (a dimension value, a score).
    public let label: String
    /// The value; `nil` draws no bar (n = 0).
    public let value: Double?

    /// Creates a bar.
    ///
    /// - Parameters:
    ///   - label: The label.
    ///   - value: The value.
    public init(label: String, value: Double?) {
        self.label = label
        self.value = value
    }
}
