import Foundation

/// A composite index key (its partition and sort values) as order-preserving bytes, the
/// first 32 of them held inline as four big-endian words.
///
/// Comparing two keys is then a few integer comparisons instead of a walk over two arrays
/// of enums on the heap, and a B+ tree node holds its keys contiguously. Longer keys (long
/// strings, many components) keep the bytes after the 32nd in `overflow`.
///
/// The layout is the partition's component count (one byte, or `0xFF` and a word for 255
/// and more), then each partition component, then each sort component. A component is a
/// tag byte in ``IndexValue``'s case order followed by its value in big-endian, sign-flipped
/// form; a string's bytes are followed by `0x00`, with a `0x00` inside the string written
/// as `0x00 0xFF`. Every component therefore ends where the next one's non-zero tag (or the
/// end of the key) starts, so
/// - byte order is ``IndexValue``'s order component by component, a key that is a strict
///   prefix of another sorting first, and
/// - the zero padding after a short key never makes it equal to a longer one.
@usableFromInline
struct EncodedIndexKey: Hashable, Sendable {
    @usableFromInline var w0: UInt64
    @usableFromInline var w1: UInt64
    @usableFromInline var w2: UInt64
    @usableFromInline var w3: UInt64
    /// The bytes after the 32nd, or `nil` when the key fits inline.
    @usableFromInline var overflow: ContiguousArray<UInt8>?

    /// The smallest key: no byte at all.
    static let minimum = EncodedIndexKey(w0: 0, w1: 0, w2: 0, w3: 0, overflow: nil)

    @inlinable
    init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64, overflow: ContiguousArray<UInt8>?) {
        self.w0 = w0
        self.w1 = w1
        self.w2 = w2
        self.w3 = w3
        self.overflow = overflow
    }

    @usableFromInline
    static func == (lhs: EncodedIndexKey, rhs: EncodedIndexKey) -> Bool { compare(lhs, rhs) == 0 }

    @usableFromInline
    func hash(into hasher: inout Hasher) {
        hasher.combine(w0)
        hasher.combine(w1)
        hasher.combine(w2)
        hasher.combine(w3)
        if let overflow { hasher.combine(overflow) }
    }

    /// Three-way comparison in byte order: -1, 0 or 1.
    @inline(__always)
    static func compare(_ lhs: EncodedIndexKey, _ rhs: EncodedIndexKey) -> Int {
        if lhs.w0 != rhs.w0 { return lhs.w0 < rhs.w0 ? -1 : 1 }
        if lhs.w1 != rhs.w1 { return lhs.w1 < rhs.w1 ? -1 : 1 }
        if lhs.w2 != rhs.w2 { return lhs.w2 < rhs.w2 ? -1 : 1 }
        if lhs.w3 != rhs.w3 { return lhs.w3 < rhs.w3 ? -1 : 1 }
        if lhs.overflow == nil && rhs.overflow == nil { return 0 }
        return compareOverflow(lhs.overflow, rhs.overflow)
    }

    private static func compareOverflow(_ lhs: ContiguousArray<UInt8>?, _ rhs: ContiguousArray<UInt8>?)
        -> Int
    {
        let left = lhs ?? []
        let right = rhs ?? []
        let shared = min(left.count, right.count)
        var index = 0
        while index < shared {
            if left[index] != right[index] { return left[index] < right[index] ? -1 : 1 }
            index += 1
        }
        return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
    }

    /// The key's bytes; trailing zero bytes may be missing (the reader reads them back
    /// as zeros).
    var bytes: [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(32 + (overflow?.count ?? 0))
        for word in [w0, w1, w2, w3] {
            var shift: UInt64 = 56
            while true {
                result.append(UInt8(truncatingIfNeeded: word >> shift))
                if shift == 0 { break }
                shift -= 8
            }
        }
        if let overflow {
            result.append(contentsOf: overflow)
        } else {
            while let last = result.last, last == 0 { result.removeLast() }
        }
        return result
    }

    /// The sort values: the components after the partition's, decoded.
    var sortValues: [IndexValue] { components.sort }

    /// The partition and sort values, decoded.
    var components: (partition: [IndexValue], sort: [IndexValue]) {
        var reader = IndexKeyReader(self)
        let partitionCount = reader.readPartitionCount()
        var partition: [IndexValue] = []
        var sort: [IndexValue] = []
        while let value = reader.readValue() {
            if partition.count < partitionCount { partition.append(value) } else { sort.append(value) }
        }
        return (partition, sort)
    }

    /// The key cut to its first `byteCount` bytes.
    func prefix(byteCount: Int) -> EncodedIndexKey {
        func masked(_ word: UInt64, from offset: Int) -> UInt64 {
            let kept = byteCount - offset
            if kept >= 8 { return word }
            if kept <= 0 { return 0 }
            return word & ~(UInt64.max >> UInt64(kept * 8))
        }
        return EncodedIndexKey(
            w0: masked(w0, from: 0), w1: masked(w1, from: 8), w2: masked(w2, from: 16),
            w3: masked(w3, from: 24),
            overflow: byteCount > 32 ? overflow.map { ContiguousArray($0.prefix(byteCount - 32)) } : nil)
    }
}

