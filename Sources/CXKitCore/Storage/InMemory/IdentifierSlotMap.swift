/// A hash map from ``Identifier`` to a slot number, stored flat: each probe reads one
/// 24-byte cell holding the key and the slot together, so a lookup in a table of a million
/// records costs about one cache miss (a `Dictionary` touches its bitmap, key and value
/// arrays separately).
///
/// Open addressing with linear probing and tombstones; the table doubles at 70 % load
/// (tombstones included) and is rebuilt without tombstones when it grows.
struct IdentifierSlotMap {
    private struct Cell {
        var high: UInt64
        var low: UInt64
        /// The slot plus 2; 0 marks an empty cell, 1 a removed one.
        var state: Int
    }

    private var cells: ContiguousArray<Cell>
    private var mask: Int
    private var occupied = 0
    private var used = 0

    /// The number of identifiers held.
    var count: Int { occupied }

    init() {
        cells = ContiguousArray(repeating: Cell(high: 0, low: 0, state: 0), count: 16)
        mask = 15
    }

    @inline(__always)
    private static func hash(_ id: Identifier) -> Int {
        // The low word of a version 7 identifier is random; mix in the high word for other
        // layouts (sequential test identifiers).
        var x = id.low ^ (id.high &* 0x9E37_79B9_7F4A_7C15)
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        return Int(truncatingIfNeeded: x)
    }

    /// The slot stored for `id`, or `nil`.
    @inline(__always)
    func slot(of id: Identifier) -> Int? {
        var index = Self.hash(id) & mask
        while true {
            let cell = cells[index]
            if cell.state == 0 { return nil }
            if cell.state > 1 && cell.high == id.high && cell.low == id.low { return cell.state - 2 }
            index = (index + 1) & mask
        }
    }

    /// Stores `slot` for `id`, replacing any slot it had.
    mutating func set(_ slot: Int, for id: Identifier) {
        if (used + 1) * 10 > cells.count * 7 { grow() }
        var index = Self.hash(id) & mask
        var firstRemoved: Int?
        while true {
            let state = cells[index].state
            if state == 0 { break }
            if state == 1 {
                if firstRemoved == nil { firstRemoved = index }
            } else if cells[index].high == id.high && cells[index].low == id.low {
                cells[index].state = slot + 2
                return
            }
            index = (index + 1) & mask
        }
        if let firstRemoved {
            index = firstRemoved
        } else {
            used += 1
        }
        cells[index] = Cell(high: id.high, low: id.low, state: slot + 2)
        occupied += 1
    }

    /// Removes `id` and returns the slot it had, or `nil` when absent.
    @discardableResult
    mutating func remove(_ id: Identifier) -> Int? {
        var index = Self.hash(id) & mask
        while true {
            let cell = cells[index]
            if cell.state == 0 { return nil }
            if cell.state > 1 && cell.high == id.high && cell.low == id.low {
                cells[index].state = 1
                occupied -= 1
                return cell.state - 2
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = cells
        let capacity = occupied * 10 > old.count * 5 ? old.count * 2 : old.count
        cells = ContiguousArray(repeating: Cell(high: 0, low: 0, state: 0), count: capacity)
        mask = capacity - 1
        occupied = 0
        used = 0
        for cell in old where cell.state > 1 {
            var index = Self.hash(Identifier(high: cell.high, low: cell.low)) & mask
            while cells[index].state != 0 { index = (index + 1) & mask }
            cells[index] = cell
            occupied += 1
            used += 1
        }
    }
}
