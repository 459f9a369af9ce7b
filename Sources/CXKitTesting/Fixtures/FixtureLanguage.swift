/// A language of generated customers and sample texts.
public enum FixtureLanguage: String, Hashable, Sendable, Codable, CaseIterable {
    /// Turkish (`"tr"`).
    case turkish = "tr"
    /// English (`"en"`).
    case english = "en"
}
