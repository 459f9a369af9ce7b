/// FNV-1a, 64-bit: a hash that is the same in every process and on every platform (unlike
/// `Hasher`), for identifiers and fingerprints that are stored.
struct StableHash {
    private(set) var value: UInt64

    init(seed: UInt64 = 0xCBF2_9CE4_8422_2325) { value = seed }

    mutating func combine(_ text: String) {
        for byte in text.utf8 { combine(byte: byte) }
        combine(byte: 0xFF)
    }

    mutating func combine(_ number: UInt64) {
        var remaining = number
        for _ in 0..<8 {
            combine(byte: UInt8(truncatingIfNeeded: remaining))
            remaining >>= 8
        }
    }

    mutating func combine(byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x0000_0100_0000_01B3
    }
}
