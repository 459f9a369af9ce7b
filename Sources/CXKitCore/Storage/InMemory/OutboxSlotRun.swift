/// The outbox's slots in sequence order, stored in fixed-size chunks.
///
/// Appending never moves earlier slots (a flat array would copy every slot, a few hundred
/// bytes each, on each doubling), and dropping the delivered front frees whole chunks
/// without shifting the rest. One emptied chunk is kept for reuse, so an outbox that a
/// relay keeps draining allocates nothing in the steady state.
///
/// Slots are read and changed where they lie, through ``slot(at:)``: the ledger's hot paths
/// (acknowledging, leasing, relinking a queue) touch one or two fields of a slot, and
/// copying a whole slot out of an array of optionals and back would copy its entry and
/// retain every reference in it.
struct OutboxSlotRun {
    /// Slots per chunk (a power of two).
    private static let chunkShift = 8
    private static let chunkSize = 1 << chunkShift

    private var chunks: ContiguousArray<OutboxSlotChunk> = []
    private var spare: OutboxSlotChunk?
    /// The number of positions, delivered or not.
    private(set) var count = 0

    /// Whether the run holds no position.
    var isEmpty: Bool { count == 0 }

    /// The slot at `position`, in place, or `nil` once delivered. `position` must be below
    /// ``count``; the pointer is valid until the run next changes which positions it holds.
    @inline(__always)
    func slot(at position: Int) -> UnsafeMutablePointer<OutboxSlot>? {
        chunks[position >> Self.chunkShift].slot(at: position & (Self.chunkSize - 1))
    }

    /// Whether the position holds a slot (it does not once delivered).
    @inline(__always)
    func holdsSlot(at position: Int) -> Bool {
        chunks[position >> Self.chunkShift].holdsSlot(at: position & (Self.chunkSize - 1))
    }

    /// Puts `slot` at `position` (below ``count``), replacing the slot there if any.
    func store(_ slot: consuming OutboxSlot, at position: Int) {
        chunks[position >> Self.chunkShift].store(slot, at: position & (Self.chunkSize - 1))
    }

    /// Empties `position` (below ``count``), releasing its slot.
    func clear(at position: Int) {
        chunks[position >> Self.chunkShift].clear(at: position & (Self.chunkSize - 1))
    }

    /// Adds the slot of a newly committed event at position ``count``, built where it
    /// will lie rather than built and then copied there (a slot is a few hundred bytes).
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - sequence: Its commit sequence number.
    ///   - queue: The position of its aggregate's queue.
    mutating func append(_ event: EventEnvelope, sequence: UInt64, queue: Int) {
        let offset = count & (Self.chunkSize - 1)
        if offset == 0 {
            let chunk = spare ?? OutboxSlotChunk(capacity: Self.chunkSize)
            spare = nil
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].initialize(at: offset, event: event, sequence: sequence, queue: queue)
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
        recycle(chunks[dropped - 1])
        chunks.removeFirst(dropped)
        count -= positions
    }

    /// Removes every position, keeping one chunk's storage for reuse.
    mutating func removeAll() {
        if let last = chunks.last { recycle(last) }
        chunks.removeAll(keepingCapacity: true)
        count = 0
    }

    /// Empties `chunk` and keeps it as the spare.
    private mutating func recycle(_ chunk: OutboxSlotChunk) {
        chunk.clearAll()
        spare = chunk
    }
}
