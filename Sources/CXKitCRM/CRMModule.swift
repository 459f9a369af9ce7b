/// Facts about the CXKitCRM module. Customers, timeline, segments, loyalty, the support desk with SLAs, and privacy requests.
public enum CRMModule {
    /// The module's stable name, used as the prefix of its record types, event kinds and
    /// operation names (`"crm.…"`).
    public static let name = "crm"
}