/// Writes an ``EncodedIndexKey`` component by component, inline until the 32nd byte, in
/// the component encoding ``IndexKeyEncoding`` documents (which writes through it too).
///
/// Inlinable, so an ``IndexKey`` built from array literals in another module encodes the
/// values where the arrays are made and the arrays can live on the stack.
@usableFromInline
struct IndexKeyWriter {
    @usableFromInline var inline: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// The number of bytes written.
    @usableFromInline var count = 0
    @usableFromInline var overflow: ContiguousArray<UInt8>?

    /// Starts an empty byte string (no partition count), as ``IndexKeyEncoding`` writes.
    @inlinable
    init() {}

    /// Starts a key whose partition has `partitionCount` components.
    @inlinable
    init(partitionCount: Int) {
        if partitionCount < 0xFF {
            append(byte: UInt8(partitionCount))
        } else {
            append(byte: 0xFF)
            append(word: UInt64(partitionCount))
        }
    }

    /// The key written so far followed by `0xFF`: larger than it and than every key it is
    /// a prefix of (no component starts with `0xFF`), smaller than every other larger key.
    var successorOfPrefix: EncodedIndexKey {
        var copy = self
        copy.append(byte: 0xFF)
        return copy.key
    }

    /// Exactly the bytes written so far.
    var bytes: [UInt8] {
        var result = withUnsafeBytes(of: inline) { Array($0.prefix(Swift.min(count, 32))) }
        if let overflow { result.append(contentsOf: overflow) }
        return result
    }

    /// The key written so far.
    @inlinable
    var key: EncodedIndexKey {
        EncodedIndexKey(
            w0: UInt64(bigEndian: inline.0), w1: UInt64(bigEndian: inline.1),
            w2: UInt64(bigEndian: inline.2), w3: UInt64(bigEndian: inline.3), overflow: overflow)
    }

    @inlinable @inline(__always)
    mutating func append(byte: UInt8) {
        if count < 32 {
            let offset = count
            withUnsafeMutableBytes(of: &inline) { $0[offset] = byte }
        } else {
            overflow = overflow ?? []
            overflow?.append(byte)
        }
        count += 1
    }

    @inlinable @inline(__always)
    mutating func append(word: UInt64) {
        if count <= 24 {
            let offset = count
            withUnsafeMutableBytes(of: &inline) {
                $0.storeBytes(of: word.bigEndian, toByteOffset: offset, as: UInt64.self)
            }
            count += 8
        } else {
            var shift: UInt64 = 56
            while true {
                append(byte: UInt8(truncatingIfNeeded: word >> shift))
                if shift == 0 { break }
                shift -= 8
            }
        }
    }

