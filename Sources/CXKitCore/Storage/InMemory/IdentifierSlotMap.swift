/// A hash map from ``Identifier`` to a 64-bit value, stored flat: each probe reads one
/// 24-byte cell holding the identifier and its value together.
///
/// Every identifier also has a slot: the number of the cell it sits in. ``RecordTable``
/// keeps each record at its identifier's slot of a parallel buffer and its version as the
/// value, so a point read computes both addresses from the hash and waits for the two
/// cache misses together, where a slot stored in the cell would make the record's miss
/// wait for the cell's (see
/// `Documentation/Decisions/0010-records-sit-beside-their-hash-cells.md`). Owners that keep
/// nothing beside the cells use ``set(_:for:)`` and ``value(for:)``.
///
/// Open addressing with linear probing and tombstones, at most 70 % full (tombstones
/// included). Slots change only in ``rebuild(capacity:moving:)``, which reports every move;
/// an owner with a parallel buffer checks ``isFull`` and rebuilds before ``claim(_:value:)``.
@usableFromInline
struct IdentifierSlotMap {
    @usableFromInline
    struct Cell {
        @usableFromInline var high: UInt64
        @usableFromInline var low: UInt64
        /// The value plus one; ``IdentifierSlotMap/emptyMark`` marks an empty cell and
        /// ``IdentifierSlotMap/removedMark`` a removed one.
        @usableFromInline var mark: UInt64

        @inlinable
        init(high: UInt64, low: UInt64, mark: UInt64) {
            self.high = high
            self.low = low
            self.mark = mark
        }
    }

    @usableFromInline static var emptyMark: UInt64 { 0 }
    @usableFromInline static var removedMark: UInt64 { .max }

    /// The largest value the map stores (the two marks take the others).
    static var largestValue: UInt64 { .max - 2 }

    @usableFromInline var cells: ContiguousArray<Cell>
    @usableFromInline var mask: Int
    /// Cells holding an identifier or a tombstone.
    private var used = 0

    /// The number of identifiers held.
    private(set) var count = 0

    /// The number of cells, and so of slots: every slot is below it.
    var capacity: Int { mask &+ 1 }

    /// An empty map of `capacity` cells, rounded up to a power of two of at least 4.
    init(capacity: Int = 4) {
        var size = 4
        while size < capacity { size &*= 2 }
        cells = HugePages.array(repeating: Cell(high: 0, low: 0, mark: Self.emptyMark), count: size)
        mask = size &- 1
    }

    @inlinable @inline(__always)
    static func hash(_ high: UInt64, _ low: UInt64) -> Int {
        // The low word of a version 7 identifier is random; mix in the high word for other
        // layouts (sequential test identifiers).
        var x = low ^ (high &* 0x9E37_79B9_7F4A_7C15)
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        return Int(truncatingIfNeeded: x)
    }

    @inline(__always)
    private static func isLive(_ mark: UInt64) -> Bool { mark != emptyMark && mark != removedMark }

    // MARK: Reading

    /// The slot of `id`, or `nil`.
    @inlinable @inline(__always)
    func slot(of id: Identifier) -> Int? {
        var index = Self.hash(id.high, id.low) & mask
        while true {
            let cell = cells[index]
            if cell.mark == Self.emptyMark { return nil }
            if cell.high == id.high && cell.low == id.low && cell.mark != Self.removedMark { return index }
            index = (index &+ 1) & mask
        }
    }

    /// The value stored for `id`, or `nil`.
    @inline(__always)
    func value(for id: Identifier) -> UInt64? {
        guard let slot = slot(of: id) else { return nil }
        return cells[slot].mark &- 1
    }

    /// Whether `slot` holds an identifier.
    @inline(__always)
    func isOccupied(_ slot: Int) -> Bool {
        slot >= 0 && slot <= mask && Self.isLive(cells[slot].mark)
    }

    /// The value stored at `slot`, which must be occupied.
    @inlinable @inline(__always)
    func value(at slot: Int) -> UInt64 { cells[slot].mark &- 1 }

