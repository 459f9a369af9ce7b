import Foundation

/// A stable 128-bit fingerprint of a request, used to tell a replay of the same request
/// from a different request sent with the same idempotency key.
///
/// The request is encoded as JSON with sorted keys and hashed with FNV-1a (128-bit); the
/// fingerprint is the hash as 32 lower-case hexadecimal digits. Equal requests give equal
/// fingerprints in every process and on every platform.
public enum RequestFingerprint {
    private static let offsetBasis = (high: UInt64(0x6c62_272e_07bb_0142), low: UInt64(0x62b8_2175_6295_c58d))
    private static let prime = (high: UInt64(0x0000_0000_0100_0000), low: UInt64(0x0000_0000_0000_013b))

    /// Fingerprints a request.
    ///
    /// - Parameter request: Any encodable request.
    /// - Returns: 32 lower-case hexadecimal digits.
    /// - Throws: ``CoreError`` with ``ErrorCode/validationFailed`` naming `request` when it
    ///   cannot be encoded as JSON.
    public static func of(_ request: some Encodable) throws(CoreError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data: Data
        do {
            data = try encoder.encode(request)
        } catch {
            throw .validation(field: "request", reason: "cannot be encoded as JSON")
        }
        return of(bytes: data)
    }

    /// Fingerprints raw bytes (FNV-1a, 128-bit).
    ///
    /// - Parameter bytes: The bytes to hash.
    /// - Returns: 32 lower-case hexadecimal digits.
    public static func of(bytes: some Sequence<UInt8>) -> String {
        var (high, low) = offsetBasis
        for byte in bytes {
            low ^= UInt64(byte)
            // (high, low) × prime mod 2¹²⁸.
            let product = low.multipliedFullWidth(by: prime.low)
            let cross = high &* prime.low &+ low &* prime.high
            high = product.high &+ cross
            low = product.low
        }
        return hex(high) + hex(low)
    }

    private static func hex(_ word: UInt64) -> String {
        let digits = String(word, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
