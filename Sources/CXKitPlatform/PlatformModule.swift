/// Facts about the CXKitPlatform module. The composition of every module over one store, cross-module flows and privacy requests.
public enum PlatformModule {
    /// The module's stable name, used as the prefix of its record types, event kinds and
    /// operation names (`"platform.…"`).
    public static let name = "platform"
}