    /// Makes room in the overflow for a key of `total` bytes, when it exceeds the inline 32.
    @inlinable
    mutating func reserveOverflow(forTotal total: Int) {
        guard total > 32 else { return }
        if overflow == nil { overflow = [] }
        overflow?.reserveCapacity(total - 32)
    }

    /// Appends one component. Always inlined, so a key built from a known case (as an
    /// index's closure builds it) writes that case's bytes without the switch.
    @inlinable @inline(__always)
    mutating func append(_ value: IndexValue) {
        switch value {
        case .bool(let flag):
            append(byte: 0x01)
            append(byte: flag ? 1 : 0)
        case .int(let number):
            append(byte: 0x02)
            append(word: UInt64(bitPattern: number) ^ (1 << 63))
        case .double(let number):
            append(byte: 0x03)
            append(word: Self.orderedBits(number))
        case .string(let text):
            append(byte: 0x04)
            // Room for the bytes and the terminator at once, so a long string grows the
            // overflow once rather than by doubling (an escaped zero may still add more).
            reserveOverflow(forTotal: count + text.utf8.count + 1)
            for byte in text.utf8 {
                append(byte: byte)
                if byte == 0 { append(byte: 0xFF) }
            }
            append(byte: 0)
        case .identifier(let id):
            append(byte: 0x05)
            append(word: id.high)
            append(word: id.low)
        case .date(let date):
            append(byte: 0x06)
            append(word: Self.orderedBits(date.timeIntervalSinceReferenceDate))
        }
    }

    /// A double's bits, flipped so unsigned order is numeric order; NaN first, both zeros
    /// alike (they are equal keys).
    @inlinable
    static func orderedBits(_ number: Double) -> UInt64 {
        if number.isNaN { return 0 }
        if number == 0 { return 1 << 63 }
        let bits = number.bitPattern
        return number.sign == .minus ? ~bits : bits ^ (1 << 63)
    }

    /// The inverse of ``orderedBits(_:)``.
    static func double(fromOrderedBits bits: UInt64) -> Double {
        if bits == 0 { return .nan }
        if bits & (1 << 63) != 0 { return Double(bitPattern: bits ^ (1 << 63)) }
        return Double(bitPattern: ~bits)
    }
}

/// Reads the components of an ``EncodedIndexKey`` back.
struct IndexKeyReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ key: EncodedIndexKey) { bytes = key.bytes }

    mutating func readPartitionCount() -> Int {
        guard let first = readByte() else { return 0 }
        return first == 0xFF ? Int(truncatingIfNeeded: readWord()) : Int(first)
    }

    private mutating func readByte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func readWord() -> UInt64 {
        var word: UInt64 = 0
        for _ in 0..<8 { word = word << 8 | UInt64(readByte() ?? 0) }
        return word
    }

    /// The next component, or `nil` at the end.
    mutating func readValue() -> IndexValue? {
        guard let tag = readByte() else { return nil }
        switch tag {
        case 0x01: return .bool(readByte() == 1)
        case 0x02: return .int(Int64(bitPattern: readWord() ^ (1 << 63)))
        case 0x03: return .double(IndexKeyWriter.double(fromOrderedBits: readWord()))
        case 0x04:
            var utf8: [UInt8] = []
            while let byte = readByte() {
                if byte != 0 {
                    utf8.append(byte)
                } else if position < bytes.count, bytes[position] == 0xFF {
                    utf8.append(0)
                    position += 1
                } else {
                    break
                }
            }
            return .string(String(decoding: utf8, as: UTF8.self))
        case 0x05:
            let high = readWord()
            return .identifier(Identifier(high: high, low: readWord()))
        case 0x06:
            return .date(
                Date(timeIntervalSinceReferenceDate: IndexKeyWriter.double(fromOrderedBits: readWord())))
        default: return nil
        }
    }
}
