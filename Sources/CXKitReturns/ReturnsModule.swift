/// Facts about the CXKitReturns module: return policies, explained eligibility, the RMA
/// lifecycle, refunds, exchanges and restock.
public enum ReturnsModule {
    /// The module's stable name, used as the prefix of its record types, event kinds and
    /// operation names (`"returns.…"`).
    public static let name = "returns"
}
