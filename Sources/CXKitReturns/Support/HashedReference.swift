/// A caller's reference string (a restock or hold reference, a refund attempt's
/// idempotency key) as a dictionary key that carries its own hash.
///
/// The in-memory gateways keep thousands of such references, all about the same length.
/// A dictionary compares a looked-up key with every occupied bucket it probes; two
/// strings of equal length can only be told apart by reading their characters from the
/// heap, one cache miss per bucket. Comparing the stored hashes first rejects those
/// buckets without touching the strings.
struct HashedReference: Hashable {
    /// The reference.
    let text: String
    /// `text`'s hash, computed once.
    private let hash: Int

    init(_ text: String) {
        self.text = text
        self.hash = text.hashValue
    }

    static func == (lhs: HashedReference, rhs: HashedReference) -> Bool {
        lhs.hash == rhs.hash && lhs.text == rhs.text
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
