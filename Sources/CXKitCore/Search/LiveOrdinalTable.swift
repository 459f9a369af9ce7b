/// Maps the identifiers of live documents to their ordinals in 4 bytes per slot: an
/// open-addressing table (linear probing, at most half full) that stores only ordinals
/// and compares identifiers through the index's ordinal → identifier array.
///
/// Removal uses backward-shift deletion, so lookups never pass tombstones. Identifiers are
/// mixed with a per-process random seed (taken from `Hasher`).
struct LiveOrdinalTable: Sendable {
    /// Slot → ordinal + 1, 0 = empty.
    private var slots: [UInt32] = Array(repeating: 0, count: 64)
    private(set) var count = 0
    private let seed: UInt64 = {
        var hasher = Hasher()
        hasher.combine(0x1D5E_ED00 as UInt64)
        return UInt64(UInt(bitPattern: hasher.finalize()))
    }()

    @inline(__always)
    private func home(_ id: Identifier, mask: Int) -> Int {
        var x = id.high ^ seed ^ (id.low &* 0x9E37_79B9_7F4A_7C15)
        x = (x ^ (x >> 32)) &* 0xD6E8_FEB8_6659_FD93
        x = (x ^ (x >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return Int(truncatingIfNeeded: x ^ (x >> 32)) & mask
    }

    /// Reads the home slot of `id` and returns its contents, so a following lookup finds it
    /// in the cache; fold the result into a value that is kept, so the read stays.
    @inline(__always)
    func touchSlot(of id: Identifier) -> UInt32 { slots[home(id, mask: slots.count - 1)] }

    /// The ordinal of `id`, if live.
    func ordinal(of id: Identifier, ids: [Identifier]) -> UInt32? {
        let mask = slots.count - 1
        var slot = home(id, mask: mask)
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if ids[Int(entry - 1)] == id { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Makes room for `capacity` entries without regrowing.
    mutating func reserveCapacity(_ capacity: Int, ids: [Identifier]) {
        var size = slots.count
        while size < capacity * 2 { size *= 2 }
        if size > slots.count { rehash(size, ids: ids) }
    }

    /// Records `ordinal` for `id`, which must not be present.
    mutating func insert(_ id: Identifier, ordinal: UInt32, ids: [Identifier]) {
        if (count + 1) * 2 > slots.count { rehash(slots.count * 2, ids: ids) }
        let mask = slots.count - 1
        var slot = home(id, mask: mask)
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = ordinal + 1
        count += 1
    }

    /// Forgets `id`, if present.
    mutating func remove(_ id: Identifier, ids: [Identifier]) {
        let mask = slots.count - 1
        var slot = home(id, mask: mask)
        while true {
            let entry = slots[slot]
            if entry == 0 { return }
            if ids[Int(entry - 1)] == id { break }
            slot = (slot + 1) & mask
        }
        // Backward-shift deletion: move later entries of the run into the hole when their
        // home slot does not lie between the hole and their current slot.
        var hole = slot
        var next = (hole + 1) & mask
        while slots[next] != 0 {
            let wanted = home(ids[Int(slots[next] - 1)], mask: mask)
            let distanceToNext = (next - wanted) & mask
            let distanceToHole = (hole - wanted) & mask
            if distanceToHole <= distanceToNext {
                slots[hole] = slots[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        slots[hole] = 0
        count -= 1
    }

    private mutating func rehash(_ size: Int, ids: [Identifier]) {
        let old = slots
        slots = Array(repeating: 0, count: size)
        let mask = size - 1
        for entry in old where entry != 0 {
            var slot = home(ids[Int(entry - 1)], mask: mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
