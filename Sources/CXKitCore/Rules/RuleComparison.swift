import Foundation

/// Leaf semantics shared by the compiled and the explaining evaluators.
enum RuleComparison {
    /// The ordering of two values of one kind (-1, 0, 1); `nil` when they cannot be ordered
    /// (different kinds, different currencies, booleans, text, lists, NaN).
    static func order(_ lhs: RuleValue, _ rhs: RuleValue) -> Int? {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.number, .number), (.integer, .number), (.number, .integer):
            guard let a = number(lhs), let b = number(rhs), !a.isNaN, !b.isNaN else { return nil }
            return a < b ? -1 : (a == b ? 0 : 1)
        case (.date(let a), .date(let b)):
            let x = a.timeIntervalSinceReferenceDate
            let y = b.timeIntervalSinceReferenceDate
            guard !x.isNaN, !y.isNaN else { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        case (.money(let a), .money(let b)):
            guard a.currency == b.currency else { return nil }
            return a.minorUnits < b.minorUnits ? -1 : (a.minorUnits == b.minorUnits ? 0 : 1)
        case (.duration(let a), .duration(let b)):
            let x = a.totalSeconds
            let y = b.totalSeconds
            return x < y ? -1 : (x == y ? 0 : 1)
        default:
            return nil
        }
    }

    /// Whether two values are equal; `nil` when they cannot be compared (different kinds or
    /// currencies, NaN). Text compares exactly.
    static func equals(_ actual: RuleValue, _ expected: RuleValue) -> Bool? {
        switch (actual, expected) {
        case (.string(let a), .string(let b)): return a == b
        case (.boolean(let a), .boolean(let b)): return a == b
        case (.list, _), (_, .list): return nil
        default: return order(actual, expected).map { $0 == 0 }
        }
    }

    /// Whether a list element matches the operand of `contains` (text ignoring case).
    static func elementMatches(_ element: RuleValue, _ operand: RuleValue) -> Bool {
        if case .string(let a) = element, case .string(let b) = operand { return fold(a) == fold(b) }
        return equals(element, operand) ?? false
    }

    static func number(_ value: RuleValue) -> Double? {
        switch value {
        case .number(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    /// Simple case folding for `contains` and `startsWith`.
    @inline(__always)
    static func fold(_ text: String) -> String { text.lowercased() }

    /// Whether `text` contains `needle` (already folded), ignoring case.
    static func textContains(_ text: String, folded needle: String) -> Bool {
        if needle.isEmpty { return true }
        if let result = asciiMatch(text, needle, prefixOnly: false) { return result }
        return fold(text).contains(needle)
    }

    /// Whether `text` starts with `prefix` (already folded), ignoring case.
    static func textStarts(_ text: String, folded prefix: String) -> Bool {
        if let result = asciiMatch(text, prefix, prefixOnly: true) { return result }
        return fold(text).hasPrefix(prefix)
    }

    /// The same answer as the folding path, without allocating, when both strings are ASCII
    /// without carriage returns (where bytes and characters coincide); `nil` otherwise.
    private static func asciiMatch(_ text: String, _ needle: String, prefixOnly: Bool) -> Bool? {
        let answer: Bool?? = text.utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { pattern -> Bool? in
                for byte in pattern where byte >= 0x80 || byte == 13 { return nil }
                for byte in haystack where byte >= 0x80 || byte == 13 { return nil }
                guard pattern.count <= haystack.count else { return false }
                @inline(__always) func lower(_ byte: UInt8) -> UInt8 {
                    byte >= 65 && byte <= 90 ? byte | 0x20 : byte
                }
                let lastStart = prefixOnly ? 0 : haystack.count - pattern.count
                var start = 0
                while start <= lastStart {
                    var offset = 0
                    while offset < pattern.count, lower(haystack[start + offset]) == pattern[offset] {
                        offset += 1
                    }
                    if offset == pattern.count { return true }
                    start += 1
                }
                return false
            } ?? nil
        }
        return answer ?? nil
    }
}
