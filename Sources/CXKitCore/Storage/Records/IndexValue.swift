import Foundation

/// One component of an index key. Values of the same case compare naturally; values of
/// different cases order by case (`bool < int < double < string < identifier < date`), so
/// mixed keys still have a total order.
public enum IndexValue: Hashable, Comparable, Sendable, Codable {
    /// A Boolean (`false < true`).
    case bool(Bool)
    /// A signed integer.
    case int(Int64)
    /// A floating-point number (NaN is not allowed in keys and sorts first if present).
    case double(Double)
    /// A string, compared by Unicode scalar values (byte order of its UTF-8 form).
    case string(String)
    /// An identifier, compared by its 128-bit value.
    case identifier(Identifier)
    /// An instant, compared chronologically.
    case date(Date)

    private var rank: Int {
        switch self {
        case .bool: 0
        case .int: 1
        case .double: 2
        case .string: 3
        case .identifier: 4
        case .date: 5
        }
    }

    /// The total order described on the type.
    public static func < (lhs: IndexValue, rhs: IndexValue) -> Bool {
        switch (lhs, rhs) {
        case (.bool(let a), .bool(let b)): return !a && b
        case (.int(let a), .int(let b)): return a < b
        case (.double(let a), .double(let b)):
            if a.isNaN { return !b.isNaN }
            return a < b
        case (.string(let a), .string(let b)): return a.utf8.lexicographicallyPrecedes(b.utf8)
        case (.identifier(let a), .identifier(let b)): return a < b
        case (.date(let a), .date(let b)): return a < b
        default: return lhs.rank < rhs.rank
        }
    }

    /// Wraps a typed identifier.
    ///
    /// - Parameter id: The identifier.
    public static func id<ID: TypedIdentifier>(_ id: ID) -> IndexValue { .identifier(id.rawValue) }
}

extension Array where Element == IndexValue {
    /// Lexicographic comparison of two composite keys; a strict prefix sorts first.
    ///
    /// - Parameter other: The key to compare with.
    /// - Returns: `true` when `self` orders before `other`.
    public func precedes(_ other: [IndexValue]) -> Bool {
        lexicographicallyPrecedes(other)
    }
}
