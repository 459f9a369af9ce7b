/// Interns folded term keys (UTF-8 bytes) as dense `UInt32` term IDs without creating a
/// `String` per lookup: an open-addressing hash table over one shared byte arena, plus a
/// lazily maintained lexicographic order for prefix ranges.
///
/// Keys are hashed 8 bytes at a time with a multiply-xorshift mix keyed by a per-process
/// random seed (taken from `Hasher`), so collisions cannot be planned across processes.
struct TermDictionary: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [UInt32] = [0]
    private var hashes: [UInt32] = []
    /// Two words per slot: the key's first 8 bytes (zero padded), then
    /// `tag (24 hash bits) << 40 | key length << 32 | (term ID + 1)`, 0 = empty. Keys of up
    /// to 8 bytes are matched without touching the byte arena. The slot count is a power
    /// of two, at most half full.
    private var slots: [UInt64] = Array(repeating: 0, count: 512)
    /// Term IDs in lexicographic order of their keys; covers the first `sorted.count` IDs.
    private var sorted: [UInt32] = []
    private let seed: UInt64 = {
        var hasher = Hasher()
        hasher.combine(0x5EA2_C4ED as UInt64)
        return UInt64(UInt(bitPattern: hasher.finalize()))
    }()

    /// The number of interned terms.
    var count: Int { hashes.count }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x = (x ^ (x >> 32)) &* 0xD6E8_FEB8_6659_FD93
        x = (x ^ (x >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return x ^ (x >> 32)
    }

    /// The hash of `key` as ``intern(_:hash:)`` and ``touchSlot(ofHash:)`` take it.
    @inline(__always)
    func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var state = seed ^ UInt64(key.count) &* 0x9E37_79B9_7F4A_7C15
        let raw = UnsafeRawBufferPointer(key)
        var offset = 0
        while offset + 8 <= key.count {
            state = Self.mix(state ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < key.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < key.count {
                tail |= UInt64(key[offset]) << shift
                shift += 8
                offset += 1
            }
            state = Self.mix(state ^ tail)
        }
        return state
    }

    @inline(__always)
    private func matches(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id])
        let end = Int(starts[id + 1])
        guard end - start == key.count else { return false }
        var index = 0
        while index < key.count {
            if bytes[start + index] != key[index] { return false }
            index += 1
        }
        return true
    }

    @inline(__always)
    private static func prefixWord(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if key.count >= 8 { return UnsafeRawBufferPointer(key).loadUnaligned(as: UInt64.self) }
        var word: UInt64 = 0
        var index = 0
        while index < key.count {
            word |= UInt64(key[index]) << UInt64(index * 8)
            index += 1
        }
        return word
    }

    @inline(__always)
    private static func meta(hash: UInt64, length: Int, id: Int) -> UInt64 {
        (hash >> 40) << 40 | UInt64(min(length, 255)) << 32 | UInt64(id + 1)
    }

    /// The slot holding `key`, or the empty slot where it belongs.
    @inline(__always)
    private func locate(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, id: Int?) {
        let mask = slots.count / 2 - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let word = Self.prefixWord(key)
        let expected = Self.meta(hash: hash, length: key.count, id: 0) & ~0xFFFF_FFFF
        while true {
            let meta = slots[slot * 2 + 1]
            if meta == 0 { return (slot, nil) }
            if meta & ~0xFFFF_FFFF == expected && slots[slot * 2] == word {
                let id = Int(meta & 0xFFFF_FFFF) - 1
                if key.count <= 8 || matches(id, key) { return (slot, id) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The ID of `key`, or `nil` when it was never interned.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> UInt32? {
        locate(key, hash: hash(key)).id.map { UInt32($0) }
    }

    /// The ID of a `String` key, or `nil` when it was never interned.
    func find(_ key: String) -> UInt32? {
        var key = key
        return key.withUTF8 { find($0) }
    }

    /// Reads the home slot of a key with `hash` and returns its contents, so a later
    /// lookup finds it in the cache. Reading the slots of several keys before interning
    /// them lets their cache misses overlap; fold the results into a value that is kept,
    /// so the reads are not optimised away.
    @inline(__always)
    func touchSlot(ofHash hash: UInt64) -> UInt64 {
        let mask = slots.count / 2 - 1
        return slots[(Int(truncatingIfNeeded: hash) & mask) * 2 + 1]
    }

    /// The ID of `key`, interning it first when new.
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> (id: UInt32, isNew: Bool) {
        intern(key, hash: hash(key))
    }

    /// The ID of `key`, whose ``hash(_:)`` is `hash`, interning it first when new.
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (id: UInt32, isNew: Bool) {
        var (slot, found) = locate(key, hash: hash)
        if let found { return (UInt32(found), false) }
        let id = hashes.count
        bytes.append(contentsOf: key)
        starts.append(UInt32(bytes.count))
        hashes.append(UInt32(truncatingIfNeeded: hash))
        if hashes.count * 4 > slots.count {
            grow()
            slot = locate(key, hash: hash).slot
        }
        slots[slot * 2] = Self.prefixWord(key)
        slots[slot * 2 + 1] = Self.meta(hash: hash, length: key.count, id: id)
        return (UInt32(id), true)
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        var newSlots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity / 2 - 1
        var slot = 0
        while slot < slots.count / 2 {
            let meta = slots[slot * 2 + 1]
            if meta != 0 {
                // The low 32 hash bits (kept per term) choose the slot while the table has
                // at most 2^32 slots.
                let id = Int(meta & 0xFFFF_FFFF) - 1
                var target = Int(hashes[id]) & mask
                while newSlots[target * 2 + 1] != 0 { target = (target + 1) & mask }
                newSlots[target * 2] = slots[slot * 2]
                newSlots[target * 2 + 1] = meta
            }
            slot += 1
        }
        slots = newSlots
    }

    /// The key of a term as a `String`.
    func key(of id: UInt32) -> String {
        String(decoding: bytes[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])], as: UTF8.self)
    }

    /// Compares the key of `id` with `key` lexicographically by bytes.
    private func compare(_ id: UInt32, _ key: [UInt8], prefixOnly: Bool) -> Int {
        let start = Int(starts[Int(id)])
        let end = Int(starts[Int(id) + 1])
        let length = end - start
        let common = min(length, key.count)
        var index = 0
        while index < common {
            let left = bytes[start + index]
            let right = key[index]
            if left != right { return left < right ? -1 : 1 }
            index += 1
        }
        if prefixOnly && length >= key.count { return 0 }
        return length == key.count ? 0 : (length < key.count ? -1 : 1)
    }

    /// Brings the lexicographic order up to date with terms interned since the last call.
    private mutating func updateOrder() {
        guard sorted.count < hashes.count else { return }
        var added = (UInt32(sorted.count)..<UInt32(hashes.count)).map { $0 }
        added.sort { compareIDs($0, $1) < 0 }
        if sorted.isEmpty {
            sorted = added
            return
        }
        var merged: [UInt32] = []
        merged.reserveCapacity(sorted.count + added.count)
        var left = 0
        var right = 0
        while left < sorted.count && right < added.count {
            if compareIDs(sorted[left], added[right]) <= 0 {
                merged.append(sorted[left])
                left += 1
            } else {
                merged.append(added[right])
                right += 1
            }
        }
        merged.append(contentsOf: sorted[left...])
        merged.append(contentsOf: added[right...])
        sorted = merged
    }

    private func compareIDs(_ lhs: UInt32, _ rhs: UInt32) -> Int {
        let leftStart = Int(starts[Int(lhs)])
        let leftLength = Int(starts[Int(lhs) + 1]) - leftStart
        let rightStart = Int(starts[Int(rhs)])
        let rightLength = Int(starts[Int(rhs) + 1]) - rightStart
        var index = 0
        while index < min(leftLength, rightLength) {
            let left = bytes[leftStart + index]
            let right = bytes[rightStart + index]
            if left != right { return left < right ? -1 : 1 }
            index += 1
        }
        return leftLength == rightLength ? 0 : (leftLength < rightLength ? -1 : 1)
    }

    /// Calls `body` with the ID of every term starting with `prefix`, in lexicographic
    /// order, until it returns `false`.
    mutating func forEachTerm(withPrefix prefix: String, _ body: (UInt32) -> Bool) {
        updateOrder()
        let key = Array(prefix.utf8)
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if compare(sorted[middle], key, prefixOnly: false) < 0 { low = middle + 1 } else { high = middle }
        }
        var index = low
        while index < sorted.count && compare(sorted[index], key, prefixOnly: true) == 0 {
            if !body(sorted[index]) { return }
            index += 1
        }
    }
}
