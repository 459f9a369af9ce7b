/// A bounded heap keeping the best `capacity` matches seen so far: higher score first, then
/// lower identifier. The root is the worst kept match, so a better one replaces it in
/// O(log capacity).
struct RankedOrdinals {
    struct Entry {
        let score: Double
        let id: Identifier
        let ordinal: UInt32
    }

    private(set) var entries: [Entry] = []
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        entries.reserveCapacity(Swift.min(capacity, 1024))
    }

    /// Whether `lhs` ranks before `rhs`.
    @inline(__always)
    static func ranksBefore(_ lhs: Entry, _ rhs: Entry) -> Bool {
        lhs.score > rhs.score || (lhs.score == rhs.score && lhs.id < rhs.id)
    }

    /// Whether the page is full.
    var isFull: Bool { entries.count >= capacity }

    /// The score of the worst kept match; only meaningful once the page is full.
    var worstScore: Double { entries.isEmpty ? -Double.infinity : entries[0].score }

    /// Whether a match with `score` cannot enter the page, whatever its identifier.
    @inline(__always)
    func rejects(_ score: Double) -> Bool {
        entries.count >= capacity && (capacity == 0 || score < entries[0].score)
    }

    /// Offers a match.
    @inline(__always)
    mutating func offer(score: Double, id: Identifier, ordinal: UInt32) {
        let entry = Entry(score: score, id: id, ordinal: ordinal)
        if entries.count < capacity {
            entries.append(entry)
            siftUp(entries.count - 1)
        } else if capacity > 0 && Self.ranksBefore(entry, entries[0]) {
            entries[0] = entry
            siftDown(0)
        }
    }

    /// The kept matches, best first.
    func sorted() -> [Entry] { entries.sorted(by: Self.ranksBefore) }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            // The root holds the worst entry: a child that ranks after its parent moves up.
            guard Self.ranksBefore(entries[parent], entries[child]) else { return }
            entries.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = parent * 2 + 1
            guard left < entries.count else { return }
            var worst = left
            let right = left + 1
            if right < entries.count && Self.ranksBefore(entries[left], entries[right]) { worst = right }
            guard Self.ranksBefore(entries[parent], entries[worst]) else { return }
            entries.swapAt(parent, worst)
            parent = worst
        }
    }
}
