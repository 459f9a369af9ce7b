/// Facts about the CXKitCommunity module. Community forums, Q&A, announcements and team channels, with moderation, reputation and search.
public enum CommunityModule {
    /// The module's stable name, used as the prefix of its record types, event kinds and
    /// operation names (`"community.…"`).
    public static let name = "community"
}
