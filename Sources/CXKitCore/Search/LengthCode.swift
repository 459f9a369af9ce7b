/// A one-byte code for a document's weighted length whose decoded value never exceeds
/// the length, so pruning can bound BM25 scores from a quarter of the memory the exact
/// lengths take (a shorter length gives a smaller norm and so a larger score).
///
/// Codes below 128 are whole words (`code × 8` eighths); above, each code is about 4 %
/// longer than the previous one, up to lengths far beyond any accepted document.
enum LengthCode {
    /// Code → the smallest length × 8 it stands for, ascending.
    static let floors: [UInt32] = {
        var floors: [UInt32] = (0..<128).map { UInt32($0) * 8 }
        var value = 1024.0
        while floors.count < 256 {
            floors.append(UInt32(value))
            value *= 1.04
        }
        return floors
    }()

    /// The largest code whose floor does not exceed `length` (a length × 8).
    static func code(for length: UInt32, floors: [UInt32]) -> UInt8 {
        if length < 1024 { return UInt8(length / 8) }
        var low = 128
        var high = 255
        while low < high {
            let middle = (low + high + 1) / 2
            if floors[middle] <= length { low = middle } else { high = middle - 1 }
        }
        return UInt8(low)
    }
}
