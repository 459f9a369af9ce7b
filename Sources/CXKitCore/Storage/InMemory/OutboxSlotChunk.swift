/// A fixed number of outbox slots in one allocation, with a bit per position saying which
/// hold a slot.
final class OutboxSlotChunk {
    private let slots: UnsafeMutablePointer<OutboxSlot>
    private let capacity: Int
    /// Bit `i % 64` of word `i / 64` is set when position `i` holds an initialised slot.
    /// Behind a pointer rather than in an array property, so a check reads one word with
    /// no exclusivity bookkeeping.
    private let occupied: UnsafeMutablePointer<UInt64>
    private let wordCount: Int

    init(capacity: Int) {
        self.capacity = capacity
        slots = .allocate(capacity: capacity)
        wordCount = (capacity + 63) / 64
        occupied = .allocate(capacity: wordCount)
        occupied.initialize(repeating: 0, count: wordCount)
    }

    deinit {
        clearAll()
        slots.deallocate()
        occupied.deallocate()
    }

    /// Whether position `offset` holds a slot.
    @inline(__always)
    func holdsSlot(at offset: Int) -> Bool {
        guard offset >= 0, offset < capacity else { return false }
        return occupied[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }

    /// The slot at `offset`, in place, or `nil` when the position is empty.
    @inline(__always)
    func slot(at offset: Int) -> UnsafeMutablePointer<OutboxSlot>? {
        holdsSlot(at: offset) ? slots + offset : nil
    }

    /// Builds the slot of a newly committed event at `offset`, in place when the offset
    /// holds no slot (as the next position of a run never does); an occupied offset goes
    /// through ``store(_:at:)``. (Passing a new slot to `store` would build it first and
    /// copy it in: its parameter is a value of its own.)
    @inline(__always)
    func initialize(at offset: Int, event: EventEnvelope, sequence: UInt64, queue: Int) {
        let entry = OutboxEntry(event: event, sequence: sequence, nextAttemptAt: .distantPast)
        guard offset >= 0, offset < capacity, !holdsSlot(at: offset) else {
            return store(OutboxSlot(entry: entry, queue: queue), at: offset)
        }
        (slots + offset).initialize(to: OutboxSlot(entry: entry, queue: queue))
        occupied[offset >> 6] |= 1 << UInt64(offset & 63)
    }

    /// Puts `slot` at `offset`, replacing the slot there if any.
    func store(_ slot: consuming OutboxSlot, at offset: Int) {
        guard offset >= 0, offset < capacity else { return }
        if holdsSlot(at: offset) {
            slots[offset] = slot
        } else {
            (slots + offset).initialize(to: slot)
            occupied[offset >> 6] |= 1 << UInt64(offset & 63)
        }
    }

    /// Empties position `offset`, releasing its slot.
    func clear(at offset: Int) {
        guard holdsSlot(at: offset) else { return }
        (slots + offset).deinitialize(count: 1)
        occupied[offset >> 6] &= ~(1 << UInt64(offset & 63))
    }

    /// Releases every slot the chunk holds.
    func clearAll() {
        for word in 0..<wordCount {
            var bits = occupied[word]
            while bits != 0 {
                let offset = word << 6 | bits.trailingZeroBitCount
                (slots + offset).deinitialize(count: 1)
                bits &= bits - 1
            }
            occupied[word] = 0
        }
    }
}