    /// Calls `body` with every occupied slot, in slot order.
    func forEachOccupiedSlot(_ body: (Int) -> Void) {
        for slot in cells.indices where Self.isLive(cells[slot].mark) { body(slot) }
    }

    // MARK: Changing

    /// Whether claiming one more cell would take the map past its load limit; an owner with
    /// a parallel buffer rebuilds it first.
    var isFull: Bool { (used &+ 1) &* 10 > capacity &* 7 }

    /// The capacity a rebuild should have: double when the identifiers themselves fill more
    /// than half the cells, the same when tombstones are what fills it.
    var capacityForRebuild: Int { count &* 10 > capacity &* 5 ? capacity &* 2 : capacity }

    /// Stores `value` (at most ``largestValue``) at `slot`, which must be occupied.
    @inline(__always)
    mutating func setValue(_ value: UInt64, at slot: Int) { cells[slot].mark = value &+ 1 }

    /// Gives `id` a cell, reusing the first tombstone on its probe path, and stores `value`
    /// (at most ``largestValue``) there; when `id` is already held, leaves it as it is.
    ///
    /// The map must not be full (``isFull``): the owner rebuilds it first.
    ///
    /// - Returns: The identifier's slot, and whether it was claimed now.
    mutating func claim(_ id: Identifier, value: UInt64) -> (slot: Int, claimed: Bool) {
        var index = Self.hash(id.high, id.low) & mask
        var firstRemoved: Int?
        while true {
            let cell = cells[index]
            if cell.mark == Self.emptyMark { break }
            if cell.mark == Self.removedMark {
                if firstRemoved == nil { firstRemoved = index }
            } else if cell.high == id.high && cell.low == id.low {
                return (index, false)
            }
            index = (index &+ 1) & mask
        }
        if let firstRemoved {
            index = firstRemoved
        } else {
            used &+= 1
        }
        cells[index] = Cell(high: id.high, low: id.low, mark: value &+ 1)
        count &+= 1
        return (index, true)
    }

    /// Stores `value` (at most ``largestValue``) for `id`, replacing any value it had, and
    /// rebuilds the map first when it is full: for owners that keep nothing by slot.
    mutating func set(_ value: UInt64, for id: Identifier) {
        if isFull, slot(of: id) == nil { rebuild(capacity: capacityForRebuild) { _, _ in } }
        let (slot, claimed) = claim(id, value: value)
        if !claimed { setValue(value, at: slot) }
    }

    /// Removes `id`, leaving a tombstone, and returns the slot it had, or `nil` when absent.
    @discardableResult
    mutating func remove(_ id: Identifier) -> Int? {
        guard let slot = slot(of: id) else { return nil }
        removeIdentifier(at: slot)
        return slot
    }

    /// Removes the identifier at `slot`, which must be occupied, leaving a tombstone: for an
    /// owner that has found the slot already.
    mutating func removeIdentifier(at slot: Int) {
        cells[slot].mark = Self.removedMark
        count &-= 1
    }

    /// Moves every identifier into a new array of `capacity` cells (rounded up to a power of
    /// two that keeps the map under its load limit), dropping the tombstones, and reports
    /// each move as `moving(oldSlot, newSlot)`.
    mutating func rebuild(capacity: Int, moving: (_ from: Int, _ to: Int) -> Void) {
        var size = 4
        while size < capacity || (count &+ 1) &* 10 > size &* 7 { size &*= 2 }
        let old = cells
        cells = HugePages.array(repeating: Cell(high: 0, low: 0, mark: Self.emptyMark), count: size)
        mask = size &- 1
        used = count
        for from in old.indices where Self.isLive(old[from].mark) {
            let cell = old[from]
            var to = Self.hash(cell.high, cell.low) & mask
            while cells[to].mark != Self.emptyMark { to = (to &+ 1) & mask }
            cells[to] = cell
            moving(from, to)
        }
    }
}
