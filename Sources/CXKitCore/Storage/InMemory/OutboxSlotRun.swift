/// The outbox's slots in sequence order, stored in fixed-size chunks.
///
/// Appending never moves earlier slots (a flat array would copy every slot, a few hundred
/// bytes each, on each doubling), and dropping the delivered front frees whole chunks
/// without shifting the rest. One emptied chunk is kept for reuse, so an outbox that a
/// relay keeps draining allocates nothing in the steady state.
struct OutboxSlotRun {
    /// Slots per chunk (a power of two).
    private static let chunkShift = 8
    private static let chunkSize = 1 << chunkShift

    private var chunks: ContiguousArray<ContiguousArray<OutboxSlot?>> = []
    private var spare: ContiguousArray<OutboxSlot?>?
    /// The number of positions, delivered or not.
    private(set) var count = 0

    /// Whether the run holds no position.
    var isEmpty: Bool { count == 0 }

    /// The slot at `position` (`nil` once delivered), which must be below ``count``.
    subscript(position: Int) -> OutboxSlot? {
        get { chunks[position >> Self.chunkShift][position & (Self.chunkSize - 1)] }
        set { chunks[position >> Self.chunkShift][position & (Self.chunkSize - 1)] = newValue }
    }

    /// Whether the position holds a slot (it is `nil` once delivered), checked in place
    /// without copying the slot out.
    func holdsSlot(at position: Int) -> Bool {
        chunks[position >> Self.chunkShift][position & (Self.chunkSize - 1)] != nil
    }

    /// Sets the queue successor of the slot at `position`, if it holds one, in place.
    mutating func setNext(_ next: UInt64, at position: Int) {
        chunks[position >> Self.chunkShift][position & (Self.chunkSize - 1)]?.next = next
    }

    /// Adds a slot at position ``count``.
    mutating func append(_ slot: OutboxSlot) {
        if count & (Self.chunkSize - 1) == 0 {
            var chunk = spare ?? []
            spare = nil
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(slot)
        count += 1
    }

    /// How many of the first `emptyPositions` positions (all empty) can be dropped: whole
    /// chunks only.
    static func droppablePositions(of emptyPositions: Int) -> Int {
        emptyPositions & ~(chunkSize - 1)
    }

    /// Drops the first `positions` positions, as ``droppablePositions(of:)`` counted them;
    /// later positions move down by that much.
    mutating func dropLeadingChunks(upTo positions: Int) {
        let dropped = positions >> Self.chunkShift
        guard dropped > 0 else { return }
        recycleChunk(at: dropped - 1)
        chunks.removeFirst(dropped)
        count -= positions
    }

    /// Removes every position, keeping one chunk's storage for reuse.
    mutating func removeAll() {
        if !chunks.isEmpty { recycleChunk(at: chunks.count - 1) }
        chunks.removeAll(keepingCapacity: true)
        count = 0
    }

    /// Empties the chunk at `index` and keeps its storage as the spare.
    private mutating func recycleChunk(at index: Int) {
        var chunk: ContiguousArray<OutboxSlot?> = []
        swap(&chunk, &chunks[index])
        chunk.removeAll(keepingCapacity: true)
        spare = chunk
    }
}
