/// The pending outbox entries of one aggregate, in commit order, and the one entry of it
/// currently leased to a relay, if any.
///
/// Only the first entry may be handed out, which keeps delivery in order per aggregate.
struct OutboxAggregateQueue {
    /// The sequence numbers, ascending; `sequences[start...]` are live.
    private var sequences: [UInt64] = []
    private var start = 0
    /// The entry of this aggregate last leased (its lease may have expired).
    var leased: UInt64?

    /// The first pending entry.
    var head: UInt64? { start < sequences.count ? sequences[start] : nil }

    /// Whether no entry is pending.
    var isEmpty: Bool { start >= sequences.count }

    /// Adds an entry, keeping commit order.
    mutating func insert(_ sequence: UInt64) {
        if let last = sequences.last, last > sequence, !isEmpty {
            var index = sequences.count
            while index > start && sequences[index - 1] > sequence { index -= 1 }
            sequences.insert(sequence, at: index)
        } else {
            sequences.append(sequence)
        }
    }

    /// Removes an entry.
    mutating func remove(_ sequence: UInt64) {
        if head == sequence {
            start += 1
        } else if let index = sequences[start...].firstIndex(of: sequence) {
            sequences.remove(at: index)
        }
        if leased == sequence { leased = nil }
        if start >= sequences.count {
            sequences.removeAll(keepingCapacity: false)
            start = 0
        } else if start >= 16 && start * 2 >= sequences.count {
            sequences.removeFirst(start)
            start = 0
        }
    }
}
